/**
 * Knit self-registration and the Knit credential test against a fake Knit API on 127.0.0.1
 * (never the internet). The hooks run in n8n-core's real HookContext and send their requests
 * through n8n-core's real httpRequestWithAuthentication; the Authorization header comes from
 * the Knit credential's own `authenticate` block (see test/support/hookContext.ts), and the
 * fake API checks it like Knit would: a wrong header is answered 401, not asserted afterwards.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeParameters,
} from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { KnitApi } from '../../credentials/KnitApi.credentials';
import { knitApiKeyTest } from '../../nodes/KnitTrigger/knit.credentialTest';
import { KNIT_API_URL, knitApiAddress } from '../../nodes/KnitTrigger/knit.registration';
import { KnitTrigger } from '../../nodes/KnitTrigger/KnitTrigger.node';
import { credentialTestContext, hookContext, WEBHOOK_BASE_URL } from '../support/hookContext';

// Distinctive, so a search of an error or a log line for them cannot match anything else.
const API_KEY = 'knit-key-5c81e0f2';
const WRONG_KEY = 'wrong-key-9d47aa13';
const SECRETS = [API_KEY, WRONG_KEY];
/** Text only a host's answer carries: it must never reach a person unless the host is Knit's. */
const MARKER = 'HOST-TEXT-MARKER-61f0';
interface Recorded {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: IDataObject;
}
const requests: Recorded[] = [];
/** Knit's side: the sync jobs it knows and their state. */
let jobs: Map<string, 'running' | 'paused'>;
interface Answer {
	status: number;
	body: unknown;
	headers?: http.OutgoingHttpHeaders;
}
/** A one-off answer that replaces the fake's normal one (for Knit's error answers). */
let override: Answer | undefined;
/** When set, every answer is this status with a body that carries the marker and repeats the Authorization header received. */
let echoStatus: number | undefined;

function knitAnswer(req: Recorded): Answer {
	if (echoStatus !== undefined) {
		// The marker where Knit puts its short reason, the header received everywhere else.
		const received = String(req.headers.authorization ?? '');
		return {
			status: echoStatus,
			body: {
				success: false,
				error: { msg: `${MARKER} auth failed` },
				msg: received,
				message: received,
				headers: req.headers,
			},
		};
	}
	if (req.headers.authorization !== `Bearer ${API_KEY}`)
		return { status: 401, body: { success: false, error: { msg: 'Invalid API key' } } };
	if (override) {
		const answer = override;
		override = undefined;
		return answer;
	}
	const syncJobId = String(req.body.syncJobId ?? '');
	switch (req.path) {
		case '/v1.0/sync.start': {
			if (!req.headers['x-knit-integration-id'])
				return {
					status: 400,
					body: { success: false, error: { msg: 'X-Knit-Integration-Id header is missing' } },
				};
			const id = `sj_${jobs.size + 1}`;
			jobs.set(id, 'running');
			return { status: 200, body: { success: true, data: { syncJobId: id } } };
		}
		case '/v1.0/sync.pause':
		case '/v1.0/sync.resume':
			if (!jobs.has(syncJobId))
				return { status: 404, body: { success: false, error: { msg: 'sync job not found' } } };
			jobs.set(syncJobId, req.path.endsWith('pause') ? 'paused' : 'running');
			return { status: 200, body: { success: true } };
		default:
			return { status: 404, body: { success: false, error: { msg: 'not found' } } };
	}
}

let server: http.Server;
let baseUrl: string;
let fakeOrigin: string;
// "Unreachable" must stay unreachable for the whole run. A port that was listened on and closed
// again can be taken by any other process meanwhile (another test, another job on the machine),
// which would then receive the key. So the address is kept bound by this server, which resets
// every connection the moment it is accepted: the client sees ECONNRESET, no HTTP answer, and
// nothing else can listen there until the suite ends.
let unreachable: net.Server;
let unreachableUrl: string;
let unreachableConnections = 0;
beforeAll(async () => {
	unreachable = net.createServer((socket) => {
		unreachableConnections++;
		socket.resetAndDestroy();
	});
	await new Promise<void>((resolve) => unreachable.listen(0, '127.0.0.1', resolve));
	unreachableUrl = `http://127.0.0.1:${(unreachable.address() as AddressInfo).port}/v1.0`;
	server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const recorded = {
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body: raw ? JSON.parse(raw) : {},
			};
			requests.push(recorded);
			const { status, body, headers } = knitAnswer(recorded);
			res.writeHead(status, {
				'Content-Type': 'application/json',
				Connection: 'close',
				...headers,
			});
			res.end(JSON.stringify(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	fakeOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	baseUrl = `${fakeOrigin}/v1.0`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await new Promise<void>((resolve) => unreachable.close(() => resolve()));
});
/** Every line any logger got during the test: n8n's LoggerProxy and the hooks' own logger. */
const logLines: string[] = [];
const capture = (level: string) => (message: string, meta?: object) =>
	logLines.push(`${level} ${inspect({ message, meta }, { showHidden: true, depth: null })}`);
const capturingLogger = {
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
};
// n8n-core points the LoggerProxy at its own logger when it builds one: taken back after each context is built.
const captureLoggerProxy = () => LoggerProxy.init(capturingLogger);
beforeEach(() => {
	requests.length = 0;
	jobs = new Map();
	override = undefined;
	echoStatus = undefined;
	logLines.length = 0;
	unreachableConnections = 0;
});
afterEach(() => {
	for (const line of logLines) for (const secret of SECRETS) expect(line).not.toContain(secret);
});

/** Everything about an error, hidden properties and causes included, as a person or a log could get it. */
const everything = (value: unknown) => inspect(value, { showHidden: true, depth: null });
const expectNoSecret = (value: unknown) => {
	const text = everything(value);
	for (const secret of SECRETS) expect(text).not.toContain(secret);
};

/**
 * The tests never use the internet. Addresses that are not on this machine (Knit's own host,
 * another host the credential opted in to) are routed, below n8n's request helper and after
 * the node's own checks, to the fake on 127.0.0.1, which records the host the node meant in
 * `x-routed-from`: n8n's real client sends, and the real answer and error come back.
 */
function routeToFake(url: string) {
	const target = new URL(url);
	if (['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) return { url, headers: {} };
	return { url: `${fakeOrigin}${target.pathname}`, headers: { 'x-routed-from': target.origin } };
}

const WEBHOOK_URL = `${WEBHOOK_BASE_URL}/abc/webhook`;
const node = new KnitTrigger();
const credential = new KnitApi();
const credentials = (extra: ICredentialDataDecryptedObject = {}) => ({
	apiKey: API_KEY,
	baseUrl,
	...extra,
});
const registering: INodeParameters = { registerWebhook: true, integrationId: 'int_42' };

/** n8n-core's real credential-test context, its `request` routed like the hooks' requests (see routeToFake). */
function routedCredentialTestContext() {
	const context = credentialTestContext();
	captureLoggerProxy();
	const send = context.helpers.request;
	context.helpers.request = async (uriOrObject: string | object) => {
		const options = uriOrObject as { uri?: string; headers?: IDataObject };
		const routed = routeToFake(String(options.uri));
		return await send({
			...options,
			uri: routed.url,
			headers: { ...options.headers, ...routed.headers },
		});
	};
	return context;
}

/** One activation or deactivation as n8n runs it: a fresh context over the static data n8n saved last time. */
function hooks(
	staticData: IDataObject,
	parameters: INodeParameters = registering,
	creds: ICredentialDataDecryptedObject = credentials(),
	mode: 'trigger' | 'manual' | 'internal' = 'trigger',
	isTest?: boolean,
) {
	const { context, warnings, savedStaticData } = hookContext(node, credential, {
		parameters,
		credentials: creds,
		staticData,
		mode,
		isTest,
	});
	captureLoggerProxy();
	const logger = context.logger as unknown as Record<
		string,
		(message: string, meta?: object) => void
	>;
	for (const level of ['error', 'warn', 'info', 'debug']) {
		const original = logger[level];
		logger[level] = (message, meta) => {
			capturingLogger[level as keyof typeof capturingLogger](message, meta);
			original(message, meta);
		};
	}
	const send = context.helpers.httpRequestWithAuthentication;
	context.helpers.httpRequestWithAuthentication = async function (
		this: unknown,
		type: string,
		options: IHttpRequestOptions,
	) {
		const routed = routeToFake(String(options.url));
		return await send.call(this as typeof context, type, {
			...options,
			url: routed.url,
			headers: { ...options.headers, ...routed.headers },
		});
	};
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

it('a test listen in the editor neither starts a sync towards the test URL nor pauses the production job', async () => {
	const production = await activate({});
	expect(calls()).toEqual(['sync.start']);
	const listen = hooks(production, registering, credentials(), 'manual');
	expect(await listen.checkExists()).toBe(true);
	expect(await listen.create()).toBe(true);
	expect(await listen.delete()).toBe(true);
	expect(calls()).toEqual(['sync.start']);
	expect([...jobs]).toEqual([['sj_1', 'running']]);
	expect(listen.savedStaticData()).toEqual(production);
});

it('the end of a test listen as n8n runs it (mode internal, webhook data isTest) does not pause the production job', async () => {
	const production = await activate({});
	const stop = hooks(production, registering, credentials(), 'internal', true);
	expect(await stop.delete()).toBe(true);
	expect(calls()).toEqual(['sync.start']);
	expect([...jobs]).toEqual([['sj_1', 'running']]);
});

it("starts a sync with this webhook as destination, authenticated by the credential's authenticate block", async () => {
	const saved = await activate({});
	expect(calls()).toEqual(['sync.start']);
	expect(requests[0].method).toBe('POST');
	expect(requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	expect(requests[0].headers['x-knit-integration-id']).toBe('int_42');
	// The node's defaults, filled in by n8n's Workflow, are Knit's documented example body.
	expect(requests[0].body).toEqual({
		models: [
			'application_info',
			'application_stage',
			'application_interviews',
			'application_rejection',
			'application_offers',
			'application_attachments',
		],
		frequency: 'standard',
		destination: WEBHOOK_URL,
		dataType: 'ats_applications',
	});
	expect(saved).toMatchObject({
		knitSyncJobId: 'sj_1',
		knitDestination: WEBHOOK_URL,
		knitSyncPaused: false,
	});
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
	await activate(saved, {
		...registering,
		models: 'application_info, application_stage',
		dataType: 'ats_jobs',
	});
	expect(calls()).toEqual(['sync.start', 'sync.pause', 'sync.start']);
	expect(requests[2].body).toMatchObject({
		models: ['application_info', 'application_stage'],
		dataType: 'ats_jobs',
	});
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
	[
		'a refused API key (HTTP 401 from Knit)',
		{ apiKey: WRONG_KEY },
		undefined,
		/^Knit sync.start failed: the local test server at http:\/\/127.0.0.1:\d+\/v1.0 \(plain http\) answered HTTP 401, the API key was refused$/,
	],
	[
		'a 200 that says success: false',
		{},
		{ status: 200, body: { success: false, error: { msg: 'integration not found' } } },
		/^Knit sync.start refused: the local test server at .* answered success: false$/,
	],
	[
		'a 200 without a syncJobId',
		{},
		{ status: 200, body: { success: true, data: {} } },
		/without a syncJobId/,
	],
])('fails activation clearly on %s and stores nothing', async (_name, creds, answer, message) => {
	override = answer;
	const h = hooks({}, registering, credentials(creds));
	const error = await h.create().catch((e: Error) => e);
	expect(error).toBeInstanceOf(Error);
	expect((error as Error).constructor.name).toBe('NodeOperationError');
	expect((error as Error).message).toMatch(message);
	expectNoSecret(error);
	expect(h.savedStaticData()).toEqual({});
});

it('requires an integration id before calling Knit', async () => {
	await expect(hooks({}, { registerWebhook: true }).create()).rejects.toThrow(
		/Integration ID is required/,
	);
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
		expect(baseUrlField).toMatchObject({
			displayName: 'Base URL',
			type: 'string',
			default: 'https://api.getknit.dev/v1.0',
		});
		expect(KNIT_API_URL).toBe(baseUrlField!.default);
	});
	it('goes to another host only through a visible switch, off by default, that says the key is sent there', () => {
		const optIn = credential.properties.find((property) => property.name === 'allowCustomBaseUrl');
		expect(optIn).toMatchObject({
			displayName: "Allow a Base URL Other Than Knit's",
			type: 'boolean',
			default: false,
		});
		expect(optIn!.description).toMatch(/The API key is then sent to that host/);
		expect(optIn!.displayOptions).toBeUndefined();
		const baseUrlField = credential.properties.find((property) => property.name === 'baseUrl');
		expect(baseUrlField!.description).toMatch(
			/only https:\/\/api\.getknit\.dev is used, or a test server on this machine/,
		);
		// The refusal names the switch by the label the form shows.
		expect(knitApiAddress({ baseUrl: 'https://evil.example' })).toMatchObject({
			ok: false,
			reason: expect.stringContaining(`"${optIn!.displayName}"`),
		});
	});
	it('is no node parameter (whoever edits the workflow cannot send the key elsewhere)', () => {
		expect(node.description.properties.map((property) => property.name)).not.toContain(
			'knitApiUrl',
		);
		expect(JSON.stringify(node.description.properties)).not.toMatch(/https?:\/\//);
	});
	it('is where the hooks send their calls', async () => {
		const other = http.createServer((_req, res) =>
			res
				.writeHead(200, { Connection: 'close' })
				.end(JSON.stringify({ success: true, data: { syncJobId: 'sj_other' } })),
		);
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		try {
			const h = hooks(
				{},
				registering,
				credentials({ baseUrl: `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1.0/` }),
			);
			await h.create();
			expect(requests).toHaveLength(0);
			expect(h.savedStaticData()).toMatchObject({ knitSyncJobId: 'sj_other' });
		} finally {
			other.closeAllConnections();
			await new Promise<void>((resolve) => other.close(() => resolve()));
		}
	});
});

describe("the credential test (Test button), in n8n-core's real credential-test context", () => {
	const test = (data: ICredentialDataDecryptedObject) =>
		knitApiKeyTest.call(routedCredentialTestContext(), {
			id: 'c',
			name: 'Knit',
			type: 'knitApi',
			data,
		});

	it('asks Knit and reports the key accepted, without starting a sync', async () => {
		const result = await test(credentials());
		expect(result.status).toBe('OK');
		expect(result.message).toBe(
			`The local test server at ${baseUrl} (plain http) accepted the API key (it answered HTTP 400 to a sync.start without an integration ID, which starts nothing). ` +
				"Its answer is not shown: it is not Knit's documented API host",
		);
		expect(calls()).toEqual(['sync.start']);
		expect(requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(requests[0].headers['x-knit-integration-id']).toBeUndefined();
		expect(jobs.size).toBe(0);
	});
	it('reports a key Knit refuses, without echoing it', async () => {
		const result = await test(credentials({ apiKey: WRONG_KEY }));
		expect(result).toEqual({
			status: 'Error',
			message: `The local test server at ${baseUrl} (plain http) refused the API key (HTTP 401). Its answer is not shown: it is not Knit's documented API host`,
		});
	});
	it('reports an unreachable Knit as such', async () => {
		const result = await test(credentials({ baseUrl: unreachableUrl }));
		expect(result).toEqual({
			status: 'Error',
			message: `Could not reach the local test server at ${unreachableUrl} (plain http) (ECONNRESET)`,
		});
		expect(unreachableConnections).toBe(1);
		expectNoSecret(result);
	});
	it.each([[''], [`  ${API_KEY}`]])(
		'rejects a malformed key (%j) without contacting Knit',
		async (apiKey) => {
			expect((await test(credentials({ apiKey }))).status).toBe('Error');
			expect(requests).toHaveLength(0);
		},
	);
});

describe('the address rule before activation sends anything (issue 20, item 3)', () => {
	const KNIT = 'https://api.getknit.dev/v1.0';
	const refusedCreate = async (creds: ICredentialDataDecryptedObject) => {
		const h = hooks({}, registering, credentials(creds));
		const error = await h.create().catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).constructor.name).toBe('NodeOperationError');
		expect(h.savedStaticData()).toEqual({});
		return error as Error;
	};

	it.each([
		[
			'plain http to a host that is not this machine',
			'http://api.getknit.dev/v1.0',
			/Base URL must use https:\/\//,
		],
		[
			'another host over https, without the opt-in',
			'https://evil.example/v1.0',
			/Base URL points to evil\.example, which is not Knit's API \(api\.getknit\.dev\).*"Allow a Base URL Other Than Knit's"/,
		],
		[
			"Knit's host on another port, without the opt-in",
			'https://api.getknit.dev:8443/v1.0',
			/points to api\.getknit\.dev:8443/,
		],
		[
			'a user name and password in the URL',
			'https://user:hunter2@api.getknit.dev/v1.0',
			/must not contain a user name or password/,
		],
		['a malformed URL', 'api.getknit.dev/v1.0', /is not a valid URL/],
	])('refuses %s with a clear reason and sends nothing', async (_name, url, reason) => {
		const error = await refusedCreate({ baseUrl: url });
		expect(error.message).toMatch(/^Knit credential refused: Base URL /);
		expect(error.message).toMatch(reason);
		expect(error.message).toMatch(/Nothing was sent to Knit\.$/);
		expect(error.message).not.toContain('hunter2');
		expect(requests).toHaveLength(0);
	});

	it('counts only the switch itself (true) as the opt-in, not a value that merely looks like it', async () => {
		for (const allowCustomBaseUrl of ['true', 1, 'yes']) {
			const error = await refusedCreate({
				baseUrl: 'https://evil.example/v1.0',
				allowCustomBaseUrl,
			});
			expect(error.message).toMatch(/which is not Knit's API/);
		}
		expect(requests).toHaveLength(0);
	});

	it('refuses before resuming a paused job too, and deactivation with a refused address sends nothing', async () => {
		const saved = await deactivate(await activate({}));
		requests.length = 0;
		const resume = hooks(saved, registering, credentials({ baseUrl: 'https://evil.example/v1.0' }));
		await expect(resume.create()).rejects.toThrow(/^Knit credential refused/);
		// Refused up front: no "could not resume" detour that would have tried sync.start as well.
		expect(resume.warnings).toEqual([]);
		const running = await activate({});
		requests.length = 0;
		const pause = hooks(running, registering, credentials({ baseUrl: 'http://knit.example/v1.0' }));
		expect(await pause.delete()).toBe(false);
		expect(pause.warnings[0]).toMatch(
			/^Could not pause Knit sync sj_\d: Knit credential refused: Base URL must use https/,
		);
		expect(requests).toHaveLength(0);
	});

	it('sends to another host when the credential opts in, and then shows none of its text', async () => {
		const opted = hooks(
			{},
			registering,
			credentials({ baseUrl: 'https://evil.example/v1.0', allowCustomBaseUrl: true }),
		);
		await opted.create();
		expect(
			requests.map((r) => [r.headers['x-routed-from'], r.path, r.headers.authorization]),
		).toEqual([['https://evil.example', '/v1.0/sync.start', `Bearer ${API_KEY}`]]);
		expect(opted.savedStaticData()).toMatchObject({ knitSyncJobId: 'sj_1' });
		echoStatus = 500;
		const h = hooks(
			{},
			registering,
			credentials({ baseUrl: 'https://evil.example/v1.0', allowCustomBaseUrl: true }),
		);
		const error = await h.create().catch((e: Error) => e);
		expect((error as Error).message).toBe(
			"Knit sync.start failed: https://evil.example/v1.0 (not Knit's documented API) answered HTTP 500",
		);
		expect(everything(error)).not.toContain(MARKER);
		expectNoSecret(error);
	});

	it('uses http only for a test server on this machine, and says so', async () => {
		override = { status: 500, body: { success: false, error: { msg: MARKER } } };
		const h = hooks(
			{},
			registering,
			credentials({ baseUrl: `http://localhost:${new URL(baseUrl).port}/v1.0/` }),
		);
		const error = await h.create().catch((e: Error) => e);
		expect((error as Error).message).toBe(
			`Knit sync.start failed: the local test server at http://localhost:${new URL(baseUrl).port}/v1.0 (plain http) answered HTTP 500`,
		);
		expect(requests).toHaveLength(1);
		expect(everything(error)).not.toContain(MARKER);
	});

	it("shows Knit's short reason only when the answer came from Knit's documented host", async () => {
		override = { status: 200, body: { success: false, error: { msg: 'integration not found' } } };
		const h = hooks({}, registering, credentials({ baseUrl: KNIT }));
		await expect(h.create()).rejects.toThrow(
			`Knit sync.start refused: Knit (${KNIT}) answered success: false: integration not found`,
		);
		expect(requests[0].headers['x-routed-from']).toBe('https://api.getknit.dev');
		const refused = hooks({}, registering, credentials({ baseUrl: KNIT, apiKey: WRONG_KEY }));
		const error = await refused.create().catch((e: Error) => e);
		expect((error as Error).message).toBe(
			`Knit sync.start failed: Knit (${KNIT}) answered HTTP 401, the API key was refused: Invalid API key`,
		);
		expectNoSecret(error);
	});

	it("drops even Knit's reason when it repeats the key", async () => {
		override = {
			status: 500,
			body: { success: false, error: { msg: `no sync for Bearer ${API_KEY}` } },
		};
		const error = await hooks({}, registering, credentials({ baseUrl: KNIT }))
			.create()
			.catch((e: Error) => e);
		expect((error as Error).message).toBe(
			`Knit sync.start failed: Knit (${KNIT}) answered HTTP 500`,
		);
		expectNoSecret(error);
	});

	it('does not follow a redirect: the key goes only to the checked address', async () => {
		const elsewhere: http.IncomingHttpHeaders[] = [];
		const other = http.createServer((req, res) => {
			elsewhere.push(req.headers);
			res
				.writeHead(200, { Connection: 'close' })
				.end(JSON.stringify({ success: true, data: { syncJobId: 'sj_elsewhere' } }));
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		try {
			const location = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1.0/sync.start`;
			override = { status: 307, body: {}, headers: { Location: location } };
			const h = hooks({}, registering, credentials());
			const error = await h.create().catch((e: Error) => e);
			expect((error as Error).message).toMatch(/answered HTTP 307$/);
			override = { status: 307, body: {}, headers: { Location: location } };
			const result = await knitApiKeyTest.call(routedCredentialTestContext(), {
				id: 'c',
				name: 'Knit',
				type: 'knitApi',
				data: credentials(),
			});
			expect(result.message).toMatch(/\(it answered HTTP 307 to a sync.start/);
			expect(elsewhere).toEqual([]);
		} finally {
			other.closeAllConnections();
			await new Promise<void>((resolve) => other.close(() => resolve()));
		}
	});
});

describe('no API key in what a failed Knit call leaves behind (issue 20, item 5)', () => {
	const KNIT = 'https://api.getknit.dev/v1.0';
	// Each case through the loopback fake and through Knit's documented host (routed to the same
	// fake), whose reasons the node may repeat: neither may carry the key in any property.
	const cases: Array<[string, () => ICredentialDataDecryptedObject, () => void, RegExp]> = [];
	for (const [where, url] of [
		['a local test server', () => baseUrl],
		["Knit's host", () => KNIT],
	] as const) {
		cases.push(
			[
				`401 from ${where}`,
				() => credentials({ apiKey: WRONG_KEY, baseUrl: url() }),
				() => {},
				/answered HTTP 401, the API key was refused/,
			],
			[
				`500 from ${where}`,
				() => credentials({ baseUrl: url() }),
				() => (override = { status: 500, body: { success: false, error: { msg: 'boom' } } }),
				/answered HTTP 500/,
			],
		);
	}
	cases.push([
		'a connection reset before any answer',
		() => credentials({ baseUrl: unreachableUrl }),
		() => {},
		/^Knit sync.start failed: could not reach the local test server at http:\/\/127.0.0.1:\d+\/v1.0 \(plain http\)$/,
	]);

	it.each(cases)(
		'activation error on %s: none, hidden causes included',
		async (_name, creds, arrange, message) => {
			arrange();
			const h = hooks({}, registering, creds());
			const error = await h.create().catch((e: unknown) => e);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(message);
			if (/reset/.test(_name))
				expect((error as { description?: string }).description).toBe(
					'Network error ECONNRESET, before any answer.',
				);
			expectNoSecret(error);
			expect(everything(error)).not.toMatch(/Bearer|authorization/i);
		},
	);

	it.each(cases)(
		'deactivation warning on %s: none in any logger line',
		async (_name, creds, arrange) => {
			const saved = await activate({});
			arrange();
			const h = hooks(saved, registering, creds());
			expect(await h.delete()).toBe(false);
			expect(h.warnings).toHaveLength(1);
			expect(
				logLines.some(
					(line) =>
						line.startsWith('warn') &&
						line.includes('Could not pause Knit sync sj_1: Knit sync.pause failed'),
				),
			).toBe(true);
			// afterEach checks every captured line for the keys.
		},
	);

	it('a failed resume that falls back to a new start logs no key either', async () => {
		const saved = await deactivate(await activate({}));
		override = { status: 500, body: { success: false } };
		const h = hooks(saved);
		await h.create();
		expect(h.warnings[0]).toMatch(
			/^Could not resume Knit sync sj_1, starting a new one: Knit sync.resume failed: .* answered HTTP 500$/,
		);
	});
});

describe('the Test button: the same rule, and no text from a host that is not Knit (issue 20, items 3 and 5)', () => {
	const KNIT = 'https://api.getknit.dev/v1.0';
	const test = (data: ICredentialDataDecryptedObject) =>
		knitApiKeyTest.call(routedCredentialTestContext(), {
			id: 'c',
			name: 'Knit',
			type: 'knitApi',
			data,
		});

	it.each([
		[
			'plain http to a host that is not this machine',
			{ baseUrl: 'http://api.getknit.dev/v1.0' },
			/^Base URL must use https:\/\//,
		],
		[
			'another host without the opt-in',
			{ baseUrl: 'https://evil.example/v1.0' },
			/^Base URL points to evil\.example, which is not Knit's API/,
		],
		[
			'a password in the URL',
			{ baseUrl: 'https://knit:hunter2@api.getknit.dev/v1.0' },
			/^Base URL must not contain a user name or password/,
		],
	])('refuses %s without contacting anything', async (_name, data, message) => {
		const result = await test(credentials(data));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(result.message).toMatch(/Nothing was sent\.$/);
		expect(result.message).not.toContain('hunter2');
		expect(requests).toHaveLength(0);
	});

	it.each([[400], [401], [403], [500], [200]])(
		'shows only the HTTP status of a non-Knit host that answers %i with a body repeating the Authorization header',
		async (status) => {
			echoStatus = status;
			for (const data of [
				credentials(),
				credentials({ baseUrl: 'https://evil.example/v1.0', allowCustomBaseUrl: true }),
			]) {
				requests.length = 0;
				const result = await test(data);
				expect(requests).toHaveLength(1);
				expect(requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
				expect(result.message).toContain(`HTTP ${status}`);
				expect(result.message).toMatch(
					/Its answer is not shown: it is not Knit's documented API host$/,
				);
				expect(everything(result)).not.toContain(MARKER);
				expectNoSecret(result);
			}
		},
	);

	it("for Knit's documented host shows Knit's short reason, as before", async () => {
		const accepted = await test(credentials({ baseUrl: KNIT }));
		expect(accepted).toEqual({
			status: 'OK',
			message: `Knit (${KNIT}) accepted the API key (it answered HTTP 400: X-Knit-Integration-Id header is missing to a sync.start without an integration ID, which starts nothing)`,
		});
		expect(requests[0].headers['x-routed-from']).toBe('https://api.getknit.dev');
		const refused = await test(credentials({ baseUrl: KNIT, apiKey: WRONG_KEY }));
		expect(refused).toEqual({
			status: 'Error',
			message: `Knit (${KNIT}) refused the API key (HTTP 401: Invalid API key)`,
		});
		// The default Base URL is Knit's host.
		const byDefault = await test(credentials({ baseUrl: '' }));
		expect(byDefault.message).toMatch(/^Knit \(https:\/\/api.getknit.dev\/v1.0\) accepted/);
	});

	it("drops Knit's reason when it repeats the key", async () => {
		override = {
			status: 401,
			body: { success: false, error: { msg: `key ${API_KEY} is revoked` } },
		};
		const result = await test(credentials({ baseUrl: KNIT }));
		expect(result).toEqual({
			status: 'Error',
			message: `Knit (${KNIT}) refused the API key (HTTP 401)`,
		});
	});
});
