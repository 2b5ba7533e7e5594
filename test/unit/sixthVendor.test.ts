/**
 * The recipe in docs/adding-a-vendor.md, proved with a throwaway sixth vendor, "Acme". Its files
 * are what a real vendor's are, in test/fixtures (which mirrors the repository): its folder
 * (nodes/AcmeTrigger), its credential (credentials/AcmeApi.credentials.ts), the registry with
 * its line (vendors.withAcme.ts) and, simulated here, its two package.json entries. The first
 * tests check that those are all it takes and that no other file knows Acme. It is added to the
 * registry as one entry, exactly what a new line in nodes/vendors.ts does. It must then work
 * everywhere the product reads the registry: the shared webhook pipeline in n8n-core's real
 * WebhookContext, ATS Normalize, the output schema generation the build runs, the simulator's
 * signing, and n8n's package loader and npm's packing, given those package.json entries alone.
 */
import Ajv2020 from 'ajv/dist/2020';
import { loadOutputSchema, PackageDirectoryLoader, resolveOutputSchemaPath } from 'n8n-core';
import type {
	ICredentialTestFunctions,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

import { AtsNormalize } from '../../nodes/AtsNormalize/AtsNormalize.node';
import { normalizeEvent } from '../../nodes/AtsNormalize/normalize';
import { triggerItemJsonSchema } from '../../nodes/shared/metadata';
import { vendorList, vendors } from '../../nodes/vendors';
import { signingFor } from '../../scripts/signing';
import { loadTestKit, triggerNodeModule, triggerOutputSchemas } from '../../scripts/vendor-kits';
import { callWebhook, executeTrigger } from '../support/context';
import {
	FIXTURE_KITS_DIR,
	FIXTURE_NODES_DIR,
	KITS_DIR,
	NODES_DIR,
	credentialsOf,
	underTest,
	vendorsUnderTest,
} from '../support/vendors';

// The one registry entry. Everything imported above reads nodes/vendors and gets this.
jest.mock('../../nodes/vendors', () => {
	const actual = jest.requireActual('../../nodes/vendors');
	const { acmeVendor } = jest.requireActual('../fixtures/nodes/AcmeTrigger/acme.vendor');
	return {
		vendors: { ...actual.vendors, acme: acmeVendor },
		vendorList: [...actual.vendorList, acmeVendor],
	};
});

const SECRET = 'acme-test-secret';
const { vendor: acme, trigger: acmeTrigger, kit, node } = underTest('acme');
const credentials = credentialsOf(kit, SECRET);
// The simulator's signing helpers (scripts/signing.js) over this registry.
const simulator = signingFor(vendors, (vendor: typeof acme) =>
	loadTestKit(vendor, [KITS_DIR, FIXTURE_KITS_DIR]),
);
let sequence = 0;

function delivery(eventType: string, body?: Record<string, unknown>) {
	const nowMs = Date.now();
	const { headers, payload } = simulator.signedRequest(
		'acme',
		body ?? simulator.sampleEvent('acme', eventType, ++sequence, nowMs),
		credentials,
		{ nowMs },
	);
	return { rawBody: payload as string, headers: headers as Record<string, string> };
}

const receive = (request: { rawBody: string; headers: Record<string, string> }, parameters = {}) =>
	callWebhook(node, { ...request, credentials, parameters, workflowId: `wf-acme-${++sequence}` });

it('the registry holds the five vendors plus Acme, and nothing else changed', () => {
	const actual = jest.requireActual('../../nodes/vendors') as {
		vendorList: Array<{ key: string }>;
	};
	expect(vendorList.map((vendor) => vendor.key)).toEqual([
		...actual.vendorList.map((vendor) => vendor.key),
		'acme',
	]);
	expect(vendorsUnderTest.map((entry) => entry.key)).toContain('acme');
});

describe('what adding Acme takes: its folder, its credential, one registry line, two package.json entries', () => {
	const ROOT = path.join(__dirname, '..', '..');
	/** test/fixtures mirrors the repository: nodes/, credentials/, and the registry beside them. */
	const FIXTURES = path.dirname(FIXTURE_NODES_DIR);
	const filesUnder = (dir: string): string[] =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const full = path.join(dir, entry.name);
			return entry.isDirectory() ? filesUnder(full) : [full];
		});
	const relative = (from: string, files: string[]) =>
		files.map((file) => path.relative(from, file).split(path.sep).join('/')).sort();

	/** The credential classes in a `credentials/` folder, by their `name`. */
	const credentialFiles = (dir: string) =>
		new Map(
			fs
				.readdirSync(dir)
				.filter((file) => file.endsWith('.credentials.ts'))
				.map((file) => {
					const [Type] = Object.values(
						jest.requireActual(path.join(dir, file)) as Record<string, new () => ICredentialType>,
					);
					return [new Type().name, path.join(dir, file)] as const;
				}),
		);
	const acmeCredentialFile = credentialFiles(path.join(FIXTURES, 'credentials')).get(
		acme.credentialType,
	)!;

	/** What every vendor's folder holds, by the names the registry entry gives. */
	const requiredFiles = (vendor: { key: string; triggerNode: string }) =>
		[
			`${vendor.key}.vendor.ts`,
			`${vendor.key}.trigger.ts`,
			`${vendor.key}.schema.ts`,
			`${vendor.triggerNode}.node.ts`,
			`${vendor.triggerNode}.node.json`,
			`${vendor.key}.svg`,
			`${vendor.key}.dark.svg`,
		].sort();

	it('every vendor folder, the five and Acme, holds the same files by the same names; Acme holds nothing else', () => {
		for (const entry of vendorsUnderTest) {
			const folder = path.dirname(
				`${triggerNodeModule(entry.vendor, [NODES_DIR, FIXTURE_NODES_DIR])}.ts`,
			);
			expect([
				entry.key,
				requiredFiles(entry.vendor).filter((file) => !fs.existsSync(path.join(folder, file))),
			]).toEqual([entry.key, []]);
		}
		const acmeFolder = path.join(FIXTURE_NODES_DIR, acme.triggerNode);
		expect(relative(acmeFolder, filesUnder(acmeFolder))).toEqual(requiredFiles(acme));
		// Its test kit: beside the tests, by its key (the samples file is optional).
		const kitFolder = path.join(FIXTURES, 'kits', acme.key);
		expect(
			relative(kitFolder, filesUnder(kitFolder)).filter(
				(file) => file !== `${acme.key}.samples.ts`,
			),
		).toEqual([`${acme.key}.testing.ts`]);
		// Its credential: the class n8n knows by the registry's credentialType, where credentials live.
		expect(relative(FIXTURES, [acmeCredentialFile])).toEqual([
			`credentials/AcmeApi.credentials.ts`,
		]);
	});

	// Acme's names, from its registry entry and credential; Kombo's samples name a company "Acme", so not the word alone.
	const acmeNames = new RegExp(
		[
			`\\b(${acme.key}Vendor|${acme.key}Trigger|${acme.credentialType})\\b`,
			`\\b${acme.key}\\.(vendor|trigger|schema|testing|samples)\\b`,
			`\\b${path.basename(acmeCredentialFile, '.credentials.ts')}\\b`,
		].join('|'),
		'i',
	);
	const quotedKey = new RegExp(`['"\`]${acme.key}['"\`]`);
	const knowsAcme = (file: string) => {
		const text = fs.readFileSync(file, 'utf8');
		return acmeNames.test(text) || quotedKey.test(text) || acmeNames.test(path.basename(file));
	};

	it('in test/fixtures, outside its folder, only its credential, its package.json entries and the registry with its line name Acme (beside the runner of the generic suites)', () => {
		const runner = ['jest.withAcme.config.js'];
		const folder = path.join(FIXTURE_NODES_DIR, acme.triggerNode);
		const naming = relative(
			FIXTURES,
			filesUnder(FIXTURES).filter(
				(file) => !file.startsWith(`${folder}${path.sep}`) && knowsAcme(file),
			),
		);
		expect(
			naming.filter(
				(file) =>
					!runner.includes(file) && !file.startsWith(`kits${path.sep}${acme.key}${path.sep}`),
			),
		).toEqual([...relative(FIXTURES, [acmeCredentialFile]), 'package.json', 'vendors.withAcme.ts']);
	});

	it('no other file of the repository knows Acme: nothing else needs editing', () => {
		const skipped = new Set([
			'node_modules',
			'dist',
			'.git',
			'coverage',
			'.n8n-dev',
			'docs',
			'package-lock.json',
		]);
		const walk = (dir: string): string[] =>
			fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
				const full = path.join(dir, entry.name);
				if (skipped.has(entry.name) || full === FIXTURES) return [];
				if (entry.isDirectory()) return walk(full);
				return /\.(ts|js|mjs|cjs|json|md|sh)$/.test(entry.name) && full !== __filename
					? [full]
					: [];
			});
		expect(relative(ROOT, walk(ROOT).filter(knowsAcme))).toEqual([]);
	});

	it('vendors.withAcme.ts is nodes/vendors.ts plus one entry (and its import)', () => {
		// nodes/vendors.ts as it would read with Acme's line added, compiled and run.
		const source = fs.readFileSync(path.join(NODES_DIR, 'vendors.ts'), 'utf8');
		const registry = /(export const vendors\b[^=]*= \{\n(?:\t[^\n]*\n)*)(\};)/;
		expect(source).toMatch(registry);
		const acmeModule = path
			.relative(NODES_DIR, path.join(FIXTURE_NODES_DIR, acme.triggerNode, `${acme.key}.vendor`))
			.split(path.sep)
			.join('/');
		const withLine = `import { ${acme.key}Vendor } from './${acmeModule}';\n${source.replace(registry, `$1\t${acme.key}: ${acme.key}Vendor,\n$2`)}`;
		expect(withLine.split('\n').length - source.split('\n').length).toBe(2);
		const { outputText } = ts.transpileModule(withLine, {
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
			},
		});
		const compiled = { exports: {} as { vendors: Record<string, unknown>; vendorList: unknown[] } };
		new Function('require', 'module', 'exports', outputText)(
			(id: string) => jest.requireActual(id.startsWith('.') ? path.join(NODES_DIR, id) : id),
			compiled,
			compiled.exports,
		);
		const fixture = jest.requireActual('../fixtures/vendors.withAcme') as typeof compiled.exports;
		const actual = jest.requireActual('../../nodes/vendors') as typeof compiled.exports;
		expect(Object.keys(compiled.exports.vendors)).toEqual([
			...Object.keys(actual.vendors),
			acme.key,
		]);
		expect(Object.keys(fixture.vendors)).toEqual(Object.keys(compiled.exports.vendors));
		for (const key of Object.keys(compiled.exports.vendors))
			expect([key, fixture.vendors[key]]).toEqual([key, compiled.exports.vendors[key]]);
		expect(fixture.vendorList).toEqual(compiled.exports.vendorList);
	});

	describe('package.json: its two entries alone make n8n load Acme and npm pack it', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acme-package-'));
		afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
		/** tsc's mapping (tsconfig.build.json, rootDir "."): `<path>.ts` → `dist/<path>.js`. */
		const built = (sourceFile: string) =>
			`dist/${path.relative(FIXTURES, sourceFile).split(path.sep).join('/').replace(/\.ts$/, '.js')}`;
		/** Acme's entries, as test/fixtures/package.json (beside its files) lists them. */
		const entries = (
			JSON.parse(fs.readFileSync(path.join(FIXTURES, 'package.json'), 'utf8')) as {
				n8n: { nodes: string[]; credentials: string[] };
			}
		).n8n;

		it('are the two entries a vendor needs: its trigger node and its credential, where tsc puts them', () => {
			// Found as package.test.ts finds a vendor's: the trigger's module, the file of the credential named credentialType.
			const nodeEntry = `${path
				.relative(FIXTURES, triggerNodeModule(acme, path.join(FIXTURES, 'dist', 'nodes')))
				.split(path.sep)
				.join('/')}.js`;
			expect({ nodes: entries.nodes, credentials: entries.credentials }).toEqual({
				nodes: [nodeEntry],
				credentials: [built(acmeCredentialFile)],
			});
			expect(entries).toEqual({
				n8nNodesApiVersion: pkg.n8n.n8nNodesApiVersion,
				nodes: ['dist/nodes/AcmeTrigger/AcmeTrigger.node.js'],
				credentials: ['dist/credentials/AcmeApi.credentials.js'],
			});
		});

		beforeAll(() => {
			// A package with the real name and `files`, and only Acme's entries in `n8n`.
			fs.writeFileSync(
				path.join(dir, 'package.json'),
				JSON.stringify({
					...pkg,
					scripts: {},
					n8n: { ...pkg.n8n, nodes: entries.nodes, credentials: entries.credentials },
				}),
			);
			// What `npm run build` puts in dist/: tsc's output for every source (stood in by a module
			// that loads the source, whose imports reach into the repository), then gulp's copy of
			// the icons and codex files (its globs: nodes/**/*.svg, nodes/**/*.node.json).
			const sources = [
				...filesUnder(path.join(FIXTURE_NODES_DIR, acme.triggerNode)),
				acmeCredentialFile,
			];
			for (const source of sources) {
				const target = path.join(
					dir,
					source.endsWith('.ts') ? built(source) : `dist/${path.relative(FIXTURES, source)}`,
				);
				fs.mkdirSync(path.dirname(target), { recursive: true });
				if (source.endsWith('.ts'))
					fs.writeFileSync(target, `module.exports = require(${JSON.stringify(source)});\n`);
				else if (/\.svg$|\.node\.json$/.test(source)) fs.copyFileSync(source, target);
			}
		});

		it("n8n's package loader finds the node and its credential, with icons, codex and credential test", async () => {
			const loader = new PackageDirectoryLoader(dir);
			await loader.loadAll();
			expect(Object.keys(loader.known.nodes)).toEqual([node.description.name]);
			expect(Object.keys(loader.known.credentials)).toEqual([acme.credentialType]);
			const loaded = loader.nodeTypes[node.description.name].type as typeof node;
			const description = loaded.description as INodeTypeDescription & {
				iconUrl?: { light: string; dark: string };
			};
			const credential = loader.credentialTypes[acme.credentialType].type as ICredentialType & {
				iconUrl?: { light: string; dark: string };
			};
			const files = (iconUrl?: { light: string; dark: string }) =>
				[iconUrl?.light, iconUrl?.dark].map((url) =>
					path.join(dir, String(url).replace(`icons/${pkg.name}/`, '')),
				);
			expect(files(description.iconUrl).every((file) => fs.existsSync(file))).toBe(true);
			expect(files(credential.iconUrl)).toEqual(files(description.iconUrl));
			expect(description.codex).toMatchObject({
				categories: expect.arrayContaining(['Development']),
				resources: { primaryDocumentation: [{ url: credential.documentationUrl }] },
			});
			// The credential's secret is a password field, and the node's Test button checks it.
			expect(
				credential.properties
					.filter((property) => property.typeOptions?.password)
					.map((property) => property.name),
			).toContain(kit.secretField);
			const { testedBy } = description.credentials!.find(
				(entry) => entry.name === acme.credentialType,
			)!;
			const test = (loaded.methods?.credentialTest ?? {})[testedBy as string];
			const result: INodeCredentialTestResult = await test.call({} as ICredentialTestFunctions, {
				id: 'c',
				name: 'Acme',
				type: acme.credentialType,
				data: credentials,
			});
			expect(result).toEqual({
				status: 'OK',
				message: expect.stringMatching(/is well-formed; Acme was not contacted/),
			});
		});

		it("npm pack ships the entries, icons and codex, and leaves Acme's test kit out", () => {
			const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
			const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: dir,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			});
			const packed = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map(
				(file) => file.path,
			);
			const folder = `dist/nodes/${acme.triggerNode}`;
			expect(packed).toEqual(
				expect.arrayContaining([
					...entries.nodes,
					...entries.credentials,
					`${folder}/${acme.key}.svg`,
					`${folder}/${acme.key}.dark.svg`,
					`${folder}/${acme.triggerNode}.node.json`,
				]),
			);
			expect(packed.filter((file) => /\.(testing|samples)\./.test(file))).toEqual([]);
		});
	});
});

describe('the shared webhook pipeline, in n8n-core WebhookContext', () => {
	it('a signed Acme event: one item, the body plus _ats (vendor, type, id, verified, valid)', async () => {
		const request = delivery('candidate.hired');
		const { items, response } = await receive(request);
		expect(response.statusCode).toBe(200);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject(JSON.parse(request.rawBody));
		expect(items[0].json._ats).toMatchObject({
			vendor: 'acme',
			eventType: 'candidate.hired',
			verified: true,
			valid: true,
			issues: [],
		});
		expect((items[0].json._ats as IDataObject).eventId).toBe(JSON.parse(request.rawBody).event_id);
	});

	it('forged and unsigned: 401, no execution; a redelivery: 200, no execution', async () => {
		const request = delivery('candidate.applied');
		const forged = simulator.signedRequest('acme', JSON.parse(request.rawBody), credentials, {
			tamper: true,
		});
		expect(
			(await receive({ rawBody: forged.payload, headers: forged.headers })).response.statusCode,
		).toBe(401);
		const unsigned = await receive({ rawBody: request.rawBody, headers: {} });
		expect(unsigned.response.statusCode).toBe(401);
		expect(unsigned.result.workflowData).toBeUndefined();
		const workflowId = `wf-acme-dedupe-${++sequence}`;
		const first = await callWebhook(node, { ...request, credentials, workflowId });
		const again = await callWebhook(node, { ...request, credentials, workflowId });
		expect(first.items).toHaveLength(1);
		expect(again.result.webhookResponse).toEqual({ received: true, duplicate: true });
		expect(await executeTrigger(node, first.workflow, first.items)).toEqual([
			[{ ...first.items[0], pairedItem: { item: 0 } }],
		]);
	});

	it('the event filter offers and applies Acme’s events; an unknown type is emitted, flagged', async () => {
		const events = node.description.properties.find((property) => property.name === 'events')!;
		expect((events.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'*',
			'candidate.applied',
			'candidate.hired',
			'job.opened',
		]);
		const ignored = await receive(delivery('job.opened'), { events: ['candidate.hired'] });
		expect(ignored.result.webhookResponse).toEqual({
			received: true,
			ignored: 'event type not selected',
		});
		const body = {
			...simulator.sampleEvent('acme', 'job.opened', ++sequence),
			event: 'job.archived',
		};
		const unknown = await receive(delivery('job.opened', body), { events: ['candidate.hired'] });
		expect(unknown.items).toHaveLength(1);
		expect(unknown.items[0].json._ats).toMatchObject({ valid: false });
	});
});

describe('ATS Normalize', () => {
	it('reads the trigger item: canonical type from Acme’s mapping, fields, summary', async () => {
		const { items } = await receive(delivery('candidate.hired'));
		const event = normalizeEvent(items[0].json);
		expect(event).toMatchObject({
			source: 'acme',
			sourceType: 'candidate.hired',
			type: kit.expectedTypes['candidate.hired'],
			occurredAt: '2026-01-05T10:00:00.000Z',
			candidate: { id: 'c_1', name: 'Ada Lovelace', email: 'ada@example.com' },
			job: { id: 'j_1', title: 'Engine Designer' },
			valid: true,
		});
		expect(event.summary).toMatch(/Ada Lovelace.*\(Acme\)$/);
	});

	it('recognises Acme by shape alone, and no other vendor claims it (nor Acme theirs)', () => {
		for (const entry of vendorsUnderTest) {
			for (const sample of entry.kit.samples) {
				const claimedBy = vendorList
					.filter((vendor) => vendor.looksLike(sample.body))
					.map((vendor) => vendor.key);
				expect([entry.key, sample.title, claimedBy]).toEqual([
					entry.key,
					sample.title,
					[entry.key],
				]);
			}
		}
		expect(normalizeEvent(kit.samples[2].body)).toMatchObject({
			source: 'acme',
			type: 'job.published',
		});
	});

	it('the node offers Acme as a Source and reads a payload as Acme when chosen', async () => {
		const normalizeNode = new AtsNormalize();
		const source = normalizeNode.description.properties.find(
			(property) => property.name === 'source',
		)!;
		expect(source.options).toContainEqual({ name: 'Acme', value: 'acme' });
		expect(normalizeNode.description.description).toContain('Acme');
		const items: INodeExecutionData[] = [{ json: kit.samples[0].body as IDataObject }];
		const context = {
			getInputData: () => items,
			getNodeParameter: (name: string, _index: number, fallback: unknown) =>
				({ source: 'acme' })[name as 'source'] ?? fallback,
			continueOnFail: () => false,
			getNode: () => ({
				name: 'ATS Normalize',
				type: 'CUSTOM.atsNormalize',
				typeVersion: 1,
				parameters: {},
				id: 'n',
				position: [0, 0],
			}),
		} as unknown as IExecuteFunctions;
		const [output] = await normalizeNode.execute.call(context);
		expect(output[0].json).toMatchObject({ source: 'acme', type: 'application.created' });
	});
});

describe('output schema generation (what gulp runs)', () => {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acme-schema-'));
	afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

	it('writes Acme’s schema where n8n looks it up for every version of the node, and it fits Acme’s items', async () => {
		const files = triggerOutputSchemas(vendorList, triggerItemJsonSchema, [
			NODES_DIR,
			FIXTURE_NODES_DIR,
		]) as Record<string, object>;
		for (const [file, schema] of Object.entries(files)) {
			fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
			fs.writeFileSync(path.join(out, file), JSON.stringify(schema));
		}
		const nodeDir = path.join(out, acme.triggerNode);
		const versions = [node.description.version].flat();
		expect(versions.length).toBeGreaterThan(0);
		const { items } = await receive(delivery('candidate.applied'));
		for (const version of versions) {
			// n8n's own resolver (n8n-core), with the lookup it does for a node's output.
			const found = resolveOutputSchemaPath({ nodeDir, version, versionFallback: true });
			expect(found && path.relative(nodeDir, found)).toBe(
				path.join(
					'__schema__',
					`v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}.json`,
				),
			);
			const validate = new Ajv2020({ strict: false }).compile(
				loadOutputSchema({ nodeDir, version, versionFallback: true })!,
			);
			expect(validate(items[0].json) ? [] : validate.errors).toEqual([]);
			expect(validate(kit.samples[0].body)).toBe(false); // _ats is required
		}
	});
});

describe("the simulator's signing", () => {
	it('lists Acme’s examples and signs what Acme’s verifier accepts (and nothing forged)', () => {
		expect(simulator.exampleTypes('acme')).toEqual([
			'candidate.applied',
			'candidate.hired',
			'job.opened',
		]);
		expect(simulator.typicalEvent('acme')).toBe('candidate.applied');
		const nowMs = Date.now();
		const genuine = simulator.signedRequest(
			'acme',
			simulator.sampleEvent('acme', 'job.opened', 1, nowMs),
			credentials,
			{ nowMs },
		);
		const check = (request: { headers: Record<string, string>; payload: string }) =>
			acmeTrigger.verify({
				rawBody: Buffer.from(request.payload),
				headers: Object.fromEntries(
					Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
				),
				credentials,
				nowMs,
				toleranceSeconds: 300,
			});
		expect(check(genuine)).toEqual({ ok: true });
		expect(
			check(
				simulator.signedRequest('acme', JSON.parse(genuine.payload), credentials, {
					nowMs,
					tamper: true,
				}),
			).ok,
		).toBe(false);
	});
});
