/**
 * The built package as n8n loads it: n8n-core's PackageDirectoryLoader (what n8n uses for an
 * installed community package) reads package.json, loads every node and credential from dist/
 * and turns their `file:` icons into the URLs the editor fetches. Each of those must name a
 * file in the package, light and dark must differ, and the drawings must not depend on the
 * viewer's fonts.
 */
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
			((nodeType as { description: { credentials?: Array<{ name: string }> } }).description.credentials ?? []).some((c) => c.name === name),
		);
		expect(users.length).toBeGreaterThan(0);
		if (users.length > 1) continue; // e.g. the Redis dedupe store's: no single node to take it from
		expect(iconFiles(credentialIcons)).toEqual(iconFiles((users[0].type as { description: { iconUrl?: unknown } }).description.iconUrl));
	}
});

it("names only files that exist in package.json's entry points", () => {
	// `main` is optional for an n8n package (n8n reads the `n8n` field); if present it must resolve.
	if (packageJson.main !== undefined) expect(fs.existsSync(path.join(root, packageJson.main))).toBe(true);
	for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) expect(fs.existsSync(path.join(root, file))).toBe(true);
});

type CredentialTest = (this: unknown, credential: ICredentialsDecrypted) => Promise<INodeCredentialTestResult>;

describe('credential Test buttons', () => {
	const nodeTests = () =>
		Object.values(loader.nodeTypes).flatMap(({ type }) => {
			const node = type as { description: { credentials?: Array<{ name: string; testedBy?: string }> }; methods?: { credentialTest?: Record<string, CredentialTest> } };
			return (node.description.credentials ?? []).map((credential) => ({ credential: credential.name, test: node.methods?.credentialTest?.[credential.testedBy ?? ''] }));
		});
	it('every credential is tested by a function its node has', () => {
		expect(nodeTests().map(({ credential, test }) => [credential, typeof test])).toEqual(nodeTests().map(({ credential }) => [credential, 'function']));
	});
	it('those that contact nobody say so, in words nobody reads as "connected"', async () => {
		// Knit's and the Redis dedupe store's tests do contact their server (tested where those live).
		const contacting = ['knitApi', 'atsDedupeRedisApi'];
		for (const { credential, test } of nodeTests().filter(({ credential }) => !contacting.includes(credential))) {
			const data = { apiKey: 'k-123', signingSecret: 's-123', webhookSecret: 'w-123' };
			const result = await test!.call({}, { id: 'c', name: credential, type: credential, data });
			expect(result.status).toBe('OK');
			expect(result.message).toMatch(/is well-formed; .+ was not contacted/);
			expect(result.message).not.toMatch(/connect(ed|ion) (ok|successful)|success/i);
		}
	});
});
