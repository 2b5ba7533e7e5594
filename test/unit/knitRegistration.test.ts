/**
 * Knit self-registration and the Knit credential test against a fake Knit API on 127.0.0.1
 * (never the internet). The hooks run in n8n-core's real HookContext and send their requests
 * through n8n-core's real httpRequestWithAuthentication; the Authorization header comes from
 * the Knit credential's own `authenticate` block (see test/support/hookContext.ts), and the
 * fake API checks it like Knit would: a wrong header is answered 401, not asserted afterwards.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { KnitApi } from '../../credentials/KnitApi.credentials';
import { knitApiKeyTest } from '../../nodes/KnitTrigger/knit.credentialTest';
import { KNIT_API_URL } from '../../nodes/KnitTrigger/knit.registration';
import { KnitTrigger } from '../../nodes/KnitTrigger/KnitTrigger.node';
import { credentialTestContext, hookContext, WEBHOOK_BASE_URL } from '../support/hookContext';

const API_KEY = 'knit-key';
interface Recorded { method: string; path: string; headers: http.IncomingHttpHeaders; body: IDataObject }
const requests: Recorded[] = [];
/** Knit's side: the sync jobs it knows and their state. */
let jobs: Map<string, 'running' | 'paused'>;
/** A one-off answer that replaces the fake's normal one (for Knit's error answers). */
let override: { status: number; body: unknown } | undefined;

function knitAnswer(req: Recorded): { status: number; body: unknown } {
	if (req.headers.authorization !== `Bearer ${API_KEY}`) return { status: 401, body: { success: false, error: { msg: 'Invalid API key' } } };
	if (override) {
		const answer = override;
		override = undefined;
		return answer;
	}
	const syncJobId = String(req.body.syncJobId ?? '');
	switch (req.path) {
		case '/v1.0/sync.start': {
			if (!req.headers['x-knit-integration-id']) return { status: 400, body: { success: false, error: { msg: 'X-Knit-Integration-Id header is missing' } } };
			const id = `sj_${jobs.size + 1}`;
			jobs.set(id, 'running');
			return { status: 200, body: { success: true, data: { syncJobId: id } } };
		}
		case '/v1.0/sync.pause':
		case '/v1.0/sync.resume':
			if (!jobs.has(syncJobId)) return { status: 404, body: { success: false, error: { msg: 'sync job not found' } } };
			jobs.set(syncJobId, req.path.endsWith('pause') ? 'paused' : 'running');
			return { status: 200, body: { success: true } };
		default:
			return { status: 404, body: { success: false, error: { msg: 'not found' } } };
	}
}

let server: http.Server;
let baseUrl: string;
beforeAll(async () => {
	server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} };
			requests.push(recorded);
			const { status, body } = knitAnswer(recorded);
			res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
			res.end(JSON.stringify(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
	requests.length = 0;
	jobs = new Map();
	override = undefined;
});

const WEBHOOK_URL = `${WEBHOOK_BASE_URL}/abc/webhook`;
const node = new KnitTrigger();
const credential = new KnitApi();
const credentials = (extra: ICredentialDataDecryptedObject = {}) => ({ apiKey: API_KEY, baseUrl, ...extra });
const registering: INodeParameters = { registerWebhook: true, integrationId: 'int_42' };

/** One activation or deactivation as n8n runs it: a fresh context over the static data n8n saved last time. */
function hooks(staticData: IDataObject, parameters: INodeParameters = registering, creds = credentials()) {
	const { context, warnings, savedStaticData } = hookContext(node, credential, { parameters, credentials: creds, staticData });
	const methods = node.webhookMethods.default;
	return {
		warnings,
		savedStaticData,
		checkExists: () => methods.checkExists.call(context),
		create: () => methods.create.call(context),
		delete: () => methods.delete.call(context),
	};
}
/** n8n's activation: create only when checkExists says the registration is missing. */
async function activate(staticData: IDataObject, parameters?: INodeParameters) {
	const h = hooks(staticData, parameters);
	if (!(await h.checkExists())) await h.create();
	return h.savedStaticData();
}
async function deactivate(staticData: IDataObject) {
	const h = hooks(staticData);
	expect(await h.delete()).toBe(true);
	return h.savedStaticData();
}
const calls = () => requests.map((r) => r.path.replace('/v1.0/', ''));

it('does nothing when registration is off', async () => {
	const h = hooks({}, { registerWebhook: false });
	expect(await h.checkExists()).toBe(true);
	expect(await h.create()).toBe(true);
	expect(requests).toHaveLength(0);
});

it("starts a sync with this webhook as destination, authenticated by the credential's authenticate block", async () => {
	const saved = await activate({});
	expect(calls()).toEqual(['sync.start']);
	expect(requests[0].method).toBe('POST');
	expect(requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	expect(requests[0].headers['x-knit-integration-id']).toBe('int_42');
	// The node's defaults, filled in by n8n's Workflow, are Knit's documented example body.
	expect(requests[0].body).toEqual({
		models: ['application_info', 'application_stage', 'application_interviews', 'application_rejection', 'application_offers', 'application_attachments'],
		frequency: 'standard',
		destination: WEBHOOK_URL,
		dataType: 'ats_applications',
	});
	expect(saved).toMatchObject({ knitSyncJobId: 'sj_1', knitDestination: WEBHOOK_URL, knitSyncPaused: false });
	expect([...jobs]).toEqual([['sj_1', 'running']]);
});

it('pauses the job on deactivation and resumes the same job on reactivation (no second sync.start)', async () => {
	let saved = await activate({});
	saved = await deactivate(saved);
	expect([...jobs]).toEqual([['sj_1', 'paused']]);
	expect(saved).toMatchObject({ knitSyncJobId: 'sj_1', knitSyncPaused: true });
	saved = await activate(saved);
	expect(calls()).toEqual(['sync.start', 'sync.pause', 'sync.resume']);
	expect(requests[2].body).toEqual({ syncJobId: 'sj_1' });
	expect([...jobs]).toEqual([['sj_1', 'running']]);
	// Another cycle still uses the one job.
	saved = await activate(await deactivate(saved));
	expect(calls()).toEqual(['sync.start', 'sync.pause', 'sync.resume', 'sync.pause', 'sync.resume']);
	expect(jobs.size).toBe(1);
	expect(saved).toMatchObject({ knitSyncJobId: 'sj_1', knitSyncPaused: false });
});

it('finds its running job when n8n re-activates without a deactivation (a restart): no call at all', async () => {
	const saved = await activate({});
	requests.length = 0;
	await activate(saved);
	expect(requests).toHaveLength(0);
});

it('starts a new job when the settings changed, instead of resuming one that syncs other models', async () => {
	const saved = await deactivate(await activate({}));
	await activate(saved, { ...registering, models: 'application_info, application_stage', dataType: 'ats_jobs' });
	expect(calls()).toEqual(['sync.start', 'sync.pause', 'sync.start']);
	expect(requests[2].body).toMatchObject({ models: ['application_info', 'application_stage'], dataType: 'ats_jobs' });
});

it('starts a new job (and says why) when Knit no longer knows the paused one', async () => {
	const saved = await deactivate(await activate({}));
	jobs.clear();
	const h = hooks(saved);
	expect(await h.checkExists()).toBe(false);
	expect(await h.create()).toBe(true);
	expect(calls()).toEqual(['sync.start', 'sync.pause', 'sync.resume', 'sync.start']);
	expect(h.warnings[0]).toMatch(/Could not resume Knit sync sj_1, starting a new one/);
	expect(h.savedStaticData()).toMatchObject({ knitSyncJobId: 'sj_1', knitSyncPaused: false });
	expect([...jobs]).toEqual([['sj_1', 'running']]);
});

it.each([
	['a refused API key (HTTP 401 from Knit)', { apiKey: 'wrong-key' }, undefined, /Authorization failed - please check your credentials/],
	['a 200 that says success: false', {}, { status: 200, body: { success: false, error: { msg: 'integration not found' } } }, /refused: .*integration not found/],
	['a 200 without a syncJobId', {}, { status: 200, body: { success: true, data: {} } }, /without a syncJobId/],
])('fails activation clearly on %s and stores nothing', async (_name, creds, answer, message) => {
	override = answer;
	const h = hooks({}, registering, credentials(creds));
	const error = await h.create().catch((e: Error) => e);
	expect(error).toBeInstanceOf(Error);
	expect((error as Error).constructor.name).toBe('NodeApiError');
	expect((error as Error).message).toMatch(message);
	if (answer === undefined) expect((error as { httpCode?: string }).httpCode).toBe('401');
	expect(JSON.stringify(error)).not.toContain('wrong-key');
	expect(h.savedStaticData()).toEqual({});
});

it('requires an integration id before calling Knit', async () => {
	await expect(hooks({}, { registerWebhook: true }).create()).rejects.toThrow(/Integration ID is required/);
	expect(requests).toHaveLength(0);
});

it('keeps the job unpaused when pausing fails, so the next deactivation retries', async () => {
	const saved = await activate({});
	override = { status: 500, body: { success: false } };
	const h = hooks(saved);
	expect(await h.delete()).toBe(false);
	expect(h.savedStaticData()).toMatchObject({ knitSyncJobId: 'sj_1', knitSyncPaused: false });
	expect(h.warnings[0]).toMatch(/Could not pause Knit sync sj_1/);
	await deactivate(h.savedStaticData());
	expect(calls()).toEqual(['sync.start', 'sync.pause', 'sync.pause']);
	expect(jobs.get('sj_1')).toBe('paused');
});

describe('the API address', () => {
	it("is the credential's Base URL, defaulting to the address in Knit's document", () => {
		const baseUrlField = credential.properties.find((property) => property.name === 'baseUrl');
		expect(baseUrlField).toMatchObject({ displayName: 'Base URL', type: 'string', default: 'https://api.getknit.dev/v1.0' });
		expect(KNIT_API_URL).toBe(baseUrlField!.default);
	});
	it('is no node parameter (whoever edits the workflow cannot send the key elsewhere)', () => {
		expect(node.description.properties.map((property) => property.name)).not.toContain('knitApiUrl');
		expect(JSON.stringify(node.description.properties)).not.toMatch(/https?:\/\//);
	});
	it('is where the hooks send their calls', async () => {
		const other = http.createServer((_req, res) => res.writeHead(200, { Connection: 'close' }).end(JSON.stringify({ success: true, data: { syncJobId: 'sj_other' } })));
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		try {
			const h = hooks({}, registering, credentials({ baseUrl: `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1.0/` }));
			await h.create();
			expect(requests).toHaveLength(0);
			expect(h.savedStaticData()).toMatchObject({ knitSyncJobId: 'sj_other' });
		} finally {
			other.closeAllConnections();
			await new Promise<void>((resolve) => other.close(() => resolve()));
		}
	});
});

describe('the credential test (Test button), in n8n-core\'s real credential-test context', () => {
	const test = (data: ICredentialDataDecryptedObject) =>
		knitApiKeyTest.call(credentialTestContext(), { id: 'c', name: 'Knit', type: 'knitApi', data });

	it('asks Knit and reports the key accepted, without starting a sync', async () => {
		const result = await test(credentials());
		expect(result.status).toBe('OK');
		expect(result.message).toMatch(/^Knit accepted the API key \(it answered HTTP 400: X-Knit-Integration-Id header is missing/);
		expect(calls()).toEqual(['sync.start']);
		expect(requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(requests[0].headers['x-knit-integration-id']).toBeUndefined();
		expect(jobs.size).toBe(0);
	});
	it('reports a key Knit refuses, without echoing it', async () => {
		const result = await test(credentials({ apiKey: 'wrong-key' }));
		expect(result).toEqual({ status: 'Error', message: 'Knit refused the API key (HTTP 401: Invalid API key)' });
	});
	it('reports an unreachable Knit as such', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const result = await test(credentials({ baseUrl: `http://127.0.0.1:${port}` }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Could not reach Knit at http://127.0.0.1:${port}`));
		expect(result.message).not.toContain(API_KEY);
	});
	it.each([[''], ['  knit-key']])('rejects a malformed key (%j) without contacting Knit', async (apiKey) => {
		expect((await test(credentials({ apiKey }))).status).toBe('Error');
		expect(requests).toHaveLength(0);
	});
});
