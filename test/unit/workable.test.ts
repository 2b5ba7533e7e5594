/**
 * Workable: its verifier (hex and base64 digests, the OAuth app secret), the subscription's
 * event becoming the item's type (`requestFields`), and the subscription lifecycle against a
 * fake Workable API on 127.0.0.1 (never the internet). The hooks run in n8n-core's real
 * HookContext and send through n8n-core's real httpRequestWithAuthentication; the Authorization
 * header comes from the credential's own `authenticate` block, and the fake answers a wrong
 * one 401 like Workable would.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { WorkableApi } from '../../credentials/WorkableApi.credentials';
import { normalizeEvent } from '../../nodes/AtsNormalize/normalize';
import { hmacSha256 } from '../../nodes/shared/signatures';
import {
	workableApiAddress,
	workableApiTokenTest,
	workableSubdomain,
} from '../../nodes/WorkableTrigger/workable.subscription';
import { verifyWorkableSignature } from '../../nodes/WorkableTrigger/workable.trigger';
import { WorkableTrigger } from '../../nodes/WorkableTrigger/WorkableTrigger.node';
import { workableSamples } from '../kits/workable/workable.samples';
import { callWebhook } from '../support/context';
import { credentialTestContext, hookContext, WEBHOOK_BASE_URL } from '../support/hookContext';

// Distinctive, so a search of an error or a log line for them cannot match anything else.
const TOKEN = 'wk-token-0c7e51d9';
const APP_SECRET = 'wk-app-secret-84b2f6e1';
const SECRETS = [TOKEN, APP_SECRET];
/** Text only the host's answer carries: never shown for a host that is not Workable's own. */
const MARKER = 'HOST-TEXT-MARKER-2b9d';

const node = new WorkableTrigger();
const credential = new WorkableApi();

// ---------------------------------------------------------------------------------------------
// The verifier

/** A candidate payload as Workable sends it: the documented candidate under data, no event_type. */
const sampleOf = (type: string) => workableSamples.find((sample) => sample.eventType === type)!;
const candidatePayload = { ...sampleOf('candidate_created').body };
delete candidatePayload.event_type;
const candidateBytes = Buffer.from(JSON.stringify(candidatePayload));
const digest = (key: string, body: Buffer = candidateBytes) => hmacSha256(key, body);
const verify = (
	headers: Record<string, string>,
	credentials: ICredentialDataDecryptedObject = { apiToken: TOKEN },
	rawBody: Buffer = candidateBytes,
) =>
	verifyWorkableSignature({
		rawBody,
		headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
		credentials,
		nowMs: Date.now(),
		toleranceSeconds: 300,
	});

describe('verifier: X-Workable-Signature, HMAC-SHA256 of the raw body', () => {
	it('accepts the digest in hex and in base64 (padded or not), keyed with the API access token', () => {
		const bytes = digest(TOKEN);
		expect(verify({ 'X-Workable-Signature': bytes.toString('hex') })).toEqual({ ok: true });
		expect(verify({ 'X-Workable-Signature': bytes.toString('hex').toUpperCase() })).toEqual({
			ok: true,
		});
		expect(verify({ 'X-Workable-Signature': bytes.toString('base64') })).toEqual({ ok: true });
		expect(verify({ 'X-Workable-Signature': bytes.toString('base64').replace(/=+$/, '') })).toEqual(
			{ ok: true },
		);
	});

	it('rejects a forged digest (one byte changed, in either encoding) and a changed body', () => {
		for (const encoding of ['hex', 'base64'] as const) {
			for (const index of [0, 15, 31]) {
				const bytes = digest(TOKEN);
				bytes[index] ^= 0x01;
				expect(verify({ 'X-Workable-Signature': bytes.toString(encoding) })).toEqual({
					ok: false,
					reason: 'signature mismatch',
				});
			}
		}
		const changed = Buffer.from(candidateBytes);
		changed[10] ^= 0x01;
		expect(
			verify({ 'X-Workable-Signature': digest(TOKEN).toString('hex') }, undefined, changed).ok,
		).toBe(false);
	});

	it('rejects a missing or malformed header, decoded strictly (no base64url, no prefix, no truncation)', () => {
		const bytes = digest(TOKEN);
		expect(verify({})).toEqual({ ok: false, reason: 'missing X-Workable-Signature header' });
		for (const value of [
			bytes.toString('base64url').includes('-') || bytes.toString('base64url').includes('_')
				? bytes.toString('base64url')
				: `${bytes.toString('hex').slice(0, 62)}zz`,
			`sha256=${bytes.toString('hex')}`,
			bytes.toString('hex').slice(0, 63),
			`${bytes.toString('hex')}00`,
			'not a signature',
		])
			expect(verify({ 'X-Workable-Signature': value })).toEqual({
				ok: false,
				reason: 'malformed X-Workable-Signature header',
			});
	});

	it('rejects a digest keyed with another token, and a credential without a token', () => {
		expect(verify({ 'X-Workable-Signature': digest('another-token').toString('hex') })).toEqual({
			ok: false,
			reason: 'signature mismatch',
		});
		expect(
			verify({ 'X-Workable-Signature': digest('').toString('hex') }, { apiToken: '' }),
		).toEqual({ ok: false, reason: 'no signing secret configured' });
	});

	it('with an OAuth app secret in the credential, accepts only digests keyed with it', () => {
		const credentials = { apiToken: TOKEN, signingSecret: APP_SECRET };
		expect(
			verify({ 'X-Workable-Signature': digest(APP_SECRET).toString('hex') }, credentials),
		).toEqual({ ok: true });
		expect(verify({ 'X-Workable-Signature': digest(TOKEN).toString('hex') }, credentials).ok).toBe(
			false,
		);
		// Blank counts as absent: the token is the key again.
		expect(
			verify(
				{ 'X-Workable-Signature': digest(TOKEN).toString('hex') },
				{ apiToken: TOKEN, signingSecret: '  ' },
			).ok,
		).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------
// The subscription's event becomes the item's type

let workflowSequence = 0;
async function deliver(
	body: Record<string, unknown>,
	parameters: INodeParameters,
	key = TOKEN,
	credentials: ICredentialDataDecryptedObject = { apiToken: TOKEN, subdomain: 'groove-tech' },
	workflowId = `wf-workable-${++workflowSequence}`,
) {
	const rawBody = JSON.stringify(body);
	return await callWebhook(node, {
		rawBody,
		headers: {
			'content-type': 'application/json',
			'x-workable-signature': hmacSha256(key, rawBody).toString('hex'),
		},
		credentials,
		parameters: { createSubscription: false, ...parameters },
		workflowId,
	});
}

describe("the Event parameter names a payload's type (requestFields)", () => {
	it('a candidate payload without event_type gets the Event parameter as event_type, which the item, _ats and ATS Normalize read', async () => {
		const { items, response } = await deliver(candidatePayload, { event: 'candidate_moved' });
		expect(response.statusCode).toBe(200);
		expect(items).toHaveLength(1);
		const { _ats: metadata, ...json } = items[0].json as IDataObject;
		expect(json).toEqual({ ...candidatePayload, event_type: 'candidate_moved' });
		expect(metadata).toMatchObject({
			vendor: 'workable',
			eventType: 'candidate_moved',
			eventId: null,
			valid: true,
			verified: true,
		});
		const event = normalizeEvent(items[0].json);
		expect(event).toMatchObject({
			source: 'workable',
			sourceType: 'candidate_moved',
			type: 'application.stage_changed',
			candidate: { id: '108d1748', name: 'Cindy Sawyers', email: 'cindy.sawyers@example.com' },
			job: { id: 'GROOV005', title: 'Office Manager', code: 'GROOV005' },
			application: { id: '108d1748', stage: 'Applied' },
		});
		expect(event.summary).toBe(
			"Cindy Sawyers's application for Office Manager moved to Applied (Workable)",
		);
	});

	it("the Event parameter's default is candidate_created", async () => {
		const { items } = await deliver(candidatePayload, {});
		expect(items[0].json).toMatchObject({ event_type: 'candidate_created' });
		expect(normalizeEvent(items[0].json)).toMatchObject({
			type: 'application.created',
			summary: 'Cindy Sawyers applied for Office Manager (Workable)',
		});
	});

	it('a payload that names its event itself (employee events) keeps it, whatever the parameter says', async () => {
		const employee = sampleOf('employee_updated').body;
		const { items } = await deliver(employee, { event: 'candidate_created' });
		expect(items[0].json).toMatchObject({ event_type: 'employee_updated' });
		expect(items[0].json._ats).toMatchObject({ eventType: 'employee_updated', valid: true });
		expect(normalizeEvent(items[0].json)).toMatchObject({
			type: 'other',
			sourceType: 'employee_updated',
		});
	});

	it('the event filter applies to the type the parameter gave', async () => {
		const { items, response } = await deliver(candidatePayload, {
			event: 'candidate_moved',
			events: ['candidate_created'],
		});
		expect(items).toHaveLength(0);
		expect(response.statusCode).toBe(200);
	});

	it('a forged delivery is 401 and starts nothing; the same payload signed again is a redelivery (digest dedupe)', async () => {
		const forged = await deliver(candidatePayload, {}, 'not-the-token');
		expect(forged.response.statusCode).toBe(401);
		expect(forged.items).toHaveLength(0);
		expect(JSON.stringify(forged.response.body)).not.toContain(TOKEN);
		const workflowId = 'wf-workable-redelivery';
		const first = await deliver(candidatePayload, {}, TOKEN, undefined, workflowId);
		expect(first.items).toHaveLength(1);
		const again = await deliver(candidatePayload, {}, TOKEN, undefined, workflowId);
		expect(again.items).toHaveLength(0);
		expect(again.result.webhookResponse).toEqual({ received: true, duplicate: true });
	});
});

// ---------------------------------------------------------------------------------------------
// The subscription lifecycle, against a fake Workable API

interface Recorded {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: IDataObject | undefined;
}
const requests: Recorded[] = [];
/** Workable's side: the subscriptions it knows, by id. */
let subscriptions: Map<string, IDataObject>;
let nextId = 772571818;
/** A one-off answer that replaces the fake's normal one. */
let override: { status: number; body: unknown } | undefined;
/** When set, every answer is this status, carrying the marker and the Authorization header received. */
let echoStatus: number | undefined;

function workableAnswer(req: Recorded): { status: number; body: unknown } {
	if (echoStatus !== undefined) {
		const received = String(req.headers.authorization ?? '');
		return {
			status: echoStatus,
			body: { error: `${MARKER} ${received}`, message: received, headers: req.headers },
		};
	}
	if (req.headers.authorization !== `Bearer ${TOKEN}`)
		return { status: 401, body: { error: 'Not authorized' } };
	if (override) {
		const answer = override;
		override = undefined;
		return answer;
	}
	if (req.method === 'POST' && req.path === '/spi/v3/subscriptions') {
		const target = String(req.body?.target ?? '');
		if ([...subscriptions.values()].some((subscription) => subscription.target === target))
			return { status: 409, body: { error: 'Target already registered' } };
		const id = nextId++;
		subscriptions.set(String(id), { id, ...req.body });
		return { status: 201, body: { id } };
	}
	const match = /^\/spi\/v3\/subscriptions\/([^/]+)$/.exec(req.path);
	if (req.method === 'DELETE' && match) {
		if (!subscriptions.delete(decodeURIComponent(match[1]))) return { status: 404, body: {} };
		return { status: 200, body: {} };
	}
	if (req.method === 'GET' && req.path === '/spi/v3/subscriptions')
		return { status: 200, body: { subscriptions: [...subscriptions.values()] } };
	return { status: 404, body: {} };
}

let server: http.Server;
let baseUrl: string;
beforeAll(async () => {
	server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const recorded: Recorded = {
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body: raw ? (JSON.parse(raw) as IDataObject) : undefined,
			};
			requests.push(recorded);
			const { status, body } = workableAnswer(recorded);
			res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
			res.end(JSON.stringify(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/spi/v3`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

const logLines: string[] = [];
const capture = (level: string) => (message: string, meta?: object) =>
	logLines.push(`${level} ${inspect({ message, meta }, { showHidden: true, depth: null })}`);
const capturingLogger = {
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
};
beforeEach(() => {
	requests.length = 0;
	subscriptions = new Map();
	nextId = 772571818;
	override = undefined;
	echoStatus = undefined;
	logLines.length = 0;
});
afterEach(() => {
	for (const line of logLines) for (const secret of SECRETS) expect(line).not.toContain(secret);
});

/** Everything about an error, hidden properties and causes included, as a person or a log could get it. */
const expectNoSecret = (value: unknown) => {
	const text = inspect(value, { showHidden: true, depth: null });
	for (const secret of SECRETS) expect(text).not.toContain(secret);
};

const WEBHOOK_URL = `${WEBHOOK_BASE_URL}/abc/webhook`;
const credentials = (extra: ICredentialDataDecryptedObject = {}) => ({
	subdomain: 'groove-tech',
	apiToken: TOKEN,
	baseUrl,
	...extra,
});

/** One activation or deactivation as n8n runs it: a fresh context over the static data n8n saved last time. */
function hooks(
	staticData: IDataObject,
	parameters: INodeParameters = {},
	creds: ICredentialDataDecryptedObject = credentials(),
	mode: 'trigger' | 'manual' = 'trigger',
) {
	const { context, warnings, savedStaticData } = hookContext(node, credential, {
		parameters,
		credentials: creds,
		staticData,
		mode,
	});
	LoggerProxy.init(capturingLogger);
	const logger = context.logger as unknown as Record<string, (m: string, meta?: object) => void>;
	for (const level of ['error', 'warn', 'info', 'debug']) {
		const original = logger[level];
		logger[level] = (message, meta) => {
			capturingLogger[level as keyof typeof capturingLogger](message, meta);
			original(message, meta);
		};
	}
	const methods = node.webhookMethods.default;
	return {
		warnings,
		savedStaticData,
		checkExists: () => methods.checkExists.call(context),
		create: () => methods.create.call(context),
		delete: () => methods.delete.call(context),
	};
}
async function activate(staticData: IDataObject, parameters?: INodeParameters) {
	const h = hooks(staticData, parameters);
	if (!(await h.checkExists())) await h.create();
	return h.savedStaticData();
}
const calls = () => requests.map((r) => `${r.method} ${r.path.replace('/spi/v3', '')}`);

describe('subscription lifecycle (webhookMethods) against a fake Workable API on 127.0.0.1', () => {
	it("activation subscribes this node's production URL to its event, authenticated by the credential's authenticate block, and keeps the id", async () => {
		const saved = await activate({});
		expect(calls()).toEqual(['POST /subscriptions']);
		expect(requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(requests[0].headers['content-type']).toMatch(/application\/json/);
		// The node's defaults: candidate_created, every job and stage (no args).
		expect(requests[0].body).toEqual({ target: WEBHOOK_URL, event: 'candidate_created' });
		expect(saved).toMatchObject({ workableSubscriptionId: '772571818' });
		// Activated again with the same settings: nothing to create.
		requests.length = 0;
		expect(await hooks(saved).checkExists()).toBe(true);
		expect(requests).toHaveLength(0);
	});

	it('sends job and stage filters as args (both present, with the account), and none for employee events', async () => {
		await activate({}, { event: 'candidate_moved', jobShortcode: 'GROOV005', stageSlug: '' });
		expect(requests[0].body).toEqual({
			target: WEBHOOK_URL,
			event: 'candidate_moved',
			args: { account_id: 'groove-tech', job_shortcode: 'GROOV005', stage_slug: '' },
		});
		subscriptions = new Map();
		requests.length = 0;
		await activate({}, { event: 'employee_created', jobShortcode: 'GROOV005', stageSlug: 'hired' });
		expect(requests[0].body).toEqual({ target: WEBHOOK_URL, event: 'employee_created' });
	});

	it('deactivation deletes the subscription it created and forgets it', async () => {
		const saved = await activate({});
		requests.length = 0;
		const h = hooks(saved);
		expect(await h.delete()).toBe(true);
		expect(calls()).toEqual(['DELETE /subscriptions/772571818']);
		expect(requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(subscriptions.size).toBe(0);
		expect(h.savedStaticData()).toEqual({});
		// Nothing left to delete: deactivating again sends nothing.
		requests.length = 0;
		expect(await hooks(h.savedStaticData()).delete()).toBe(true);
		expect(requests).toHaveLength(0);
	});

	it('another event: the old subscription is deleted before the new one is created (Workable refuses a second one for the URL)', async () => {
		const saved = await activate({});
		requests.length = 0;
		const again = await activate(saved, { event: 'candidate_moved' });
		expect(calls()).toEqual(['DELETE /subscriptions/772571818', 'POST /subscriptions']);
		expect(again).toMatchObject({ workableSubscriptionId: '772571819' });
		expect([...subscriptions.values()].map((s) => s.event)).toEqual(['candidate_moved']);
	});

	it('a subscription Workable no longer knows (404 on delete) counts as deleted', async () => {
		const saved = await activate({});
		subscriptions = new Map();
		const h = hooks(saved);
		expect(await h.delete()).toBe(true);
		expect(h.savedStaticData()).toEqual({});
	});

	it('a failed delete keeps the id (the next deactivation tries again), warns without the token, and does not throw', async () => {
		const saved = await activate({});
		override = { status: 500, body: { error: 'boom' } };
		const h = hooks(saved);
		expect(await h.delete()).toBe(false);
		expect(h.savedStaticData()).toMatchObject({ workableSubscriptionId: '772571818' });
		expect(h.warnings.join('\n')).toMatch(/Could not delete Workable subscription 772571818/);
		for (const warning of h.warnings)
			for (const secret of SECRETS) expect(warning).not.toContain(secret);
	});

	it('Create Subscription on Activation off, or a test listen in the editor: nothing is sent and nothing stored', async () => {
		for (const [parameters, mode] of [
			[{ createSubscription: false }, 'trigger'],
			[{}, 'manual'],
		] as const) {
			const h = hooks({}, parameters, credentials(), mode);
			expect(await h.checkExists()).toBe(true);
			expect(await h.create()).toBe(true);
			expect(await h.delete()).toBe(true);
			expect(h.savedStaticData()).toEqual({});
		}
		expect(requests).toHaveLength(0);
	});

	it.each([
		[401, /answered HTTP 401, the API access token was refused or lacks the r_candidates/],
		[409, /answered HTTP 409, a subscription for this URL exists already/],
		[500, /answered HTTP 500/],
	])(
		'an API error (%s) fails activation with a clear message, stores nothing, and never carries the token',
		async (status, message) => {
			echoStatus = status;
			const h = hooks({});
			const error = await h.create().then(
				() => undefined,
				(thrown: unknown) => thrown,
			);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(message);
			expect((error as Error).message).toMatch(
				/^Workable POST \/subscriptions failed: the local test server/,
			);
			// Not Workable's own host: its answer's text is not repeated.
			expect(inspect(error, { showHidden: true, depth: null })).not.toContain(MARKER);
			expectNoSecret(error);
			expect(h.savedStaticData()).toEqual({});
		},
	);

	it('an unreachable API: a network error, without the token', async () => {
		const h = hooks({}, {}, credentials({ baseUrl: 'http://127.0.0.1:1/spi/v3' }));
		const error = await h.create().catch((thrown: unknown) => thrown);
		expect((error as Error).message).toMatch(/could not reach the local test server/);
		expectNoSecret(error);
	});

	it("a Base URL on another host is refused before anything is sent, unless the credential's opt-in allows it", async () => {
		const h = hooks({}, {}, credentials({ baseUrl: 'https://collector.example.net/spi/v3' }));
		const error = await h.create().catch((thrown: unknown) => thrown);
		expect((error as Error).message).toMatch(
			/Workable credential refused: Base URL points to collector.example.net, which is not Workable's API .*Nothing was sent/,
		);
		expect(requests).toHaveLength(0);
		expectNoSecret(error);
	});
});

describe('the API address (credential Subdomain and Base URL, the shared rule)', () => {
	it("defaults to Workable's documented https://<subdomain>.workable.com/spi/v3", () => {
		expect(workableApiAddress({ subdomain: 'groove-tech' })).toEqual({
			ok: true,
			baseUrl: 'https://groove-tech.workable.com/spi/v3',
			documentedHost: true,
			localPlainHttp: false,
		});
		expect(workableSubdomain(' https://Groove-Tech.workable.com/ ')).toBe('groove-tech');
	});
	it.each([
		[{ subdomain: '' }, /Subdomain is missing/],
		[{ subdomain: 'groove tech' }, /Subdomain is missing or not a Workable subdomain/],
		[{ subdomain: 'groove-tech', baseUrl: 'http://groove-tech.workable.com/spi/v3' }, /https/],
		[
			{ subdomain: 'groove-tech', baseUrl: 'https://other.workable.com/spi/v3' },
			/points to other.workable.com/,
		],
	])('refuses %j', (creds, reason) => {
		const address = workableApiAddress(creds);
		expect(address.ok).toBe(false);
		expect((address as { reason: string }).reason).toMatch(reason);
	});
	it('allows another host only with the opt-in, and never shows its text', () => {
		expect(
			workableApiAddress({
				subdomain: 'groove-tech',
				baseUrl: 'https://proxy.example.net/spi/v3',
				allowCustomBaseUrl: true,
			}),
		).toMatchObject({ ok: true, documentedHost: false });
	});
});

describe('credential test: GET /subscriptions', () => {
	const run = async (data: ICredentialDataDecryptedObject) => {
		const context = credentialTestContext();
		LoggerProxy.init(capturingLogger);
		return await workableApiTokenTest.call(context, {
			id: 'c',
			name: 'workable',
			type: 'workableApi',
			data,
		});
	};
	it('accepted token: OK, after one GET /subscriptions with the token', async () => {
		const result = await run(credentials());
		expect(result.status).toBe('OK');
		expect(calls()).toEqual(['GET /subscriptions']);
		expect(requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
	});
	it('refused token: an error that says so, without the token or the host text', async () => {
		echoStatus = 401;
		const result = await run(credentials());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/HTTP 401: the token was refused/);
		expect(result.message).not.toContain(MARKER);
		expectNoSecret(result);
	});
	it('a refused address: nothing sent', async () => {
		const result = await run(credentials({ baseUrl: 'https://collector.example.net' }));
		expect(result).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/Nothing was sent/),
		});
		expect(requests).toHaveLength(0);
	});
});
