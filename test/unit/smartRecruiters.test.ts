/**
 * SmartRecruiters: its v1 signature (the documented example, rotation, the window, missing
 * headers, unknown schemes), the envelope read from headers (requestFields), the 202 answers,
 * the X-Hook-Secret handshake, and the subscription the trigger keeps with SmartRecruiters'
 * Webhooks Subscription API, against a fake of that API on 127.0.0.1 (never the internet)
 * whose activation really POSTs the handshake to the node's URL and fails unless the same
 * X-Hook-Secret comes back with a 200 within 20 s. The node's URL is served by a local stand-in
 * for n8n that runs the trigger's webhook in n8n-core's WebhookContext (test/support/context.ts).
 */
import { createHmac, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SmartRecruitersApi } from '../../credentials/SmartRecruitersApi.credentials';
import { ACCEPTED_BODY, vendorWebhooks } from '../../nodes/shared/description';
import { hmacSha256 } from '../../nodes/shared/signatures';
import { smartRecruitersEvents } from '../../nodes/SmartRecruitersTrigger/smartRecruiters.schema';
import {
	smartRecruitersApiAddress,
	SUBSCRIPTIONS_PATH,
} from '../../nodes/SmartRecruitersTrigger/smartRecruiters.subscription';
import {
	smartRecruitersTrigger,
	smartRecruitersVerifier,
} from '../../nodes/SmartRecruitersTrigger/smartRecruiters.trigger';
import { SmartRecruitersTrigger } from '../../nodes/SmartRecruitersTrigger/SmartRecruitersTrigger.node';
import { testKit } from '../kits/smartRecruiters/smartRecruiters.testing';
import { atTime, callWebhook } from '../support/context';
import { hookContext } from '../support/hookContext';
import { signing, vendorsUnderTest } from '../support/vendors';

const node = new SmartRecruitersTrigger();
const NODE_NAME = 'SmartRecruiters Trigger';
// Distinctive, so a search of an error or a log line for them cannot match anything else.
const API_KEY = 'sr-api-key-4f0c9e27b1';
const SIGNING_KEY = 'sr-signing-key-7d2a61';
const everything = (value: unknown) => inspect(value, { showHidden: true, depth: null });

/** Verifier input for a body and headers signed as SmartRecruiters signs, at `nowMs`. */
function v1(
	rawBody: string,
	eventHeaders: Record<string, string>,
	keys: string[],
	nowMs: number,
	timestamp = String(Math.floor(nowMs / 1000)),
) {
	const trailer = ['event-id', 'event-name', 'event-version', 'link']
		.map((name) => `.${eventHeaders[name] ?? ''}`)
		.join('');
	const signature = keys
		.map((key) => `v1=${hmacSha256(key, `${timestamp}.`, rawBody, trailer).toString('hex')}`)
		.join(';');
	return {
		...eventHeaders,
		'smartrecruiters-timestamp': timestamp,
		'smartrecruiters-signature': signature,
	} as Record<string, string>;
}

const EVENT = {
	'event-id': 'e-1',
	'event-name': 'application.created',
	'event-version': 'v201910',
	link: '<https://api.smartrecruiters.com/candidates/c1/jobs/j1>; rel=self',
};
const verify = (
	headers: Record<string, string>,
	{
		rawBody = '{"id":"a1"}',
		keys = SIGNING_KEY,
		nowMs = Date.now(),
		tolerance = 300,
		generated = [] as string[],
	} = {},
) =>
	smartRecruitersVerifier(generated)({
		rawBody: Buffer.from(rawBody),
		headers,
		credentials: { secretKeys: keys },
		nowMs,
		toleranceSeconds: tolerance,
	});

describe('the v1 signature', () => {
	it("accepts SmartRecruiters' own worked example (secret HeBVky2bccvvkcXPimH8c)", () => {
		const headers = {
			'smartrecruiters-signature':
				'v1=2e9291f10d44ca10204a4cd81b05d73b6a316b2b605d4e2e0e0b37b40198ce1f',
			'smartrecruiters-timestamp': '1574080897',
			'event-id': '123',
			link: '<http://smartrecruiters.com/endpoint>; rel=self',
			'event-name': 'application.created',
			'event-version': 'v201910',
		};
		const options = {
			rawBody: '{"job_id":"jid","candidate_id":"cid"}',
			keys: 'HeBVky2bccvvkcXPimH8c',
			nowMs: 1574080897_000,
		};
		expect(verify(headers, options)).toEqual({ ok: true });
		// As the page displays the body (with a space): not the bytes that were signed.
		expect(
			verify(headers, { ...options, rawBody: '{"job_id":"jid","candidate_id": "cid"}' }).ok,
		).toBe(false);
	});

	it('covers the body and every event header, in order; an absent header is an empty string', () => {
		const nowMs = Date.now();
		const headers = v1('{"id":"a1"}', EVENT, [SIGNING_KEY], nowMs);
		expect(verify(headers, { nowMs })).toEqual({ ok: true });
		for (const name of Object.keys(EVENT))
			expect(verify({ ...headers, [name]: `${headers[name]}x` }, { nowMs })).toEqual({
				ok: false,
				reason: 'signature mismatch',
			});
		// event-name and event-id swapped: the order matters.
		const swapped = { ...EVENT, 'event-id': EVENT['event-name'], 'event-name': EVENT['event-id'] };
		expect(
			verify({ ...v1('{"id":"a1"}', swapped, [SIGNING_KEY], nowMs), ...EVENT }, { nowMs }).ok,
		).toBe(false);
		const none = v1('{"id":"a1"}', {}, [SIGNING_KEY], nowMs);
		expect(verify(none, { nowMs })).toEqual({ ok: true });
		expect(verify({ ...none, 'event-version': '' }, { nowMs })).toEqual({ ok: true });
		expect(verify({ ...none, link: 'x' }, { nowMs }).ok).toBe(false);
	});

	it('accepts any of several signatures (rotation: up to 16 keys), from the credential or the subscription', () => {
		const nowMs = Date.now();
		const keys = Array.from({ length: 16 }, (_, index) => `rotated-key-${index}`);
		const headers = v1('{"id":"a1"}', EVENT, keys, nowMs);
		for (const key of keys) expect(verify(headers, { nowMs, keys: key }).ok).toBe(true);
		expect(verify(headers, { nowMs, keys: keys.slice(3, 9).join('\n') }).ok).toBe(true);
		expect(verify(headers, { nowMs, keys: '', generated: [keys[15]] }).ok).toBe(true);
		// The credential's first 16 keys are used, as SmartRecruiters keeps at most 16.
		const credentialKeys = Array.from({ length: 15 }, (_, index) => `unused-${index}`);
		const signedBy = (key: string) => v1('{"id":"a1"}', EVENT, [key], nowMs);
		const sixteen = [...credentialKeys, 'sixteenth', 'seventeenth'].join('\n');
		expect(verify(signedBy('sixteenth'), { nowMs, keys: sixteen }).ok).toBe(true);
		expect(verify(signedBy('seventeenth'), { nowMs, keys: sixteen })).toEqual({
			ok: false,
			reason: 'signature mismatch',
		});
		expect(verify(headers, { nowMs, keys: 'another-key' })).toEqual({
			ok: false,
			reason: 'signature mismatch',
		});
		expect(verify(headers, { nowMs, keys: '' })).toEqual({
			ok: false,
			reason: 'no signing key: activate the subscription or set Signing Keys',
		});
		// 16 keys with two schemes each is the most a genuine header holds; one entry more is
		// refused unread.
		const most = v1('{"id":"a1"}', EVENT, [...keys, ...keys], nowMs);
		expect(verify(most, { nowMs, keys: keys[15] }).ok).toBe(true);
		const many = v1('{"id":"a1"}', EVENT, [...keys, ...keys, 'x'], nowMs);
		expect(verify(many, { nowMs, keys: keys[0] })).toEqual({
			ok: false,
			reason: 'too many entries in smartrecruiters-signature',
		});
	});

	it('skips schemes other than v1, and says so when there is no v1', () => {
		const nowMs = Date.now();
		const headers = v1('{"id":"a1"}', EVENT, [SIGNING_KEY], nowMs);
		const signature = headers['smartrecruiters-signature'];
		expect(
			verify({ ...headers, 'smartrecruiters-signature': `v2=abc; ${signature}` }, { nowMs }).ok,
		).toBe(true);
		expect(
			verify({ ...headers, 'smartrecruiters-signature': `V1=${signature.slice(3)}` }, { nowMs }).ok,
		).toBe(true);
		expect(
			verify(
				{ ...headers, 'smartrecruiters-signature': signature.replace('v1=', 'v2=') },
				{ nowMs },
			),
		).toEqual({ ok: false, reason: 'no v1 signature in smartrecruiters-signature header' });
		expect(verify({ ...headers, 'smartrecruiters-signature': 'v1=zz' }, { nowMs })).toEqual({
			ok: false,
			reason: 'malformed smartrecruiters-signature header',
		});
		// As long as one well-formed entry (the form read without the loop), but not hex.
		const notHex = `v1=${'z'.repeat(64)}`;
		expect(verify({ ...headers, 'smartrecruiters-signature': notHex }, { nowMs })).toEqual({
			ok: false,
			reason: 'malformed smartrecruiters-signature header',
		});
	});

	it('signs header values as the bytes sent, through a real HTTP server (a Link that is not ASCII)', async () => {
		const nowMs = Date.now();
		const timestamp = String(Math.floor(nowMs / 1000));
		const body = Buffer.from('{"id":"a1"}');
		const link = Buffer.from('<https://api.smartrecruiters.com/candidates/Zoë>; rel=self');
		const signed = Buffer.concat([
			Buffer.from(`${timestamp}.`),
			body,
			Buffer.from('.e-1.application.created.v201910.'),
			link,
		]);
		// createHmac over the bytes, independent of the code under test.
		const signature = `v1=${createHmac('sha256', SIGNING_KEY).update(signed).digest('hex')}`;
		const request = Buffer.concat([
			Buffer.from(
				'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
					`Content-Length: ${body.length}\r\nsmartrecruiters-timestamp: ${timestamp}\r\n` +
					`smartrecruiters-signature: ${signature}\r\nevent-id: e-1\r\n` +
					'event-name: application.created\r\nevent-version: v201910\r\nlink: ',
			),
			link,
			Buffer.from('\r\nConnection: close\r\n\r\n'),
			body,
		]);
		const received = new Promise<http.IncomingHttpHeaders>((resolve) => {
			const server = http.createServer((incoming, response) => {
				response.end();
				server.close();
				resolve(incoming.headers);
			});
			server.listen(0, '127.0.0.1', () => {
				const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
				socket.on('data', () => undefined);
				socket.end(request);
			});
		});
		const headers = (await received) as Record<string, string>;
		expect(verify(headers, { nowMs, rawBody: body.toString() })).toEqual({ ok: true });
	});

	it("rejects a timestamp outside the node's window, a malformed one, and a NaN window", () => {
		const nowMs = 1_736_951_442_000;
		const at = (offsetSeconds: number) =>
			v1(
				'{"id":"a1"}',
				EVENT,
				[SIGNING_KEY],
				nowMs,
				String(Math.floor(nowMs / 1000) + offsetSeconds),
			);
		expect(verify(at(-300), { nowMs }).ok).toBe(true);
		expect(verify(at(300), { nowMs }).ok).toBe(true);
		expect(verify(at(-301), { nowMs })).toEqual({
			ok: false,
			reason: 'timestamp outside the tolerance window',
		});
		expect(verify(at(301), { nowMs }).ok).toBe(false);
		expect(verify(at(0), { nowMs, tolerance: Number.NaN }).ok).toBe(false);
		for (const timestamp of ['1736951442000', '1.7e9', '-1736951442', '0x67', '1736951442.5', ' '])
			expect(
				JSON.stringify(
					verify(v1('{"id":"a1"}', EVENT, [SIGNING_KEY], nowMs, timestamp), { nowMs }),
				),
			).toMatch(/malformed smartrecruiters-timestamp|missing smartrecruiters-timestamp|outside/);
		expect(verify({ 'smartrecruiters-signature': 'v1=00' }, { nowMs })).toEqual({
			ok: false,
			reason: 'missing smartrecruiters-timestamp header',
		});
		expect(verify({ 'smartrecruiters-timestamp': '1' }, { nowMs })).toEqual({
			ok: false,
			reason: 'missing smartrecruiters-signature header',
		});
	});
});

/** The static data n8n keeps for the node, as callWebhook takes it (the workflow's root). */
const staticDataOf = (nodeData: IDataObject) => ({ [`node:${NODE_NAME}`]: nodeData });

describe('the trigger node', () => {
	const credentials = { secretKeys: SIGNING_KEY };
	let workflow = 0;
	const deliver = async (
		payload: string,
		headers: Record<string, string>,
		extra: { parameters?: INodeParameters; staticData?: IDataObject; workflowId?: string } = {},
	) =>
		await callWebhook(node, {
			rawBody: payload,
			headers: { 'content-type': 'application/json', ...headers },
			credentials,
			workflowId: extra.workflowId ?? `wf-sr-${++workflow}`,
			parameters: extra.parameters,
			staticData: extra.staticData,
		});

	it('reads the envelope from the headers (requestFields) and emits the thin body with them', async () => {
		const example = signing.sampleEvent('smartRecruiters', 'application.status.updated', 7);
		const { payload, headers } = testKit.deliver!(example, credentials, Date.now());
		expect(JSON.parse(payload)).toEqual({ id: example.id });
		const { items } = await deliver(payload, headers);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: example.id,
			eventName: 'application.status.updated',
			eventId: example.eventId,
			eventVersion: 'v201910',
			link: example.link,
		});
		expect(items[0].json._ats).toMatchObject({
			vendor: 'smartRecruiters',
			eventType: 'application.status.updated',
			eventId: example.eventId,
			verified: true,
			valid: true,
		});
	});

	it('keeps a body field of the same name as sent (the header does not overwrite it)', async () => {
		const nowMs = Date.now();
		const payload = '{"id":"a1","eventName":"sent.in.body"}';
		const { items } = await deliver(payload, v1(payload, EVENT, [SIGNING_KEY], nowMs));
		expect(items[0].json).toMatchObject({ eventName: 'sent.in.body', eventId: 'e-1' });
	});

	it('dedupes on the event-id header', async () => {
		const example = signing.sampleEvent('smartRecruiters', 'job.created', 1);
		const workflowId = `wf-sr-dedupe-${++workflow}`;
		const first = testKit.deliver!(example, credentials, Date.now());
		expect((await deliver(first.payload, first.headers, { workflowId })).items).toHaveLength(1);
		// A retry: same event-id, a later timestamp and so another signature.
		const retry = testKit.deliver!(example, credentials, Date.now() + 60_000);
		const again = await atTime(Date.now() + 60_000, () =>
			deliver(retry.payload, retry.headers, { workflowId }),
		);
		expect(again.result.webhookResponse).toEqual({ received: true, duplicate: true });
		const other = testKit.deliver!({ ...example, eventId: 'another' }, credentials, Date.now());
		expect((await deliver(other.payload, other.headers, { workflowId })).items).toHaveLength(1);
	});

	it('answers every "received" with 202: n8n\'s responseCode, and the handler\'s own answers', async () => {
		expect(node.description.webhooks).toEqual([{ ...vendorWebhooks[0], responseCode: 202 }]);
		// Every other trigger keeps its webhook description, so its answers stay byte-identical.
		for (const { key, node: other } of vendorsUnderTest)
			if (key !== 'smartRecruiters') expect(other.description.webhooks).toBe(vendorWebhooks);
		const example = signing.sampleEvent('smartRecruiters', 'job.updated', 2);
		const request = testKit.deliver!(example, credentials, Date.now());
		const parameters = {
			events: ['application.created'],
			notProcessedOutput: true,
			notProcessedOutcomes: ['filtered', 'duplicate'],
		};
		const filtered = await deliver(request.payload, request.headers, { parameters });
		expect(filtered.response.statusCode).toBe(202);
		expect(filtered.response.body).toEqual({ received: true, ignored: 'event type not selected' });
		expect(filtered.result.workflowData?.[1]?.[0]?.json).toMatchObject({ status: 202 });
	});

	it('answers the X-Hook-Secret handshake 200 with the same header, and starts nothing', async () => {
		const { result, response, credentialsRequested } = await deliver('', {
			'X-Hook-Secret': '4jn8fs9011jj8',
		});
		expect(response.statusCode).toBe(200);
		expect(response.headers['x-hook-secret']).toBe('4jn8fs9011jj8');
		expect(result).toEqual({ noWebhookResponse: true });
		expect(credentialsRequested).toEqual([]);
		const bad = await deliver('', { 'X-Hook-Secret': 'two words' });
		expect(bad.response.statusCode).toBe(400);
		expect(bad.response.headers['x-hook-secret']).toBeUndefined();
		expect(bad.result.workflowData).toBeUndefined();
	});

	it('verifies with the key the subscription generated (static data) as well as the credential', async () => {
		const nowMs = Date.now();
		const payload = '{"id":"a1"}';
		const headers = v1(payload, EVENT, ['generated-key-1'], nowMs);
		expect((await deliver(payload, headers)).response.statusCode).toBe(401);
		const staticData = staticDataOf({ srSigningKeys: ['generated-key-1'] });
		expect((await deliver(payload, headers, { staticData })).items).toHaveLength(1);
	});
});

// ---------------------------------------------------------------------------------------------
// A fake SmartRecruiters Webhooks Subscription API, and a local stand-in for n8n.

interface Subscription {
	callbackUrl: string;
	events: string[];
	status: 'inactive' | 'active';
	keys: string[];
}
interface Recorded {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: IDataObject;
}
const HANDSHAKE_LIMIT_MS = 20_000;
const requests: Recorded[] = [];
const subscriptions = new Map<string, Subscription>();
const handshakes: Array<{ status: number; echoed: boolean; ms: number }> = [];
/** When set, every answer is this status, with a body that repeats the X-SmartToken received. */
let echoStatus: number | undefined;

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** SmartRecruiters' side of PUT …/activation: POST X-Hook-Secret to the callback, wait ≤ 20 s. */
async function handshake(subscription: Subscription): Promise<boolean> {
	const secret = randomBytes(12).toString('hex');
	const started = performance.now();
	try {
		const answer = await fetch(subscription.callbackUrl, {
			method: 'POST',
			headers: { 'X-Hook-Secret': secret },
			signal: AbortSignal.timeout(HANDSHAKE_LIMIT_MS),
		});
		await answer.text();
		const echoed = answer.headers.get('x-hook-secret') === secret;
		handshakes.push({ status: answer.status, echoed, ms: performance.now() - started });
		return answer.status === 200 && echoed;
	} catch {
		handshakes.push({ status: 0, echoed: false, ms: performance.now() - started });
		return false;
	}
}

async function smartRecruitersAnswer(req: Recorded): Promise<{ status: number; body?: unknown }> {
	if (echoStatus !== undefined)
		return {
			status: echoStatus,
			body: { message: `token ${String(req.headers['x-smarttoken'])}`, headers: req.headers },
		};
	if (req.headers['x-smarttoken'] !== API_KEY)
		return { status: 401, body: { message: 'Unauthorized' } };
	const prefix = `/${SUBSCRIPTIONS_PATH}`;
	if (!req.path.startsWith(prefix)) return { status: 404, body: { message: 'Not found' } };
	const [id, action] = req.path.slice(prefix.length).split('/').filter(Boolean);
	if (id === undefined && req.method === 'POST') {
		const newId = randomBytes(8).toString('hex');
		const events = (req.body.events as string[]) ?? [];
		subscriptions.set(newId, {
			callbackUrl: String(req.body.callbackUrl),
			events,
			status: 'inactive',
			keys: [],
		});
		return {
			status: 201,
			body: {
				id: newId,
				callbackUrl: req.body.callbackUrl,
				events: events.map((name) => ({ name, version: 'v201910' })),
				status: 'inactive',
			},
		};
	}
	const subscription = id === undefined ? undefined : subscriptions.get(id);
	if (subscription === undefined)
		return { status: 404, body: { message: 'Subscription not found' } };
	if (action === 'secret-key' && req.method === 'POST') {
		const secretKey = randomBytes(16).toString('base64url');
		subscription.keys = [...subscription.keys, secretKey].slice(-16);
		return { status: 201, body: { secretKey } };
	}
	if (action === 'activation' && req.method === 'PUT') {
		if (!(await handshake(subscription)))
			return { status: 400, body: { message: 'Callback did not echo X-Hook-Secret' } };
		subscription.status = 'active';
		return { status: 204 };
	}
	if (action === undefined && req.method === 'DELETE') {
		subscriptions.delete(id!);
		return { status: 204 };
	}
	if (action === undefined && req.method === 'GET') return { status: 200, body: subscription };
	return { status: 405, body: { message: 'Method not allowed' } };
}

const api = http.createServer(async (req, res) => {
	const raw = await readBody(req);
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const recorded: Recorded = {
		method: req.method ?? 'GET',
		path: url.pathname,
		headers: req.headers,
		body: raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as IDataObject) : {},
	};
	requests.push(recorded);
	const { status, body } = await smartRecruitersAnswer(recorded);
	res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
	res.end(body === undefined ? undefined : JSON.stringify(body));
});

/** What the stand-in for n8n holds: the workflow's saved node static data, and the executions started. */
let savedNodeData: IDataObject = {};
let executions: IDataObject[] = [];
/** When set, the stand-in answers this instead of running the trigger (a server that does not echo). */
let n8nOverride: ((res: http.ServerResponse) => void) | undefined;

const n8nStandIn = http.createServer(async (req, res) => {
	const raw = await readBody(req);
	if (n8nOverride) return n8nOverride(res);
	const headers = Object.fromEntries(
		Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
	);
	const { result, response } = await callWebhook(node, {
		rawBody: raw,
		headers,
		credentials: { apiKey: API_KEY },
		staticData: staticDataOf(structuredClone(savedNodeData)),
		workflowId: 'wf-hook',
	});
	const responseCode = (node.description.webhooks?.[0]?.responseCode as unknown as number) ?? 200;
	if (response.sent) {
		res.writeHead(response.statusCode, { 'Content-Type': 'application/json', ...response.headers });
		res.end(JSON.stringify(response.body));
		return;
	}
	const items = result.workflowData?.[0] ?? [];
	executions.push(...items.map((item) => item.json));
	res.writeHead(responseCode, { 'Content-Type': 'application/json' });
	res.end(
		result.webhookResponse !== undefined ? JSON.stringify(result.webhookResponse) : ACCEPTED_BODY,
	);
});

let apiUrl = '';
let n8nUrl = '';
beforeAll(async () => {
	for (const server of [api, n8nStandIn])
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
	n8nUrl = `http://127.0.0.1:${(n8nStandIn.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => {
	for (const server of [api, n8nStandIn]) await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	requests.length = 0;
	handshakes.length = 0;
	subscriptions.clear();
	echoStatus = undefined;
	n8nOverride = undefined;
	savedNodeData = {};
	executions = [];
});

const credentialType = new SmartRecruitersApi();
function hooks(
	parameters: INodeParameters = {},
	{
		staticData = {} as IDataObject,
		credentials = { apiKey: API_KEY, baseUrl: apiUrl } as IDataObject,
		mode = undefined as 'manual' | undefined,
	} = {},
) {
	const { context, warnings, savedStaticData } = hookContext(node, credentialType, {
		parameters,
		credentials: credentials as never,
		staticData,
		webhookBaseUrl: n8nUrl,
		mode,
	});
	const methods = node.webhookMethods.default;
	return {
		checkExists: () => methods.checkExists.call(context),
		create: () => methods.create.call(context),
		remove: () => methods.delete.call(context),
		warnings,
		savedStaticData,
	};
}
const calls = () => requests.map(({ method, path }) => `${method} ${path}`);
const base = `/${SUBSCRIPTIONS_PATH}`;

describe('the subscription (fake SmartRecruiters API on 127.0.0.1)', () => {
	it('activation creates the subscription, generates its key, activates it (handshake answered during create) and keeps the key', async () => {
		const activation = hooks({ events: ['application.created', 'job.created'] });
		expect(await activation.checkExists()).toBe(false);
		expect(await activation.create()).toBe(true);
		const [id] = [...subscriptions.keys()];
		expect(calls()).toEqual([
			`POST ${base}`,
			`POST ${base}/${id}/secret-key`,
			`PUT ${base}/${id}/activation`,
		]);
		expect(requests[0].body).toEqual({
			callbackUrl: `${n8nUrl}/abc/webhook`,
			events: ['application.created', 'job.created'],
		});
		expect(handshakes).toEqual([{ status: 200, echoed: true, ms: expect.any(Number) }]);
		expect(handshakes[0].ms).toBeLessThan(HANDSHAKE_LIMIT_MS);
		expect(subscriptions.get(id)!.status).toBe('active');
		// The handshake started nothing.
		expect(executions).toEqual([]);
		const saved = activation.savedStaticData();
		expect(saved).toEqual({
			srSubscriptionId: id,
			srCallbackUrl: `${n8nUrl}/abc/webhook`,
			srEvents: 'application.created,job.created',
			srSigningKeys: subscriptions.get(id)!.keys,
		});
		// n8n's next start finds it and creates nothing.
		const restart = hooks(
			{ events: ['application.created', 'job.created'] },
			{ staticData: saved },
		);
		expect(await restart.checkExists()).toBe(true);
		// Other events: a new subscription.
		expect(await hooks({ events: ['job.created'] }, { staticData: saved }).checkExists()).toBe(
			false,
		);
	});

	it('"All Events" subscribes every documented event', async () => {
		await hooks({}).create();
		expect(requests[0].body.events).toEqual(smartRecruitersEvents.map((event) => event.value));
	});

	it('a delivery signed with the generated key starts one execution (202); a forged one 401, nothing', async () => {
		const activation = hooks({});
		await activation.create();
		savedNodeData = activation.savedStaticData();
		const [subscription] = [...subscriptions.values()];
		const example = signing.sampleEvent('smartRecruiters', 'application.created', 3);
		const genuine = testKit.deliver!(example, { secretKeys: subscription.keys[0] }, Date.now());
		const answer = await fetch(subscription.callbackUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...genuine.headers },
			body: genuine.payload,
		});
		expect(answer.status).toBe(202);
		expect(await answer.text()).toBe(ACCEPTED_BODY);
		expect(executions).toHaveLength(1);
		expect(executions[0]).toMatchObject({ eventName: 'application.created', id: example.id });
		const forged = testKit.deliver!(example, { secretKeys: 'not-the-key' }, Date.now());
		const rejected = await fetch(subscription.callbackUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...forged.headers },
			body: forged.payload,
		});
		expect(rejected.status).toBe(401);
		expect(executions).toHaveLength(1);
		// A redelivery: 202 again, nothing runs.
		const retry = await fetch(subscription.callbackUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...genuine.headers },
			body: genuine.payload,
		});
		expect(retry.status).toBe(202);
		expect(await retry.json()).toEqual({ received: true, duplicate: true });
		expect(executions).toHaveLength(1);
	});

	it('deactivation deletes the subscription and forgets its key', async () => {
		const activation = hooks({});
		await activation.create();
		const saved = activation.savedStaticData();
		const deactivation = hooks({}, { staticData: saved });
		requests.length = 0;
		expect(await deactivation.remove()).toBe(true);
		expect(calls()).toEqual([`DELETE ${base}/${String(saved.srSubscriptionId)}`]);
		expect(subscriptions.size).toBe(0);
		expect(deactivation.savedStaticData()).toEqual({});
		// Already gone (deleted in SmartRecruiters): still a clean deactivation.
		expect(await hooks({}, { staticData: saved }).remove()).toBe(true);
	});

	it('a handshake not echoed fails the activation and leaves nothing behind', async () => {
		n8nOverride = (res) => {
			res.writeHead(200);
			res.end();
		};
		const activation = hooks({});
		await expect(activation.create()).rejects.toThrow(
			/PUT \/webhooks-api\/v201907\/subscriptions\/[0-9a-f]+\/activation failed: the local test server at .* answered HTTP 400/,
		);
		expect(handshakes).toEqual([{ status: 200, echoed: false, ms: expect.any(Number) }]);
		expect(subscriptions.size).toBe(0);
		expect(calls().at(-1)).toMatch(/^DELETE /);
		expect(activation.savedStaticData()).toEqual({});
	});

	it('off, or for "Listen for test event", nothing is sent', async () => {
		expect(await hooks({ createSubscription: false }).create()).toBe(true);
		expect(await hooks({ createSubscription: false }).checkExists()).toBe(true);
		expect(await hooks({}, { mode: 'manual' }).create()).toBe(true);
		expect(requests).toEqual([]);
	});

	it('API errors name the call and status, never the API key or a signing key', async () => {
		// First a genuine subscription, so a signing key is in static data.
		const activation = hooks({});
		await activation.create();
		const saved = activation.savedStaticData();
		const secrets = [API_KEY, SIGNING_KEY, ...(saved.srSigningKeys as string[])];
		for (const status of [400, 401, 403, 500]) {
			echoStatus = status;
			const failing = hooks(
				{},
				{
					staticData: saved,
					credentials: { apiKey: API_KEY, baseUrl: apiUrl, secretKeys: SIGNING_KEY },
				},
			);
			const error = await failing.create().catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(new RegExp(`answered HTTP ${status}`));
			const deactivation = hooks(
				{},
				{
					staticData: saved,
					credentials: { apiKey: API_KEY, baseUrl: apiUrl, secretKeys: SIGNING_KEY },
				},
			);
			expect(await deactivation.remove()).toBe(false);
			expect(deactivation.warnings.join('\n')).toMatch(new RegExp(`answered HTTP ${status}`));
			const text =
				everything(error) + everything(failing.warnings) + everything(deactivation.warnings);
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
		// A wrong key: refused, and said so.
		echoStatus = undefined;
		const wrong = hooks({}, { credentials: { apiKey: 'wrong-key', baseUrl: apiUrl } });
		await expect(wrong.create()).rejects.toThrow(/answered HTTP 401, the API key was refused/);
	});

	it('the API key goes only to SmartRecruiters, a local test server, or a host the credential opts into', async () => {
		expect(smartRecruitersApiAddress({})).toMatchObject({
			ok: true,
			baseUrl: 'https://api.smartrecruiters.com',
			documentedHost: true,
		});
		expect(smartRecruitersApiAddress({ baseUrl: 'https://evil.example.com' }).ok).toBe(false);
		expect(
			smartRecruitersApiAddress({ baseUrl: 'https://proxy.example.com', allowCustomBaseUrl: true })
				.ok,
		).toBe(true);
		expect(smartRecruitersApiAddress({ baseUrl: 'http://api.smartrecruiters.com' }).ok).toBe(false);
		const refused = hooks(
			{},
			{ credentials: { apiKey: API_KEY, baseUrl: 'https://evil.example.com' } },
		);
		await expect(refused.create()).rejects.toThrow(/Nothing was sent to SmartRecruiters/);
		expect(requests).toEqual([]);
	});
});

describe('the trigger declaration', () => {
	it('declares 202, the header fields and the credential SmartRecruiters needs', () => {
		expect(smartRecruitersTrigger.acceptedStatus).toBe(202);
		expect(smartRecruitersTrigger.requestFields).toEqual({
			eventName: { header: 'event-name' },
			eventId: { header: 'event-id' },
			eventVersion: { header: 'event-version' },
			link: { header: 'link' },
		});
		const passwords = credentialType.properties
			.filter((property) => property.typeOptions?.password === true)
			.map((property) => property.name);
		expect(passwords.sort()).toEqual(['apiKey', 'secretKeys']);
		expect(credentialType.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { 'X-SmartToken': '={{$credentials.apiKey}}' } },
		});
	});
});
