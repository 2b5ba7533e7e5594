/**
 * The triggers' second output, Not Processed (nodes/shared/notProcessed.ts and its use in
 * nodes/shared/pipeline.ts): for every delivery that starts no workflow run, the sender's
 * answer, the item (in production and in the editor's test mode), the hourly cap (in this
 * process and on a shared Redis), the throttled warn lines, and the trigger's execute step.
 * Every vendor of the registry, through n8n-core's real WebhookContext and ExecuteContext.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { Redis } from 'ioredis';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeParameters,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UNCONFIRMED_CLAIM_MS, forgetMemoryStores } from '../../nodes/shared/dedupeMemory';
import {
	REDIS_KEY_PREFIX,
	closeRedisClients,
	countOnRedis,
	redisSettingsOf,
} from '../../nodes/shared/dedupeRedis';
import { forgetNotProcessedCounters } from '../../nodes/shared/notProcessed';
import { envelopeOf } from '../../nodes/shared/vendor';
import {
	atTime,
	callWebhook,
	executeTrigger,
	loggedCalls,
	triggerNode,
	workflowOf,
} from '../support/context';
import type { LoggedCall } from '../support/context';
import { bodySignatureOf, replayedSignature, signedDelivery } from '../kits/vendor.testing';
import { credentialsOf, eventsParameter, signing, vendorsUnderTest } from '../support/vendors';
import type { VendorUnderTest } from '../support/vendors';

const { startRedis } = require('../support/redis');

type RedisServer = { host: string; port: number; stop(): Promise<void> };
type Outcome = 'rejected' | 'notJson' | 'filtered' | 'duplicate';
type Request = { rawBody: string; headers: Record<string, string> };
type Call = Awaited<ReturnType<typeof callWebhook>>;

const SECRET = 'not-processed-secret-value-7f3a';
const WRONG_SECRET = 'not-processed-wrong-key-41b9';
const CLIENT_IP = '203.0.113.9';
const MINUTE = 60_000;
const HOUR = 3_600_000;
/** The start of an hour: every test runs on this clock (atTime) unless it needs real time. */
const T0 = Date.UTC(2031, 4, 6, 9, 0, 0);
const ALL_OUTCOMES: Outcome[] = ['rejected', 'notJson', 'filtered', 'duplicate'];
const OUTCOME_NAMES: Record<Outcome, string> = {
	rejected: 'Rejected',
	notJson: 'Not JSON',
	filtered: 'Filtered Out',
	duplicate: 'Redelivery Dropped',
};
const NOT_JSON = 'not json at all';

let sequence = 0;
const nextWorkflowId = (label: string) => `wf-np-${label}-${++sequence}`;
/** Every registry vendor, as `[key, vendor]` rows for describe.each. */
const everyVendor: Array<[string, VendorUnderTest]> = vendorsUnderTest.map((entry) => [
	entry.key,
	entry,
]);
/** The vendors whose trigger, left at its defaults, accepts unauthenticated requests. */
const unverifiedByDefault = everyVendor.filter(
	// Its kit names the parameters under which it verifies: its defaults do not (KeldairHR).
	([, { kit }]) => kit.verifyingParameters !== undefined,
);

// ---------------------------------------------------------------------------------------------
// Requests and deliveries

const credentialsFor = (v: VendorUnderTest) => credentialsOf(v.kit, SECRET);
const verifyingParameters = (v: VendorUnderTest) =>
	(v.kit.verifyingParameters ?? {}) as INodeParameters;
const typicalType = (v: VendorUnderTest) => signing.typicalEvent(v.key);
const otherType = (v: VendorUnderTest) =>
	v.kit.samples.find(
		(sample) => sample.eventType !== typicalType(v) && sample.eventType !== v.trigger.testEventType,
	)!.eventType;
const freshEvent = (v: VendorUnderTest, eventType = typicalType(v)) =>
	signing.sampleEvent(v.key, eventType, ++sequence, Date.now());

/**
 * A request signed now (on the faked clock) with `secret`, as its sender makes it
 * (signedDelivery): a string that is not a JSON object is sent as is.
 */
function signed(
	v: VendorUnderTest,
	body: string | Record<string, unknown>,
	secret = SECRET,
): Request {
	const { rawBody, headers } = signedDelivery(
		v.kit,
		body,
		credentialsOf(v.kit, secret),
		Date.now(),
	);
	return { rawBody, headers: { 'content-type': 'application/json', ...headers } };
}
/**
 * Where the signature is a body field (VendorTestKit.bodySignature), a body that is not JSON
 * carries none: the verifier refuses it (401, outcome rejected) before it could be "not JSON".
 */
const notJsonRefused = (v: VendorUnderTest) => v.kit.bodySignature !== undefined;
/**
 * Node parameters under which a vendor's genuine retry still verifies `ms` after it was first
 * sent: where the signed time is a body field a retry keeps it (VendorTestKit.bodySignature),
 * so the Timestamp Tolerance is set to its maximum; a header signer re-signs when it sends.
 */
const retryVerifiesLater = (v: VendorUnderTest): INodeParameters =>
	v.kit.bodySignature === undefined ? {} : { options: { toleranceSeconds: 3600 } };
const unsigned = (v: VendorUnderTest): Request => ({
	rawBody: JSON.stringify(freshEvent(v)),
	headers: { 'content-type': 'application/json' },
});

/** The Not Processed output on, every outcome selected. */
const outputOn = (extra: INodeParameters = {}): INodeParameters => ({
	notProcessedOutput: true,
	notProcessedOutcomes: ALL_OUTCOMES,
	...extra,
});

interface DeliveryOptions {
	parameters?: INodeParameters;
	workflowId?: string;
	workflow?: Workflow;
	nodeName?: string;
	mode?: WorkflowExecuteMode;
	credentials?: ICredentialDataDecryptedObject;
	otherCredentials?: Record<string, ICredentialDataDecryptedObject>;
}

/** A delivery to the vendor's trigger, set to verify requests, from CLIENT_IP. */
const deliver = async (v: VendorUnderTest, request: Request, options: DeliveryOptions = {}) =>
	await callWebhook(v.node, {
		...request,
		credentials: credentialsFor(v),
		ip: CLIENT_IP,
		...options,
		parameters: { ...verifyingParameters(v), ...options.parameters },
	});

/** At `ms` on the faked clock. */
const at = async <T>(ms: number, run: () => Promise<T>) => await atTime(ms, run);

const notProcessedItems = (call: Call) => call.result.workflowData?.[1] ?? [];
const eventItems = (call: Call) => call.result.workflowData?.[0] ?? [];

/**
 * What the sender got: the handler's own answer, or the one it leaves to n8n (sent only when
 * nothing runs). Never both: n8n would answer a second time.
 */
function answerOf(call: Call) {
	if (call.response.sent) {
		expect(call.result.noWebhookResponse).toBe(true);
		expect(call.result.webhookResponse).toBeUndefined();
		return { status: call.response.statusCode, body: call.response.body };
	}
	expect(call.result.webhookResponse).toBeDefined();
	expect(call.result.workflowData).toBeUndefined();
	return { status: n8nAnswerStatus(call), body: call.result.webhookResponse };
}

/** The status n8n sends a webhookResponse with: the webhook description's responseCode, else 200. */
function n8nAnswerStatus(call: Call): number {
	const node = Object.values(call.workflow.nodes)[0];
	const type = call.workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const code = type.description.webhooks?.[0]?.responseCode as unknown;
	return typeof code === 'number' ? code : 200;
}

/** The status every "received" answer of this vendor has (SmartRecruiters counts only 202). */
const receivedStatus = (v: VendorUnderTest) => v.trigger.acceptedStatus ?? 200;

/** The reason the vendor's own verifier gives this request (the oracle of a 401's reason). */
function verifierReason(v: VendorUnderTest, request: Request): string {
	const headers = Object.fromEntries(
		Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
	const result = v.trigger.verify({
		rawBody: Buffer.from(request.rawBody, 'utf8'),
		headers,
		credentials: credentialsFor(v),
		nowMs: Date.now(),
		toleranceSeconds: 300,
	});
	if (result.ok) throw new Error(`${v.key}: the request was meant to be rejected`);
	return result.reason;
}

/** The wrong key's rejection reason, as the verifier gives it. */
const wrongKeyReason = (v: VendorUnderTest) =>
	verifierReason(v, signed(v, freshEvent(v), WRONG_SECRET));

/** The fields every item has, computed here from the request (not read from the product). */
function itemBase(
	v: VendorUnderTest,
	request: Request,
	{
		outcome,
		status,
		reason,
		verified,
		workflowId,
		receivedAtMs,
		suppressedSinceLast = 0,
	}: {
		outcome: Outcome;
		status: number;
		reason: string;
		verified: boolean;
		workflowId: string;
		receivedAtMs: number;
		suppressedSinceLast?: number;
	},
): IDataObject {
	const raw = Buffer.from(request.rawBody, 'utf8');
	return {
		outcome,
		outcomeName: OUTCOME_NAMES[outcome],
		status,
		reason,
		vendor: v.key,
		trigger: v.node.description.defaults.name,
		workflowId,
		receivedAt: new Date(receivedAtMs).toISOString(),
		clientAddress: CLIENT_IP,
		bodyBytes: raw.length,
		bodySha256: createHash('sha256').update(raw).digest('hex'),
		verified,
		suppressedSinceLast,
	};
}

interface Produced {
	call: Call;
	request: Request;
	/** The answer the sender must get. */
	answer: { status: number; body: IDataObject };
	/** The item expected on Not Processed (where the outcome is selected and within the limit). */
	item: IDataObject;
}

/**
 * One delivery of each outcome to a verifying trigger, in production, at `nowMs`. A duplicate's
 * first delivery runs the workflow first (and is not executed, so its claim stays unconfirmed).
 */
async function produce(
	v: VendorUnderTest,
	outcome: Outcome,
	parameters: INodeParameters,
	workflowId: string,
	nowMs = T0,
): Promise<Produced> {
	return await at(nowMs, async () => {
		const send = async (request: Request, extra: INodeParameters = {}) =>
			await deliver(v, request, { parameters: { ...parameters, ...extra }, workflowId });
		if (outcome === 'rejected') {
			const request = signed(v, freshEvent(v), WRONG_SECRET);
			const reason = verifierReason(v, request);
			const item = itemBase(v, request, {
				outcome,
				status: 401,
				reason,
				verified: false,
				workflowId,
				receivedAtMs: nowMs,
			});
			if (parameters.notProcessedUnverifiedBody === true) item.body = request.rawBody;
			return {
				call: await send(request),
				request,
				answer: { status: 401, body: { error: 'unauthorized', reason } },
				item,
			};
		}
		if (outcome === 'notJson' && notJsonRefused(v)) {
			const request = signed(v, NOT_JSON);
			const reason = verifierReason(v, request);
			const item = itemBase(v, request, {
				outcome: 'rejected',
				status: 401,
				reason,
				verified: false,
				workflowId,
				receivedAtMs: nowMs,
			});
			if (parameters.notProcessedUnverifiedBody === true) item.body = request.rawBody;
			return {
				call: await send(request),
				request,
				answer: { status: 401, body: { error: 'unauthorized', reason } },
				item,
			};
		}
		if (outcome === 'notJson') {
			const request = signed(v, NOT_JSON);
			const reason = 'body is not JSON';
			const item = itemBase(v, request, {
				outcome,
				status: 400,
				reason,
				verified: true,
				workflowId,
				receivedAtMs: nowMs,
			});
			Object.assign(item, { eventType: null, eventId: null, deliveryKey: null, body: NOT_JSON });
			return {
				call: await send(request),
				request,
				answer: { status: 400, body: { error: 'bad_request', reason } },
				item,
			};
		}
		if (outcome === 'filtered') {
			const body = freshEvent(v, otherType(v));
			const request = signed(v, body);
			const reason = 'event type not selected';
			const item = itemBase(v, request, {
				outcome,
				status: receivedStatus(v),
				reason,
				verified: true,
				workflowId,
				receivedAtMs: nowMs,
			});
			Object.assign(item, {
				eventType: otherType(v),
				eventId: envelopeOf(v.vendor, body).eventId ?? null,
				deliveryKey: null,
				// As the item holds it: the bytes sent parsed (a body-signed vendor's sender added its
				// signature field), with the example's fields a vendor sends beside the body (requestFields).
				body: { ...body, ...(JSON.parse(request.rawBody) as IDataObject) },
			});
			const call = await send(request, { events: eventsParameter(v.node, [typicalType(v)]) });
			return {
				call,
				request,
				answer: { status: receivedStatus(v), body: { received: true, ignored: reason } },
				item,
			};
		}
		const body = freshEvent(v);
		const request = signed(v, body);
		const first = await send(request);
		expect(eventItems(first)).toHaveLength(1);
		const metadata = eventItems(first)[0].json._ats as IDataObject;
		const reason = 'redelivery of an event that already started the workflow';
		const item = itemBase(v, request, {
			outcome,
			status: receivedStatus(v),
			reason,
			verified: true,
			workflowId,
			receivedAtMs: nowMs,
		});
		Object.assign(item, {
			eventType: typicalType(v),
			eventId: metadata.eventId,
			deliveryKey: metadata.deliveryKey,
			body: { ...body, ...(JSON.parse(request.rawBody) as IDataObject) },
		});
		return {
			call: await send(request),
			request,
			answer: { status: receivedStatus(v), body: { received: true, duplicate: true } },
			item,
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Logs and secrets

const warnLinesOf = (v: VendorUnderTest, calls: LoggedCall[]) =>
	calls.filter(
		(call) =>
			call.level === 'warn' &&
			String(call.message).startsWith(
				`${v.vendor.displayName} trigger did not start the workflow: `,
			),
	);
/** The log calls since `from` (an index into loggedCalls). */
const logsSince = (from: number) => loggedCalls.slice(from);

const inspected = (value: unknown) =>
	inspect(value, {
		showHidden: true,
		depth: null,
		maxArrayLength: null,
		maxStringLength: null,
		breakLength: Infinity,
	});

/** Every password field of each credential type in credentials/, as n8n reads the classes. */
const CREDENTIALS_DIR = path.join(__dirname, '..', '..', 'credentials');
const passwordFields = new Map<string, string[]>(
	readdirSync(CREDENTIALS_DIR)
		.filter((file) => file.endsWith('.credentials.ts'))
		.flatMap((file) =>
			Object.values(
				require(path.join(CREDENTIALS_DIR, file)) as Record<string, new () => ICredentialType>,
			),
		)
		.map((Type) => new Type())
		.map((type) => [
			type.name,
			type.properties
				.filter((property) => property.typeOptions?.password === true)
				.map((property) => property.name),
		]),
);

/** Every secret field of the vendor's credential filled, each with its own value. */
function fullCredentials(v: VendorUnderTest): Record<string, string> {
	const fields = passwordFields.get(v.vendor.credentialType) ?? [];
	expect(fields).toContain(v.kit.secretField);
	return Object.fromEntries(
		fields.map((field) => [
			field,
			field === v.kit.secretField ? SECRET : `not-processed-${field}-value`,
		]),
	);
}

/** The request headers a sender's key decides (signature, Authorization). */
function keyedHeaders(v: VendorUnderTest, rawBody: string): string[] {
	const one = signedDelivery(v.kit, rawBody, credentialsOf(v.kit, 'one-key'), Date.now()).headers;
	const other = signedDelivery(
		v.kit,
		rawBody,
		credentialsOf(v.kit, 'another-key'),
		Date.now(),
	).headers;
	return Object.keys(one).filter((name) => one[name] !== other[name]);
}

/** A header value and, where it holds a digest, the digest in hex, base64 and base64url too. */
function secretForms(value: string): string[] {
	const bare = value.replace(/^(sha256=|bearer\s+)/i, '');
	const forms = [value, bare];
	const digest = /^[0-9a-f]{64}$/i.test(bare)
		? Buffer.from(bare, 'hex')
		: /^[A-Za-z0-9+/_-]{43}=?$/.test(bare)
			? Buffer.from(
					bare.replace(/[+/]/g, (c) => (c === '+' ? '-' : '_')),
					'base64url',
				)
			: undefined;
	if (digest?.length === 32)
		forms.push(
			digest.toString('hex'),
			digest.toString('base64').replace(/=$/, ''),
			digest.toString('base64url'),
		);
	return forms;
}

// ---------------------------------------------------------------------------------------------

beforeEach(() => {
	forgetNotProcessedCounters();
	forgetMemoryStores();
	// n8n's logger would print every line; the recording logger still records each call. (Its
	// disabled levels are read-only no-ops.)
	const logger = Container.get(Logger);
	for (const level of ['warn', 'info', 'debug', 'error'] as const) {
		if (Object.getOwnPropertyDescriptor(logger, level)?.writable !== false)
			jest.spyOn(logger, level).mockImplementation(() => undefined);
	}
});
afterEach(async () => {
	jest.restoreAllMocks();
	await closeRedisClients();
});

describe('1. each outcome: the answer and the item', () => {
	describe.each(everyVendor)('%s', (_key, v) => {
		it("rejected, wrong key: 401 with the verifier's reason; the item has exactly these fields and no body", async () => {
			const workflowId = nextWorkflowId('rejected');
			const { call, answer, item } = await produce(v, 'rejected', outputOn(), workflowId);
			expect(answerOf(call)).toEqual(answer);
			expect(eventItems(call)).toEqual([]);
			expect(notProcessedItems(call).map((entry) => entry.json)).toEqual([item]);
			expect(item).not.toHaveProperty('body');
		});

		it('rejected, no signature or key: 401 "missing …"; with Include Body of Unverified Requests the body as text', async () => {
			const workflowId = nextWorkflowId('rejected-missing');
			const call = await at(T0, async () => {
				const request = unsigned(v);
				const reason = verifierReason(v, request);
				expect(reason).toMatch(/^missing /);
				const result = await deliver(v, request, {
					parameters: outputOn({ notProcessedUnverifiedBody: true }),
					workflowId,
				});
				const expected = {
					...itemBase(v, request, {
						outcome: 'rejected',
						status: 401,
						reason,
						verified: false,
						workflowId,
						receivedAtMs: T0,
					}),
					body: request.rawBody,
				};
				expect(notProcessedItems(result).map((entry) => entry.json)).toEqual([expected]);
				expect(answerOf(result)).toEqual({ status: 401, body: { error: 'unauthorized', reason } });
				return result;
			});
			expect(eventItems(call)).toEqual([]);
		});

		it('rejected, no credential set: 401 with a reason saying so; no body, no event fields', async () => {
			const workflowId = nextWorkflowId('no-credential');
			const node = {
				...triggerNode(v.node, { ...verifyingParameters(v), ...outputOn() }),
				credentials: {},
			};
			const workflow = workflowOf(workflowId, [[node, v.node]]);
			await at(T0, async () => {
				const request = signed(v, freshEvent(v));
				const call = await deliver(v, request, { workflow });
				const reason = "no credential: select or recreate this trigger's credential";
				expect(answerOf(call)).toEqual({ status: 401, body: { error: 'unauthorized', reason } });
				expect(notProcessedItems(call).map((entry) => entry.json)).toEqual([
					itemBase(v, request, {
						outcome: 'rejected',
						status: 401,
						reason,
						verified: false,
						workflowId,
						receivedAtMs: T0,
					}),
				]);
			});
		});

		it(`not JSON: ${notJsonRefused(v) ? '401, refused as unsigned (the signature is a body field): a rejected item' : '400 "body is not JSON"; a verified item carries the text as body and null event fields'}`, async () => {
			const { call, answer, item } = await produce(
				v,
				'notJson',
				outputOn(),
				nextWorkflowId('not-json'),
			);
			expect(answerOf(call)).toEqual(answer);
			expect(notProcessedItems(call).map((entry) => entry.json)).toEqual([item]);
		});

		it('filtered: 200 "event type not selected"; the item carries event type, event id and parsed body, no delivery key', async () => {
			const { call, answer, item } = await produce(
				v,
				'filtered',
				outputOn(),
				nextWorkflowId('filtered'),
			);
			expect(answerOf(call)).toEqual(answer);
			expect(notProcessedItems(call).map((entry) => entry.json)).toEqual([item]);
		});

		it("duplicate: 200 duplicate; the item carries the first delivery's delivery key and event id", async () => {
			const { call, answer, item } = await produce(
				v,
				'duplicate',
				outputOn(),
				nextWorkflowId('duplicate'),
			);
			expect(answerOf(call)).toEqual(answer);
			expect(eventItems(call)).toEqual([]);
			expect(notProcessedItems(call).map((entry) => entry.json)).toEqual([item]);
			expect(typeof item.deliveryKey).toBe('string');
		});

		it.each(ALL_OUTCOMES)(
			'%s: the sender gets the same answer with the output on, off, or the outcome not selected',
			async (outcome) => {
				const on = await produce(v, outcome, outputOn(), nextWorkflowId(`on-${outcome}`));
				const off = await produce(v, outcome, {}, nextWorkflowId(`off-${outcome}`));
				// The outcome the delivery gets: a body-signed vendor refuses a not-JSON body (notJsonRefused).
				const actual = outcome === 'notJson' && notJsonRefused(v) ? 'rejected' : outcome;
				const others = ALL_OUTCOMES.filter((other) => other !== actual);
				const unselected = await produce(
					v,
					outcome,
					outputOn({ notProcessedOutcomes: others }),
					nextWorkflowId(`unselected-${outcome}`),
				);
				expect(answerOf(on.call)).toEqual(on.answer);
				expect(answerOf(off.call)).toEqual(on.answer);
				expect(answerOf(unselected.call)).toEqual(on.answer);
				expect(off.call.result.workflowData).toBeUndefined();
				expect(unselected.call.result.workflowData).toBeUndefined();
			},
		);

		it('with the output on and defaults for the outcomes, only rejected and not-JSON deliveries get an item', async () => {
			const parameters = { notProcessedOutput: true };
			for (const outcome of ALL_OUTCOMES) {
				const { call } = await produce(
					v,
					outcome,
					parameters,
					nextWorkflowId(`default-${outcome}`),
				);
				expect(notProcessedItems(call)).toHaveLength(
					outcome === 'rejected' || outcome === 'notJson' ? 1 : 0,
				);
			}
		});
	});

	describe.each(unverifiedByDefault)('%s, accepting unauthenticated requests', (_key, v) => {
		const unverifiedDelivery = async (
			outcome: Exclude<Outcome, 'rejected'>,
			extra: INodeParameters = {},
		) => {
			const workflowId = nextWorkflowId(`unverified-${outcome}`);
			const parameters = {
				...outputOn(extra),
				...(outcome === 'filtered' ? { events: eventsParameter(v.node, [typicalType(v)]) } : {}),
			};
			return await at(T0, async () => {
				const body =
					outcome === 'notJson'
						? NOT_JSON
						: JSON.stringify(freshEvent(v, outcome === 'filtered' ? otherType(v) : typicalType(v)));
				const request = { rawBody: body, headers: { 'content-type': 'application/json' } };
				// Not the verifying parameters: the trigger's defaults accept the request unverified.
				const send = async () =>
					await callWebhook(v.node, { ...request, parameters, workflowId, ip: CLIENT_IP });
				if (outcome === 'duplicate')
					expect(eventItems(await send())[0].json._ats).toMatchObject({ verified: false });
				const call = await send();
				const [status, reason] = {
					notJson: [400, 'body is not JSON'],
					filtered: [200, 'event type not selected'],
					duplicate: [200, 'redelivery of an event that already started the workflow'],
				}[outcome] as [number, string];
				return {
					call,
					request,
					expected: itemBase(v, request, {
						outcome,
						status,
						reason,
						verified: false,
						workflowId,
						receivedAtMs: T0,
					}),
				};
			});
		};

		it.each(['notJson', 'filtered', 'duplicate'] as const)(
			'%s: verified false, no body, event type, event id or delivery key',
			async (outcome) => {
				const { call, expected } = await unverifiedDelivery(outcome);
				expect(notProcessedItems(call).map((entry) => entry.json)).toEqual([expected]);
			},
		);

		it.each(['notJson', 'filtered', 'duplicate'] as const)(
			'%s with Include Body of Unverified Requests: the body as text, still no event fields',
			async (outcome) => {
				const { call, request, expected } = await unverifiedDelivery(outcome, {
					notProcessedUnverifiedBody: true,
				});
				expect(notProcessedItems(call).map((entry) => entry.json)).toEqual([
					{ ...expected, body: request.rawBody },
				]);
			},
		);
	});
});

describe('2. no secret, signature or expected signature in items, logs or answers', () => {
	describe.each(everyVendor)('%s', (_key, v) => {
		it('for genuine, forged, wrong-key, unsigned, redelivered, non-JSON and filtered requests; output on and off; production and test mode', async () => {
			const credentials = fullCredentials(v);
			const forbidden = new Set<string>([...Object.values(credentials), WRONG_SECRET]);
			const seen: unknown[] = [];
			const firstLog = loggedCalls.length;
			const settings: Array<[WorkflowExecuteMode, INodeParameters]> = [
				['webhook', outputOn({ notProcessedUnverifiedBody: true, notProcessedLimit: 3600 })],
				['webhook', {}],
				['manual', outputOn({ notProcessedUnverifiedBody: true })],
				['manual', {}],
			];
			for (const [mode, parameters] of settings) {
				const workflowId = nextWorkflowId(`secrets-${mode}`);
				const rawOf = () => JSON.stringify(freshEvent(v));
				const genuineBody = rawOf();
				const forgedBody = rawOf();
				const filteredBody = JSON.stringify(freshEvent(v, otherType(v)));
				const wrongKeyBody = rawOf();
				const signedNow = (rawBody: string, secrets = credentials) =>
					signedDelivery(v.kit, rawBody, secrets, Date.now());
				const requests: Array<[Request, INodeParameters?]> = [
					[signedNow(genuineBody)],
					// A real signature, of another event: replayed on this body.
					[replayedSignature(v.kit, forgedBody, rawOf(), credentials, Date.now())],
					[signedNow(wrongKeyBody, credentialsOf(v.kit, WRONG_SECRET))],
					[{ rawBody: rawOf(), headers: {} }],
					[signedNow(genuineBody)],
					[signedNow(NOT_JSON)],
					[signedNow(filteredBody), { events: eventsParameter(v.node, [typicalType(v)]) }],
				];
				for (const [{ rawBody, headers }, extra] of requests) {
					const expected = signedNow(rawBody);
					for (const name of keyedHeaders(v, rawBody)) {
						for (const value of [headers[name], expected.headers[name]])
							if (value !== undefined) secretForms(value).forEach((form) => forbidden.add(form));
					}
					// A body-signed vendor's signature travels in the body, so a genuine item holds
					// it; the one the node expects for a refused body must appear nowhere.
					const expectedInBody = bodySignatureOf(v.kit, expected.rawBody);
					if (expectedInBody !== undefined && expected.rawBody !== rawBody)
						secretForms(expectedInBody).forEach((form) => forbidden.add(form));
					const call = await deliver(
						v,
						{ rawBody, headers: { 'content-type': 'application/json', ...headers } },
						{
							parameters: { ...parameters, ...extra },
							workflowId,
							mode,
							credentials,
						},
					);
					seen.push(call.result, call.response.headers, call.response.body);
					if (call.result.workflowData !== undefined) {
						const [events, notProcessed = []] = call.result.workflowData;
						seen.push(
							await executeTrigger(v.node, call.workflow, events, {
								mode,
								secondInput: notProcessed,
							}).catch((error: unknown) => [
								(error as Error).message,
								(error as NodeOperationError).description,
							]),
						);
					}
				}
			}
			const logs = logsSince(firstLog);
			expect(warnLinesOf(v, logs).length).toBeGreaterThan(0); // the capture sees the node's logger
			const logText = inspected(logs);
			const answerText = inspected(seen);
			expect(answerText).toContain("outcomeName: 'Rejected'"); // the items were captured
			for (const secret of forbidden) {
				expect(secret.length).toBeGreaterThan(8);
				if (logText.includes(secret)) throw new Error(`${v.key}: the log holds "${secret}"`);
				if (answerText.includes(secret))
					throw new Error(`${v.key}: an answer, item or execute result holds "${secret}"`);
			}
		});
	});
});

describe('3. the hourly cap, in this process', () => {
	/** `count` deliveries without a signature or key, one a second from `startMs`. */
	const rejectMany = async (
		v: VendorUnderTest,
		count: number,
		startMs: number,
		options: DeliveryOptions,
	) => {
		const calls: Call[] = [];
		for (let n = 0; n < count; n++)
			calls.push(await at(startMs + n * 1000, async () => await deliver(v, unsigned(v), options)));
		return calls;
	};

	describe.each(everyVendor)('%s', (_key, v) => {
		it("limit 3, 7 rejections in an hour: 3 items, all 7 answered 401; the next hour's first item says 4 were suppressed", async () => {
			const workflowId = nextWorkflowId('cap');
			const options = { parameters: outputOn({ notProcessedLimit: 3 }), workflowId };
			const firstLog = loggedCalls.length;
			const calls = await rejectMany(v, 7, T0 + 10 * MINUTE, options);
			expect(calls.map((call) => answerOf(call).status)).toEqual([
				401, 401, 401, 401, 401, 401, 401,
			]);
			expect(calls.map((call) => notProcessedItems(call).length)).toEqual([1, 1, 1, 0, 0, 0, 0]);
			expect(
				calls.slice(0, 3).map((call) => notProcessedItems(call)[0].json.suppressedSinceLast),
			).toEqual([0, 0, 0]);
			// The suppressed four: one throttled warn line within the minute.
			const suppressedLines = warnLinesOf(v, logsSince(firstLog));
			expect(suppressedLines.map((line) => line.message)).toEqual([
				`${v.vendor.displayName} trigger did not start the workflow: not-processed limit reached (3 per hour), item suppressed`,
			]);

			const [next, after] = await rejectMany(v, 2, T0 + HOUR, options);
			expect(notProcessedItems(next).map((item) => item.json.suppressedSinceLast)).toEqual([4]);
			expect(notProcessedItems(next)[0].json.receivedAt).toBe(new Date(T0 + HOUR).toISOString());
			expect(notProcessedItems(after).map((item) => item.json.suppressedSinceLast)).toEqual([0]);
		});

		it('the window is the clock hour: 3 at 9:59, 3 more at 10:00 are all shown', async () => {
			const options = {
				parameters: outputOn({ notProcessedLimit: 3 }),
				workflowId: nextWorkflowId('cap-boundary'),
			};
			const before = await rejectMany(v, 3, T0 + HOUR - 5000, options);
			const after = await rejectMany(v, 4, T0 + HOUR, options);
			expect([...before, ...after].map((call) => notProcessedItems(call).length)).toEqual([
				1, 1, 1, 1, 1, 1, 0,
			]);
		});

		it('two triggers, in one workflow and in another workflow, each have their own limit', async () => {
			const workflowId = nextWorkflowId('cap-apart');
			const parameters = { ...verifyingParameters(v), ...outputOn({ notProcessedLimit: 2 }) };
			const workflow = workflowOf(workflowId, [
				[triggerNode(v.node, parameters, 'Trigger A', 'node-a'), v.node],
				[triggerNode(v.node, parameters, 'Trigger B', 'node-b'), v.node],
			]);
			const a = await rejectMany(v, 3, T0, { workflow, nodeName: 'Trigger A' });
			const b = await rejectMany(v, 3, T0, { workflow, nodeName: 'Trigger B' });
			const elsewhere = await rejectMany(v, 3, T0, {
				parameters,
				workflowId: nextWorkflowId('cap-elsewhere'),
			});
			for (const calls of [a, b, elsewhere])
				expect(calls.map((call) => notProcessedItems(call).length)).toEqual([1, 1, 0]);
			expect(notProcessedItems(b[0])[0].json.trigger).toBe('Trigger B');
		});

		it.each([
			['"x"', 'x', 20],
			['NaN', Number.NaN, 20],
			['Infinity', Number.POSITIVE_INFINITY, 20],
			['null', null, 1],
			['an empty text', '', 1],
			['1e12', 1e12, 3600],
			['"1e12"', '1e12', 3600],
			['-5', -5, 1],
			['0', 0, 1],
			['2.5', 2.5, 2],
		])(
			'a stored limit of %s (%p): exactly %i an hour, never more than 3600 nor fewer than 1',
			async (_label, limit, expected) => {
				expect(expected).toBeGreaterThanOrEqual(1);
				expect(expected).toBeLessThanOrEqual(3600);
				const workflow = workflowOf(nextWorkflowId('limit-values'), [
					[
						triggerNode(v.node, {
							...verifyingParameters(v),
							...outputOn({ notProcessedLimit: limit }),
						}),
						v.node,
					],
				]);
				const request = unsigned(v);
				let shown = 0;
				await at(T0 + 30 * MINUTE, async () => {
					for (let n = 0; n < expected + 1; n++) {
						const call = await callWebhook(v.node, {
							...request,
							credentials: credentialsFor(v),
							workflow,
						});
						expect(call.response.statusCode).toBe(401);
						shown += notProcessedItems(call).length;
					}
				});
				expect(shown).toBe(expected);
			},
		);
	});
});

describe('4. the cap on a shared Redis', () => {
	let redis: RedisServer;
	let admin: Redis;
	beforeAll(async () => {
		redis = await startRedis();
		admin = new Redis({ host: redis.host, port: redis.port });
	});
	afterAll(async () => {
		admin.disconnect();
		await redis.stop();
		// ioredis arms a 2 s timer when it drops a client whose connection was refused (the
		// unreachable case below) and clears it only on a close event that never comes.
		await new Promise((resolve) => setTimeout(resolve, 2_100));
	});
	const redisCredential = () => ({ host: redis.host, port: redis.port });

	it("countOnRedis: two triggers on one Redis count apart; the next window's first count carries the suppressed", async () => {
		const settings = redisSettingsOf(redisCredential());
		const [a, b] = [`${nextWorkflowId('direct')}:node-a`, `${nextWorkflowId('direct')}:node-b`];
		const count = async (scope: string, windowStart: number) =>
			await countOnRedis(settings, scope, windowStart, 2, HOUR);
		const first = [await count(a, T0), await count(a, T0), await count(a, T0), await count(a, T0)];
		expect(first).toEqual([
			{ allowed: true, suppressedSinceLast: 0 },
			{ allowed: true, suppressedSinceLast: 0 },
			{ allowed: false, suppressedSinceLast: 0 },
			{ allowed: false, suppressedSinceLast: 0 },
		]);
		expect(await count(b, T0)).toEqual({ allowed: true, suppressedSinceLast: 0 });
		expect(await count(a, T0 + HOUR)).toEqual({ allowed: true, suppressedSinceLast: 2 });
		expect(await count(a, T0 + HOUR)).toEqual({ allowed: true, suppressedSinceLast: 0 });
		expect(await count(b, T0 + HOUR)).toEqual({ allowed: true, suppressedSinceLast: 0 });
		// Each window's count expires with the window.
		const ttl = await admin.pttl(`${REDIS_KEY_PREFIX}:${a}:not-processed:${T0}`);
		expect(ttl).toBeGreaterThan(HOUR - MINUTE);
		expect(ttl).toBeLessThanOrEqual(HOUR);
	});

	describe.each(everyVendor)('%s', (_key, v) => {
		it('two triggers sharing one Redis, every delivery in a fresh process: each trigger gets its limit, counted on Redis', async () => {
			const workflowId = nextWorkflowId('redis-shared');
			const parameters = {
				...verifyingParameters(v),
				...outputOn({ notProcessedLimit: 2 }),
				dedupeStore: 'redis',
			};
			const workflow = workflowOf(workflowId, [
				[triggerNode(v.node, parameters, 'Trigger A', 'node-a'), v.node],
				[triggerNode(v.node, parameters, 'Trigger B', 'node-b'), v.node],
			]);
			const send = async (nodeName: string, nowMs: number) => {
				// Another webhook process: nothing of this one's counters or clients.
				forgetNotProcessedCounters();
				await closeRedisClients();
				return await at(
					nowMs,
					async () =>
						await deliver(v, unsigned(v), {
							workflow,
							nodeName,
							otherCredentials: { atsDedupeRedisApi: redisCredential() },
						}),
				);
			};
			const shown: Record<string, number[]> = { 'Trigger A': [], 'Trigger B': [] };
			for (let n = 0; n < 3; n++) {
				for (const name of ['Trigger A', 'Trigger B']) {
					const call = await send(name, T0 + n * 1000);
					expect(answerOf(call).status).toBe(401);
					shown[name].push(notProcessedItems(call).length);
				}
			}
			expect(shown).toEqual({ 'Trigger A': [1, 1, 0], 'Trigger B': [1, 1, 0] });
			expect(await admin.get(`${REDIS_KEY_PREFIX}:${workflowId}:node-a:not-processed:${T0}`)).toBe(
				'3',
			);
			const next = await send('Trigger A', T0 + HOUR);
			expect(notProcessedItems(next).map((item) => item.json.suppressedSinceLast)).toEqual([1]);
		});

		it('Redis unreachable: counted in this process instead, the sender still gets 401, no 5xx, no password logged', async () => {
			const closed = createServer();
			await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
			const { port } = closed.address() as AddressInfo;
			await new Promise((resolve) => closed.close(resolve));
			const password = 'not-processed-redis-password-93c1';
			const options = {
				parameters: { ...outputOn({ notProcessedLimit: 2 }), dedupeStore: 'redis' },
				workflowId: nextWorkflowId('redis-down'),
				otherCredentials: { atsDedupeRedisApi: { host: '127.0.0.1', port, password } },
			};
			const firstLog = loggedCalls.length;
			const calls: Call[] = [];
			for (let n = 0; n < 3; n++)
				calls.push(await at(T0 + n * 1000, async () => await deliver(v, unsigned(v), options)));
			expect(calls.map((call) => answerOf(call).status)).toEqual([401, 401, 401]);
			expect(calls.map((call) => notProcessedItems(call).length)).toEqual([1, 1, 0]);
			const logs = logsSince(firstLog);
			expect(
				logs.some(
					(call) =>
						call.level === 'warn' &&
						call.message ===
							`${v.vendor.displayName} trigger: Redis unavailable, not-processed limit counted in this process`,
				),
			).toBe(true);
			expect(inspected(logs)).not.toContain(password);
			expect(inspected(calls.map((call) => call.result))).not.toContain(password);
		});

		it("a duplicate's item through the execute step leaves the first delivery's claim unconfirmed on Redis", async () => {
			const workflowId = nextWorkflowId('redis-confirm');
			const credentials = { atsDedupeRedisApi: redisCredential() };
			const options = {
				parameters: { ...outputOn(), dedupeStore: 'redis' },
				workflowId,
				otherCredentials: credentials,
			};
			const request = signed(v, freshEvent(v));
			const first = await deliver(v, request, options);
			expect(eventItems(first)).toHaveLength(1);
			const duplicate = await deliver(v, request, options);
			expect(notProcessedItems(duplicate).map((item) => item.json.outcome)).toEqual(['duplicate']);
			const [claimKey] = (await admin.keys(`${REDIS_KEY_PREFIX}:${workflowId}:*`)).filter(
				(key) => !key.includes(':not-processed:'),
			);
			expect(await admin.pttl(claimKey)).toBeLessThanOrEqual(UNCONFIRMED_CLAIM_MS);
			await executeTrigger(v.node, duplicate.workflow, [], {
				secondInput: notProcessedItems(duplicate),
				credentials,
			});
			expect(await admin.pttl(claimKey)).toBeLessThanOrEqual(UNCONFIRMED_CLAIM_MS);
			// The first delivery's own execute step does confirm it (the window, 24 h by default).
			await executeTrigger(v.node, first.workflow, eventItems(first), { credentials });
			expect(await admin.pttl(claimKey)).toBeGreaterThan(23 * HOUR);
		});
	});
});

describe('5. warn lines for rejections, throttled', () => {
	describe.each(everyVendor)('%s', (_key, v) => {
		const reject = async (
			nowMs: number,
			options: DeliveryOptions,
			request: () => Request = () => unsigned(v),
		) => await at(nowMs, async () => await deliver(v, request(), options));

		it('6 rejections in one minute: 1 warn line; a minute later the next says "5 more"', async () => {
			const options = { workflowId: nextWorkflowId('warn') };
			const firstLog = loggedCalls.length;
			let reason = '';
			for (let n = 0; n < 6; n++) {
				const call = await reject(T0 + n * 10_000, options);
				reason = (call.response.body as { reason: string }).reason;
			}
			const line = `${v.vendor.displayName} trigger did not start the workflow: 401 ${reason}`;
			expect(warnLinesOf(v, logsSince(firstLog)).map((call) => call.message)).toEqual([line]);
			const nextLog = loggedCalls.length;
			await reject(T0 + MINUTE, options);
			const [later] = warnLinesOf(v, logsSince(nextLog));
			expect(later.message).toBe(`${line} (and 5 more for this reason since the last such line)`);
			expect(later.metadata).toEqual([
				{
					vendor: v.key,
					workflowId: options.workflowId,
					node: v.node.description.defaults.name,
					reason: `401 ${reason}`,
					count: 6,
				},
			]);
			// And the count starts again.
			const lastLog = loggedCalls.length;
			await reject(T0 + MINUTE + 1000, options);
			await reject(T0 + 2 * MINUTE + 1000, options);
			expect(warnLinesOf(v, logsSince(lastLog)).map((call) => call.message)).toEqual([
				`${line} (and 1 more for this reason since the last such line)`,
			]);
		});

		it('different reasons and different triggers are counted apart', async () => {
			const options = { workflowId: nextWorkflowId('warn-apart') };
			const firstLog = loggedCalls.length;
			await reject(T0, options);
			await reject(T0 + 1000, options, () => signed(v, freshEvent(v), WRONG_SECRET));
			await reject(T0 + 2000, options, () => signed(v, NOT_JSON));
			await reject(T0 + 3000, { workflowId: nextWorkflowId('warn-apart-other') });
			for (let n = 4; n < 10; n++) {
				await reject(T0 + n * 1000, options);
				await reject(T0 + n * 1000, options, () => signed(v, freshEvent(v), WRONG_SECRET));
			}
			const lines = warnLinesOf(v, logsSince(firstLog));
			expect(lines.map((call) => (call.metadata[0] as IDataObject).reason)).toEqual([
				expect.stringMatching(/^401 missing /),
				`401 ${await at(T0, async () => wrongKeyReason(v))}`,
				notJsonRefused(v)
					? `401 ${await at(T0, async () => verifierReason(v, signed(v, NOT_JSON)))}`
					: '400 body is not JSON',
				expect.stringMatching(/^401 missing /),
			]);
			expect(new Set(lines.map((call) => (call.metadata[0] as IDataObject).workflowId)).size).toBe(
				2,
			);
		});

		it('output on but the outcome not selected: the rejection is still a throttled warn line, not an item', async () => {
			const options = {
				parameters: outputOn({ notProcessedOutcomes: ['duplicate'] }),
				workflowId: nextWorkflowId('warn-unselected'),
			};
			const firstLog = loggedCalls.length;
			const calls = [await reject(T0, options), await reject(T0 + 1000, options)];
			expect(calls.map((call) => notProcessedItems(call).length)).toEqual([0, 0]);
			expect(warnLinesOf(v, logsSince(firstLog))).toHaveLength(1);
		});

		it('an item on Not Processed replaces the warn line; filtered and duplicate deliveries never warn', async () => {
			const firstLog = loggedCalls.length;
			await reject(T0, { parameters: outputOn(), workflowId: nextWorkflowId('warn-item') });
			await produce(v, 'filtered', {}, nextWorkflowId('warn-filtered'));
			await produce(v, 'duplicate', {}, nextWorkflowId('warn-duplicate'));
			expect(warnLinesOf(v, logsSince(firstLog))).toEqual([]);
			expect(logsSince(firstLog).filter((call) => call.level === 'warn')).toEqual([]);
		});
	});
});

describe("6. the editor's test mode (Listen for test event)", () => {
	describe.each(everyVendor)('%s', (_key, v) => {
		const testDelivery = async (request: () => Request, parameters: INodeParameters = {}) =>
			await at(T0, async () => {
				const workflowId = nextWorkflowId('test-mode');
				const built = request();
				return {
					workflowId,
					request: built,
					call: await deliver(v, built, { parameters, workflowId, mode: 'manual' }),
				};
			});

		it('output off, rejected: the sender gets 401; the execute step fails with the reason', async () => {
			const firstLog = loggedCalls.length;
			const { call } = await testDelivery(() => unsigned(v));
			const { reason } = call.response.body as { reason: string };
			expect(answerOf(call)).toEqual({ status: 401, body: { error: 'unauthorized', reason } });
			expect(call.result.workflowData).toEqual([
				[{ json: { _atsRejectedTestDelivery: { status: 401, reason } } }],
			]);
			const error = await executeTrigger(v.node, call.workflow, eventItems(call), {
				mode: 'manual',
			}).then(
				() => undefined,
				(failure: unknown) => failure,
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toBe(
				`${v.vendor.displayName} test delivery rejected (401): ${reason}`,
			);
			expect(warnLinesOf(v, logsSince(firstLog))).toEqual([]);
		});

		const [notJsonStatus, notJsonError] = notJsonRefused(v)
			? [401, 'unauthorized']
			: [400, 'bad_request'];
		it(`output off, not JSON: the sender gets ${notJsonStatus}; the execute step fails with the reason`, async () => {
			const { call, request } = await testDelivery(() => signed(v, NOT_JSON));
			const reason = notJsonRefused(v)
				? await at(T0, async () => verifierReason(v, request))
				: 'body is not JSON';
			expect(answerOf(call)).toEqual({
				status: notJsonStatus,
				body: { error: notJsonError, reason },
			});
			await expect(
				executeTrigger(v.node, call.workflow, eventItems(call), { mode: 'manual' }),
			).rejects.toThrow(
				new NodeOperationError(
					call.workflow.getNode(v.node.description.defaults.name!)!,
					`${v.vendor.displayName} test delivery rejected (${notJsonStatus}): ${reason}`,
				),
			);
		});

		it('output on but rejected not selected: still the error', async () => {
			const { call } = await testDelivery(
				() => unsigned(v),
				outputOn({ notProcessedOutcomes: ['filtered'] }),
			);
			await expect(
				executeTrigger(v.node, call.workflow, eventItems(call), { mode: 'manual' }),
			).rejects.toBeInstanceOf(NodeOperationError);
		});

		it('output on: the item on output 2, passed through by the execute step, no error; the sender still gets 401', async () => {
			const { call, request, workflowId } = await testDelivery(
				() => unsigned(v),
				outputOn({ notProcessedUnverifiedBody: true }),
			);
			const { reason } = call.response.body as { reason: string };
			expect(answerOf(call)).toEqual({ status: 401, body: { error: 'unauthorized', reason } });
			const item = {
				...itemBase(v, request, {
					outcome: 'rejected',
					status: 401,
					reason,
					verified: false,
					workflowId,
					receivedAtMs: T0,
				}),
				body: request.rawBody,
			};
			expect(call.result.workflowData).toEqual([[], [{ json: item }]]);
			const output = await executeTrigger(v.node, call.workflow, eventItems(call), {
				mode: 'manual',
				secondInput: notProcessedItems(call),
			});
			expect(output).toEqual([[], [{ json: item, pairedItem: { item: 0, input: 1 } }]]);
		});

		it('output on: every test delivery is shown, not counted against the limit', async () => {
			const workflowId = nextWorkflowId('test-mode-limit');
			const firstLog = loggedCalls.length;
			const calls: Call[] = [];
			for (let n = 0; n < 3; n++)
				calls.push(
					await at(
						T0 + n,
						async () =>
							await deliver(v, unsigned(v), {
								parameters: outputOn({ notProcessedLimit: 1 }),
								workflowId,
								mode: 'manual',
							}),
					),
				);
			expect(calls.map((call) => notProcessedItems(call).length)).toEqual([1, 1, 1]);
			expect(warnLinesOf(v, logsSince(firstLog))).toEqual([]);
		});

		it('a filtered test delivery with the output off starts nothing; with it on (filtered selected) it is an item', async () => {
			const filtered = () => signed(v, freshEvent(v, otherType(v)));
			const events = eventsParameter(v.node, [typicalType(v)]);
			const off = await testDelivery(filtered, { events });
			expect(off.call.result).toEqual({
				webhookResponse: { received: true, ignored: 'event type not selected' },
			});
			expect(off.call.response.sent).toBe(false);
			const on = await testDelivery(filtered, { events, ...outputOn() });
			expect(answerOf(on.call)).toEqual({
				status: receivedStatus(v),
				body: { received: true, ignored: 'event type not selected' },
			});
			expect(eventItems(on.call)).toEqual([]);
			expect(notProcessedItems(on.call).map((item) => item.json.outcome)).toEqual(['filtered']);
		});
	});
});

describe('7. the execute step', () => {
	describe.each(everyVendor)('%s', (_key, v) => {
		it('passes input 2 through to output 2 with pairedItem (input 1); events keep theirs on output 1', async () => {
			const workflowId = nextWorkflowId('execute');
			const parameters = outputOn();
			const [rejected, notJson] = [
				await produce(v, 'rejected', parameters, workflowId),
				await produce(v, 'notJson', parameters, workflowId),
			];
			const event = await at(
				T0,
				async () => await deliver(v, signed(v, freshEvent(v)), { parameters, workflowId }),
			);
			const secondInput = [...notProcessedItems(rejected.call), ...notProcessedItems(notJson.call)];
			const output = await executeTrigger(v.node, event.workflow, eventItems(event), {
				secondInput,
			});
			expect(output).toEqual([
				[{ ...eventItems(event)[0], pairedItem: { item: 0 } }],
				[
					{ json: rejected.item, pairedItem: { item: 0, input: 1 } },
					{ json: notJson.item, pairedItem: { item: 1, input: 1 } },
				],
			]);
		});

		it('with the output off: one output, as before the feature', async () => {
			const event = await at(
				T0,
				async () =>
					await deliver(v, signed(v, freshEvent(v)), { workflowId: nextWorkflowId('execute-off') }),
			);
			const output = await executeTrigger(v.node, event.workflow, eventItems(event));
			expect(output).toEqual([[{ ...eventItems(event)[0], pairedItem: { item: 0 } }]]);
		});

		it("a duplicate's item through the execute step confirms nothing: the unconfirmed first claim still lapses", async () => {
			const workflowId = nextWorkflowId('execute-dup');
			const options = { parameters: outputOn(retryVerifiesLater(v)), workflowId };
			const body = await at(T0, async () => freshEvent(v));
			const first = await at(T0, async () => await deliver(v, signed(v, body), options));
			expect(eventItems(first)).toHaveLength(1);
			const duplicate = await at(T0 + 1000, async () => await deliver(v, signed(v, body), options));
			expect(notProcessedItems(duplicate).map((item) => item.json.outcome)).toEqual(['duplicate']);
			await at(
				T0 + 2000,
				async () =>
					await executeTrigger(v.node, duplicate.workflow, [], {
						secondInput: notProcessedItems(duplicate),
					}),
			);
			if (v.kit.bodySignature !== undefined) {
				// At the default Timestamp Tolerance the same retry is refused: the signed time is its body's.
				const stale = await at(
					T0 + UNCONFIRMED_CLAIM_MS + 5000,
					async () => await deliver(v, signed(v, body), { ...options, parameters: outputOn() }),
				);
				expect(answerOf(stale).status).toBe(401);
			}
			// The first execution never reached its execute step: its claim lapses, the event runs again.
			const later = await at(
				T0 + UNCONFIRMED_CLAIM_MS + 5000,
				async () => await deliver(v, signed(v, body), options),
			);
			expect(eventItems(later)).toHaveLength(1);
		});

		it('a later redelivery after a confirmed run is still a duplicate, however many duplicate items passed through', async () => {
			const workflowId = nextWorkflowId('execute-dup-confirmed');
			const options = { parameters: outputOn(retryVerifiesLater(v)), workflowId };
			const body = await at(T0, async () => freshEvent(v));
			const first = await at(T0, async () => await deliver(v, signed(v, body), options));
			await at(
				T0 + 500,
				async () => await executeTrigger(v.node, first.workflow, eventItems(first)),
			);
			for (const offset of [1000, 2000]) {
				const duplicate = await at(
					T0 + offset,
					async () => await deliver(v, signed(v, body), options),
				);
				expect(notProcessedItems(duplicate).map((item) => item.json.outcome)).toEqual([
					'duplicate',
				]);
				await at(
					T0 + offset + 100,
					async () =>
						await executeTrigger(v.node, duplicate.workflow, [], {
							secondInput: notProcessedItems(duplicate),
						}),
				);
			}
			const later = await at(
				T0 + UNCONFIRMED_CLAIM_MS + 5000,
				async () => await deliver(v, signed(v, body), options),
			);
			expect(eventItems(later)).toEqual([]);
			expect(notProcessedItems(later).map((item) => item.json.outcome)).toEqual(['duplicate']);
		});

		it('an event whose body has a top-level _atsRejectedTestDelivery field runs as an event, in production and in test mode', async () => {
			const body = {
				...(await at(T0, async () => freshEvent(v))),
				_atsRejectedTestDelivery: { status: 401, reason: 'posted by the sender' },
			};
			for (const mode of ['webhook', 'manual'] as const) {
				const call = await at(
					T0,
					async () =>
						await deliver(v, signed(v, body), { workflowId: nextWorkflowId('marker'), mode }),
				);
				expect(eventItems(call)).toHaveLength(1);
				const output = await executeTrigger(v.node, call.workflow, eventItems(call), { mode });
				expect(output).toEqual([[{ ...eventItems(call)[0], pairedItem: { item: 0 } }]]);
			}
		});
	});

	describe.each(unverifiedByDefault)('%s, accepting unauthenticated requests', (_key, v) => {
		it('an unauthenticated post with a _atsRejectedTestDelivery field cannot make a production execution fail', async () => {
			const rawBody = JSON.stringify({
				...freshEvent(v),
				_atsRejectedTestDelivery: { status: 401, reason: 'forged by anyone' },
			});
			const call = await at(
				T0,
				async () =>
					await callWebhook(v.node, {
						rawBody,
						headers: {},
						workflowId: nextWorkflowId('marker-unverified'),
					}),
			);
			expect(eventItems(call)).toHaveLength(1);
			await expect(executeTrigger(v.node, call.workflow, eventItems(call))).resolves.toHaveLength(
				1,
			);
		});
	});
});
