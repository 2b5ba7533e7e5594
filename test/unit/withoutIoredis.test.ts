/**
 * Where n8n's `ioredis` cannot be resolved (an n8n that does not ship it, a NODE_PATH without
 * it): every node still loads, the memory-store triggers work, and a trigger set to the Redis
 * store answers as if Redis were down (the delivery runs undeduped, a warning is logged), never
 * a 5xx. nodes/shared/dedupeRedis.ts requires ioredis only when a client is first needed.
 *
 * In this file every `require('ioredis')` throws as Node does for a missing module. The built
 * package is loaded the way n8n loads it (n8n-core's PackageDirectoryLoader), and once more in
 * a plain Node process whose module resolution cannot find ioredis.
 */
jest.mock('ioredis', () => {
	throw Object.assign(new Error("Cannot find module 'ioredis'"), { code: 'MODULE_NOT_FOUND' });
});

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeParameters, INodeType } from 'n8n-workflow';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { pingRedis } from '../../nodes/shared/dedupeRedis';
import { callWebhook } from '../support/context';
import { credentialsOf, signing, vendorsUnderTest } from '../support/vendors';

const root = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[] };
};
const SECRET = 'no-ioredis-test-secret';
const REDIS_FAILURE = 'no Redis client (ioredis) found in this n8n';
let sequence = 0;

let loader: PackageDirectoryLoader;
beforeAll(async () => {
	// Quiet: the tests read the warnings from the context's recorded logs.
	jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
	loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
});

it('ioredis cannot be required here (the premise of this file)', () => {
	expect(() => require('ioredis')).toThrow("Cannot find module 'ioredis'");
});

it('n8n loads every node of the built package', () => {
	expect(Object.keys(loader.known.nodes)).toHaveLength(packageJson.n8n.nodes.length);
	expect(Object.keys(loader.nodeTypes)).toHaveLength(packageJson.n8n.nodes.length);
});

it('plain Node loads every built node without asking for ioredis at all', () => {
	// A resolver that cannot find ioredis, like a NODE_PATH without n8n's modules, and that
	// records whether anything asked for it.
	const script = `
		const Module = require('node:module');
		const resolve = Module._resolveFilename;
		let asked = 0;
		Module._resolveFilename = function (request, ...rest) {
			if (request === 'ioredis' || request.startsWith('ioredis/')) {
				asked++;
				throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
			}
			return resolve.call(this, request, ...rest);
		};
		const loaded = ${JSON.stringify(packageJson.n8n.nodes)}.map((file) => {
			const name = require('node:path').basename(file, '.node.js');
			return typeof require(require('node:path').join(process.cwd(), file))[name] === 'function' ? name : 'not a class: ' + name;
		});
		console.log(JSON.stringify({ loaded, asked }));
	`;
	const out = JSON.parse(
		execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
	) as { loaded: string[]; asked: number };
	expect(out).toEqual({
		loaded: packageJson.n8n.nodes.map((file) => path.basename(file, '.node.js')),
		asked: 0,
	});
});

describe.each(vendorsUnderTest.map((entry) => [entry.key, entry]))(
	'%s trigger, as built, without ioredis',
	(key, { vendor, kit }) => {
		const node = () => {
			const nodeType = Object.keys(loader.known.nodes).find((type) =>
				((loader.nodeTypes[type].type as INodeType).description.credentials ?? []).some(
					(credential) => credential.name === vendor.credentialType,
				),
			);
			return loader.nodeTypes[nodeType!].type as INodeType;
		};
		const credentials = credentialsOf(kit, SECRET);
		const delivery = () => {
			const nowMs = Date.now();
			const body = signing.sampleEvent(key, signing.typicalEvent(key), ++sequence, nowMs);
			const { headers, payload } = signing.signedRequest(key, body, credentials, { nowMs });
			return { rawBody: payload, headers };
		};
		const parameters = { ...kit.verifyingParameters } as INodeParameters;

		it('the memory store (the default): a signed request gives an item', async () => {
			const call = await callWebhook(node(), {
				...delivery(),
				credentials,
				parameters,
				workflowId: `wf-no-ioredis-${++sequence}`,
			});
			expect(call.response.statusCode).toBe(200);
			expect(call.items).toHaveLength(1);
			expect(call.items[0].json).toHaveProperty('_ats.vendor', key);
		});

		it('the Redis store: answered without a 5xx, the delivery runs undeduped, and the reason is logged', async () => {
			const call = await callWebhook(node(), {
				...delivery(),
				credentials,
				otherCredentials: {
					atsDedupeRedisApi: { host: '127.0.0.1', port: 6379, password: 'redis-secret-value' },
				},
				parameters: { ...parameters, dedupeStore: 'redis' },
				workflowId: `wf-no-ioredis-${++sequence}`,
			});
			expect(call.response.statusCode).toBeLessThan(500);
			expect(call.items).toHaveLength(1);
			const warnings = call.logs.filter((logged) => logged.level === 'warn');
			expect(JSON.stringify(warnings)).toContain(REDIS_FAILURE);
			expect(JSON.stringify(call.logs)).not.toContain('redis-secret-value');
		});
	},
);

it("the Redis credential's Test says why instead of throwing", async () => {
	await expect(pingRedis({ host: '127.0.0.1', port: 6379, database: 0, ssl: false })).resolves.toBe(
		REDIS_FAILURE,
	);
});
