/**
 * The built package as n8n loads it: n8n-core's PackageDirectoryLoader (what n8n uses for an
 * installed community package) reads package.json, loads every node and credential from dist/
 * and turns their `file:` icons into the URLs the editor fetches. Each of those must name a
 * file in the package, light and dark must differ, and the drawings must not depend on the
 * viewer's fonts. Every credential's Test button is checked too, each with its credential's own
 * fields (read from the class), the vendor ones found through the registry.
 */
import { PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialType,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { vendorList } from '../../nodes/vendors';
import { vendorsUnderTest } from '../support/vendors';

const root = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

let loader: PackageDirectoryLoader;
beforeAll(async () => {
	loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
});

/** n8n serves /icons/<package>/<path> from the package folder. */
function iconFiles(iconUrl: unknown) {
	expect(iconUrl).toEqual({ light: expect.any(String), dark: expect.any(String) });
	const { light, dark } = iconUrl as { light: string; dark: string };
	const prefix = `icons/${packageJson.name}/`;
	return [light, dark].map((url) => {
		expect(url.startsWith(prefix)).toBe(true);
		return path.resolve(root, url.slice(prefix.length));
	});
}

function expectDrawnIcons(iconUrl: unknown) {
	const [light, dark] = iconFiles(iconUrl);
	expect(light).not.toBe(dark);
	for (const file of [light, dark]) {
		expect(fs.existsSync(file)).toBe(true);
		const svg = fs.readFileSync(file, 'utf8');
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
		expect(svg).toMatch(/<path /);
		expect(svg).not.toMatch(/<text|font-family|<image/);
	}
	expect(fs.readFileSync(light, 'utf8')).not.toBe(fs.readFileSync(dark, 'utf8'));
}

it('loads every node and credential package.json lists', () => {
	expect(Object.keys(loader.known.nodes)).toHaveLength(packageJson.n8n.nodes.length);
	expect(Object.keys(loader.known.credentials)).toHaveLength(packageJson.n8n.credentials.length);
});

it('gives every node a light and a dark icon that exist in the package', () => {
	for (const { type } of Object.values(loader.nodeTypes)) {
		expectDrawnIcons((type as { description: { iconUrl?: unknown } }).description.iconUrl);
	}
});

it("gives every vendor credential its node's light and dark icon (a credential all triggers share, its own)", () => {
	for (const [name, { type }] of Object.entries(loader.credentialTypes)) {
		const credentialIcons = (type as { iconUrl?: unknown }).iconUrl;
		expectDrawnIcons(credentialIcons);
		const users = Object.values(loader.nodeTypes).filter(({ type: nodeType }) =>
			(
				(nodeType as { description: { credentials?: Array<{ name: string }> } }).description
					.credentials ?? []
			).some((c) => c.name === name),
		);
		expect(users.length).toBeGreaterThan(0);
		if (users.length > 1) continue; // e.g. the Redis dedupe store's: no single node to take it from
		expect(iconFiles(credentialIcons)).toEqual(
			iconFiles((users[0].type as { description: { iconUrl?: unknown } }).description.iconUrl),
		);
	}
});

it("names only files that exist in package.json's entry points", () => {
	// `main` is optional for an n8n package (n8n reads the `n8n` field); if present it must resolve.
	if (packageJson.main !== undefined)
		expect(fs.existsSync(path.join(root, packageJson.main))).toBe(true);
	for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials])
		expect(fs.existsSync(path.join(root, file))).toBe(true);
});

type CredentialTest = (
	this: unknown,
	credential: ICredentialsDecrypted,
) => Promise<INodeCredentialTestResult>;

/** A saved credential as n8n hands it to a test: every field at its default, every password field filled. */
function savedCredential(name: string): ICredentialDataDecryptedObject {
	const { properties } = loader.credentialTypes[name].type as ICredentialType;
	return Object.fromEntries(
		properties.map((property) => [
			property.name,
			property.typeOptions?.password === true ? `${property.name}-123` : property.default,
		]),
	) as ICredentialDataDecryptedObject;
}

const passwordFields = (name: string) =>
	(loader.credentialTypes[name].type as ICredentialType).properties
		.filter((property) => property.typeOptions?.password === true)
		.map((property) => property.name);

it("gives every registry vendor's credential a documentation link, and keeps its kit's secret in a password field", () => {
	for (const { key, vendor, kit } of vendorsUnderTest) {
		const credential = loader.credentialTypes[vendor.credentialType]?.type as
			| ICredentialType
			| undefined;
		expect([key, typeof credential?.documentationUrl]).toEqual([key, 'string']);
		expect([key, passwordFields(vendor.credentialType)]).toEqual([
			key,
			expect.arrayContaining([kit.secretField]),
		]);
	}
});

describe('credential Test buttons', () => {
	const nodeTests = () =>
		Object.values(loader.nodeTypes).flatMap(({ type }) => {
			const node = type as {
				description: { credentials?: Array<{ name: string; testedBy?: string }> };
				methods?: { credentialTest?: Record<string, CredentialTest> };
			};
			return (node.description.credentials ?? []).map((credential) => ({
				credential: credential.name,
				test: node.methods?.credentialTest?.[credential.testedBy ?? ''],
			}));
		});
	it('every credential is tested by a function its node has', () => {
		expect(nodeTests().map(({ credential, test }) => [credential, typeof test])).toEqual(
			nodeTests().map(({ credential }) => [credential, 'function']),
		);
	});
	it('each vendor credential\'s test either asks a server (through n8n\'s helpers) or says, in words nobody reads as "connected", that it contacted nobody', async () => {
		// The registry's vendor credentials; a credential no vendor owns (the shared Redis dedupe
		// store's) connects to its server and is tested where it lives (dedupeRedis.test.ts).
		const vendorCredentials = new Set(vendorList.map((vendor) => vendor.credentialType));
		const realFetch = globalThis.fetch;
		for (const { credential, test } of nodeTests().filter(({ credential }) =>
			vendorCredentials.has(credential),
		)) {
			// Every helper and fetch record the attempt and fail as an unreachable network would.
			const contacted: string[] = [];
			const offline = (name: string) => async () => {
				contacted.push(name);
				throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
			};
			const helpers = new Proxy({}, { get: (_target, name) => offline(`helpers.${String(name)}`) });
			globalThis.fetch = offline('fetch') as unknown as typeof fetch;
			let result: INodeCredentialTestResult;
			try {
				result = await test!.call(
					{ helpers },
					{ id: 'c', name: credential, type: credential, data: savedCredential(credential) },
				);
			} finally {
				globalThis.fetch = realFetch;
			}
			if (contacted.length > 0) {
				// It asked a server, which did not answer: an error, never a claim that nothing was sent.
				expect([credential, result.status]).toEqual([credential, 'Error']);
				expect(result.message).not.toMatch(/not contacted|nothing was sent/i);
			} else {
				expect([credential, result.status]).toEqual([credential, 'OK']);
				expect(result.message).toMatch(/is well-formed; .+ was not contacted/);
				expect(result.message).not.toMatch(/connect(ed|ion) (ok|successful)|success/i);
			}
		}
	});
});
