/**
 * The output schemas gulp writes into dist/ (what n8n shows in its schema preview), read from
 * where n8n itself reads them: the package is loaded with n8n-core's PackageDirectoryLoader
 * (what n8n uses for an installed community package: node type name -> the node's file from
 * package.json), and the schema is found by n8n-core's own functions from that file's folder
 * and each version the node declares, for both of n8n's readers:
 * - the editor's schema preview (GET /schemas/<type>/<version>.json): n8n's resolveSchema
 *   calls resolveOutputSchemaPath without version fallback (an exact file);
 * - loadOutputSchema with version fallback (n8n 2.x's output-schema lookup).
 * Neither the folder nor the version folder is derived here, so a schema written anywhere
 * else fails.
 */
import Ajv2020 from 'ajv/dist/2020';
import { loadOutputSchema, PackageDirectoryLoader, resolveOutputSchemaPath } from 'n8n-core';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { normalizeEvent } from '../../nodes/AtsNormalize/normalize';
import { vendorListWithKits as vendorList } from '../support/vendors';

const root = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: false, allErrors: true });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
/** Compiles each distinct schema once (every reader and version of a node reads the same text). */
const compile = (schema: object) => {
	const key = JSON.stringify(schema);
	if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
	return compiled.get(key)!;
};
const metadata = {
	vendor: 'x',
	eventType: 'y',
	eventId: null,
	deliveryKey: 'y:0f1e',
	receivedAt: '2025-01-01T00:00:00Z',
	verified: true,
	valid: true,
	issues: [],
};

let loader: PackageDirectoryLoader;
beforeAll(async () => {
	loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
});

const descriptionOf = (nodeType: string) =>
	(loader.nodeTypes[nodeType].type as INodeType).description;
const versionsOf = (description: INodeTypeDescription) =>
	Array.isArray(description.version) ? description.version : [description.version];
/** The trigger n8n registered for a vendor: the node type whose credential is the vendor's. */
const triggerTypeOf = (credentialType: string) =>
	Object.keys(loader.known.nodes).filter((nodeType) =>
		(descriptionOf(nodeType).credentials ?? []).some(
			(credential) => credential.name === credentialType,
		),
	);

type Reader = 'schema preview' | 'loadOutputSchema';
const readers: Reader[] = ['schema preview', 'loadOutputSchema'];

/** The schema each of n8n's readers finds for this node type, one per declared version. */
function schemasOf(nodeType: string, reader: Reader) {
	const nodeDir = path.dirname(loader.resolveSourcePath(loader.known.nodes[nodeType].sourcePath));
	return versionsOf(descriptionOf(nodeType)).map((version) => {
		let schema: unknown;
		if (reader === 'schema preview') {
			const file = resolveOutputSchemaPath({ nodeDir, version });
			schema =
				file !== undefined && fs.existsSync(file)
					? JSON.parse(fs.readFileSync(file, 'utf8'))
					: undefined;
		} else {
			schema = loadOutputSchema({ nodeDir, version, versionFallback: true });
		}
		if (schema === undefined)
			throw new Error(`${nodeType} v${version}: n8n's ${reader} finds no output schema`);
		return { version, schema: schema as object };
	});
}

describe.each(vendorList.map((vendor) => [vendor.key, vendor]))(
	'%s trigger output schema, where n8n reads it',
	(_key, vendor) => {
		let nodeType: string;
		beforeAll(() => {
			const found = triggerTypeOf(vendor.credentialType);
			expect(found).toHaveLength(1);
			nodeType = found[0];
		});
		it.each(readers)('%s finds one for every version the node declares', (reader) => {
			expect(schemasOf(nodeType, reader).map(({ version }) => version)).toEqual(
				versionsOf(descriptionOf(nodeType)),
			);
		});
		it.each(vendor.samples.map((sample) => [sample.title, sample.body]))(
			'accepts %s (every reader, every version)',
			(_title, body) => {
				for (const reader of readers) {
					for (const { version, schema } of schemasOf(nodeType, reader)) {
						const validate = compile(schema);
						expect({
							reader,
							version,
							errors: validate({ ...body, _ats: metadata }) ? [] : validate.errors,
						}).toEqual({ reader, version, errors: [] });
					}
				}
			},
		);
		it('requires the _ats metadata', () => {
			for (const reader of readers) {
				for (const { schema } of schemasOf(nodeType, reader))
					expect(compile(schema)(vendor.samples[0].body)).toBe(false);
			}
		});
	},
);

describe('ATS Normalize output schema, where n8n reads it', () => {
	it.each(
		vendorList.flatMap((vendor) =>
			vendor.samples.map((sample) => [vendor.key, sample.title, sample.body]),
		),
	)('%s: %s', (_key, _title, body) => {
		const event = normalizeEvent(body as Record<string, unknown>, { includeRaw: true });
		for (const reader of readers) {
			const [{ schema }] = schemasOf('atsNormalize', reader);
			const validate = compile(schema);
			expect({ reader, errors: validate(event) ? [] : validate.errors }).toEqual({
				reader,
				errors: [],
			});
		}
	});
});
