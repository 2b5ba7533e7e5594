/**
 * The trigger nodes' webhook handlers, run in n8n-core's real WebhookContext: what a vendor
 * gets back and whether an execution would start (workflowData) for each kind of input.
 */
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import type { INodeParameters, INodeType, IWebhookFunctions } from 'n8n-workflow';

import { KeldairHrTrigger } from '../../nodes/KeldairHrTrigger/KeldairHrTrigger.node';
import { receiveVendorWebhook } from '../../nodes/shared/pipeline';
import type { TriggerVendor } from '../../nodes/shared/vendor';
import { StartupKitTrigger } from '../../nodes/StartupKitTrigger/StartupKitTrigger.node';
import { bodySignatureOf, replayedSignature, signedDelivery } from '../kits/vendor.testing';
import { callWebhook, executeTrigger, loggedCalls } from '../support/context';
import {
	credentialsOf,
	eventsParameter,
	kitOf,
	passwordFieldsOf,
	signing,
	underTest,
	vendorsUnderTest,
	withEventType,
} from '../support/vendors';

const SECRET = 'unit-test-secret-value';
/** Every registry vendor, with the event its generic tests send (see typicalEvent). */
const triggers: Array<[string, INodeType, string]> = vendorsUnderTest.map(({ key, node }) => [
	key,
	node,
	signing.typicalEvent(key),
]);
let sequence = 0;

function signed(
	key: string,
	eventType: string,
	overrides: { body?: unknown; secret?: string } = {},
) {
	const nowMs = Date.now();
	const body = (overrides.body ?? signing.sampleEvent(key, eventType, ++sequence, nowMs)) as Record<
		string,
		unknown
	>;
	const credentials = credentialsOf(kitOf(key), overrides.secret ?? SECRET);
	const { rawBody, headers } = signedDelivery(kitOf(key), body, credentials, nowMs);
	return { rawBody, headers: { 'content-type': 'application/json', ...headers } };
}

const credentialsFor = (key: string) => credentialsOf(kitOf(key), SECRET);
/** An example type other than `eventType` and the vendor's test event. */
const other = (key: string, eventType: string) =>
	kitOf(key).samples.find(
		(sample) =>
			sample.eventType !== eventType && sample.eventType !== underTest(key).trigger.testEventType,
	)!.eventType;
const baseParameters = (key: string) => (kitOf(key).verifyingParameters ?? {}) as INodeParameters;

describe.each(triggers)('%s trigger', (key, nodeType, eventType) => {
	const call = (
		request: { rawBody: string; headers: Record<string, string> },
		parameters = {},
		workflowId?: string,
	) =>
		callWebhook(nodeType, {
			...request,
			credentials: credentialsFor(key),
			parameters: { ...baseParameters(key), ...parameters },
			workflowId: workflowId ?? `wf-${key}-${++sequence}`,
		});

	it('emits one item for a genuine event: the vendor body plus _ats metadata', async () => {
		const request = signed(key, eventType);
		const { result, items, response } = await call(request);
		// The handler answers nothing itself for a genuine event: it leaves the answer to n8n
		// (sent before the workflow runs) and only labels it as JSON. The body n8n sends,
		// {"received":true}, is checked where n8n sends it: test/e2e (real n8n, every vendor).
		expect(response.sent).toBe(false);
		expect(result.webhookResponse).toBeUndefined();
		expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject(JSON.parse(request.rawBody));
		expect(items[0].json._ats).toMatchObject({
			vendor: key,
			eventType,
			verified: true,
			valid: true,
			issues: [],
		});
	});

	it('answers 401 and starts nothing for a forged signature', async () => {
		const { result, response } = await call(signed(key, eventType, { secret: 'not-the-secret' }));
		expect(response.statusCode).toBe(401);
		expect(response.body).toMatchObject({ error: 'unauthorized' });
		expect(result.workflowData).toBeUndefined();
		expect(JSON.stringify(response.body)).not.toContain(SECRET);
		expect(JSON.stringify(response.headers)).not.toContain(SECRET);
	});

	it('answers 401 when the signature or key is missing', async () => {
		// The example as its sender would send it unsigned (a body-signed vendor's has no signature field).
		const { response, result } = await call({
			rawBody: JSON.stringify(signing.sampleEvent(key, eventType, ++sequence, Date.now())),
			headers: { 'content-type': 'application/json' },
		});
		expect(response.statusCode).toBe(401);
		expect(String((response.body as { reason: string }).reason)).toMatch(/^missing /);
		expect(result.workflowData).toBeUndefined();
	});

	it('answers 200 without an execution for a redelivery of the same event', async () => {
		const request = signed(key, eventType);
		const workflowId = `wf-dedupe-${key}-${++sequence}`;
		const first = await call(request, {}, workflowId);
		const second = await call(request, {}, workflowId);
		expect(first.items).toHaveLength(1);
		expect(second.result.workflowData).toBeUndefined();
		expect(second.result.webhookResponse).toEqual({ received: true, duplicate: true });
	});

	it('lets redeliveries through when dedupe is switched off', async () => {
		const request = signed(key, eventType);
		const workflowId = `wf-nodedupe-${key}-${++sequence}`;
		await call(request, { options: { dedupe: false } }, workflowId);
		const again = await call(request, { options: { dedupe: false } }, workflowId);
		expect(again.items).toHaveLength(1);
	});

	it('answers 200 without an execution for an event the user did not select', async () => {
		const events = eventsParameter(nodeType, [eventType]);
		const { result } = await call(signed(key, other(key, eventType)), { events });
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ received: true, ignored: 'event type not selected' });
		const selected = await call(signed(key, eventType), { events });
		expect(selected.items).toHaveLength(1);
	});

	it('accepts and flags an authentic payload that does not match the schema', async () => {
		const { vendor, kit } = underTest(key);
		const sample = kit.freshSample(kit.samples[0], ++sequence, Date.now());
		// Not a well-formed type for any vendor, so it fails even an open event list's schema.
		const body = withEventType(vendor, sample, 'Brand New Type');
		const { items, response } = await call(signed(key, eventType, { body }));
		expect(response.headers['content-type']).toMatch(/^application\/json/);
		expect(items).toHaveLength(1);
		expect(items[0].json._ats).toMatchObject({ valid: false });
		expect((items[0].json._ats as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
	});

	// Where the signature is a body field (VendorTestKit.bodySignature), bytes that are not a
	// JSON object carry none: refused as unsigned before they could be "not JSON".
	const notJsonStatus = kitOf(key).bodySignature === undefined ? 400 : 401;
	it(`answers ${notJsonStatus} (no 5xx, no execution) for a signed body that is not JSON`, async () => {
		const request = signedDelivery(kitOf(key), 'not json at all', credentialsFor(key), Date.now());
		expect(request.rawBody).toBe('not json at all');
		const { response, result } = await call(request);
		expect(response.statusCode).toBe(notJsonStatus);
		expect(result.workflowData).toBeUndefined();
	});

	if (kitOf(key).bodySignature !== undefined) {
		// Only the covered fields are signed: what refuses a body changed after signing is the
		// verifier's memory of the delivery token, and only once the genuine body was accepted.
		it('a body changed after signing is accepted while its token is new, and a replay (401) once the genuine one was seen', async () => {
			const { vendor } = underTest(key);
			const genuine = signed(key, eventType);
			const changed = {
				...withEventType(vendor, JSON.parse(genuine.rawBody), other(key, eventType)),
				atsChanged: true,
			};
			const changedRequest = { ...genuine, rawBody: JSON.stringify(changed) };
			const first = await call(changedRequest);
			expect(first.response.statusCode).toBe(200);
			expect(first.items).toHaveLength(1);
			const again = signed(key, eventType);
			expect((await call(again)).items).toHaveLength(1);
			const replayed = await call({
				...again,
				rawBody: JSON.stringify({ ...JSON.parse(again.rawBody), atsChanged: true }),
			});
			expect(replayed.response.statusCode).toBe(401);
			expect(replayed.result.workflowData).toBeUndefined();
		});
	}
});

describe('vendor specifics', () => {
	it('StartupKit answers test.ping without an execution unless asked', async () => {
		const request = signed('startupKit', 'test.ping');
		const quiet = await callWebhook(new StartupKitTrigger(), {
			...request,
			credentials: credentialsFor('startupKit'),
			workflowId: 'wf-ping-1',
		});
		expect(quiet.result).toEqual({ webhookResponse: { received: true, test: true } });
		const loud = await callWebhook(new StartupKitTrigger(), {
			...request,
			credentials: credentialsFor('startupKit'),
			parameters: { options: { emitTestEvents: true } },
			workflowId: 'wf-ping-2',
		});
		expect(loud.items).toHaveLength(1);
	});

	it('StartupKit rejects a stale timestamp with 401', async () => {
		const kit = kitOf('startupKit');
		const staleMs = Date.now() - 600_000;
		const rawBody = JSON.stringify(kit.freshSample(kit.samples[0], 1, staleMs));
		const headers = kit.sign(rawBody, credentialsFor('startupKit'), staleMs);
		const { response, result } = await callWebhook(new StartupKitTrigger(), {
			rawBody,
			headers,
			credentials: credentialsFor('startupKit'),
		});
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({
			error: 'unauthorized',
			reason: 'timestamp outside the tolerance window',
		});
		expect(result.workflowData).toBeUndefined();
	});

	it('KeldairHR without authentication accepts unsigned events, marked unverified, and never reads credentials', async () => {
		const rawBody = JSON.stringify(signing.sampleEvent('keldairHr', 'applicant.hired', 1));
		const { items, credentialsRequested } = await callWebhook(new KeldairHrTrigger(), {
			rawBody,
			headers: {},
		});
		expect(items).toHaveLength(1);
		expect(items[0].json._ats).toMatchObject({ verified: false, valid: true });
		expect(credentialsRequested).toEqual([]);
	});

	it.each(['hmac', 'Signature', 'None', ''])(
		'KeldairHR with a stored Authentication of %j (neither option) verifies: an unsigned event gets 401',
		async (authentication) => {
			const rawBody = JSON.stringify(signing.sampleEvent('keldairHr', 'applicant.hired', 1));
			const { response, result } = await callWebhook(new KeldairHrTrigger(), {
				rawBody,
				headers: {},
				parameters: { authentication },
				credentials: { signingSecret: 'keldair-secret' },
			});
			expect(response.statusCode).toBe(401);
			expect(result.workflowData).toBeUndefined();
		},
	);

	it('KeldairHR event patterns: resource.* selects a whole resource', async () => {
		const rawBody = JSON.stringify(signing.sampleEvent('keldairHr', 'onboarding.completed', 1));
		const run = (events: string) =>
			callWebhook(new KeldairHrTrigger(), {
				rawBody,
				headers: {},
				parameters: { events, options: { dedupe: false } },
			});
		expect((await run('onboarding.*')).items).toHaveLength(1);
		expect((await run('applicant.*, job.closed')).items).toHaveLength(0);
	});
});

/** Every secret field of the vendor's credential filled, each with its own value. */
function fullCredentials(key: string): Record<string, string> {
	const { vendor, kit } = underTest(key);
	const fields = passwordFieldsOf(vendor.credentialType);
	expect(fields).toContain(kit.secretField);
	return Object.fromEntries(
		fields.map((field) => [field, field === kit.secretField ? SECRET : `unit-test-${field}-value`]),
	);
}

/** The request headers a sender's key decides (signature, Authorization): the ones that change with the key. */
function keyedHeaders(key: string, rawBody: string, nowMs: number): string[] {
	const kit = kitOf(key);
	const one = signedDelivery(kit, rawBody, credentialsOf(kit, 'one-key'), nowMs).headers;
	const other = signedDelivery(kit, rawBody, credentialsOf(kit, 'another-key'), nowMs).headers;
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

const inspected = (value: unknown) =>
	inspect(value, {
		showHidden: true,
		depth: null,
		maxArrayLength: null,
		maxStringLength: null,
		breakLength: Infinity,
	});

describe.each(triggers)('%s: no secret in logs, responses or items', (key, nodeType) => {
	it('for genuine, forged, wrong-key, unsigned, redelivered and non-JSON requests, at every log level', async () => {
		const kit = kitOf(key);
		const credentials = fullCredentials(key);
		const workflowId = `wf-secrets-${key}-${++sequence}`;
		const nowMs = Date.now();
		const rawOf = (n: number) =>
			JSON.stringify(signing.sampleEvent(key, signing.typicalEvent(key), n, nowMs));
		const genuineBody = rawOf(++sequence);
		const forgedBody = rawOf(++sequence);
		const signedNow = (rawBody: string, secrets = credentials) =>
			signedDelivery(kit, rawBody, secrets, nowMs);
		const requests: Array<[string, { rawBody: string; headers: Record<string, string> }]> = [
			['genuine', signedNow(genuineBody)],
			// A real signature, of another event: replayed on this body.
			['forged', replayedSignature(kit, forgedBody, rawOf(++sequence), credentials, nowMs)],
			['wrong key', signedNow(rawOf(++sequence), credentialsOf(kit, 'unit-test-wrong-key'))],
			['missing header', { rawBody: rawOf(++sequence), headers: {} }],
			['redelivered', signedNow(genuineBody)],
			['not JSON', signedNow('not json at all')],
		];
		const forbidden = new Set<string>([...Object.values(credentials), 'unit-test-wrong-key']);
		const seen: unknown[] = [];
		const firstLog = loggedCalls.length;
		for (const [, { rawBody, headers }] of requests) {
			// What the sender sent to prove itself, and what the node expects for this body.
			const expected = signedNow(rawBody);
			for (const name of keyedHeaders(key, rawBody, nowMs)) {
				for (const value of [headers[name], expected.headers[name]])
					if (value !== undefined) secretForms(value).forEach((form) => forbidden.add(form));
			}
			// A body-signed vendor's signature travels in the body, so a genuine item holds it; the
			// one the node expects for a refused body must appear nowhere.
			const expectedInBody = bodySignatureOf(kit, expected.rawBody);
			if (expectedInBody !== undefined && expected.rawBody !== rawBody)
				secretForms(expectedInBody).forEach((form) => forbidden.add(form));
			const call = await callWebhook(nodeType, {
				rawBody,
				headers: { 'content-type': 'application/json', ...headers },
				credentials,
				parameters: baseParameters(key),
				workflowId,
			});
			seen.push(call.result, call.response.headers, call.response.body, call.items);
			if (call.items.length > 0)
				seen.push(await executeTrigger(nodeType, call.workflow, call.items));
		}
		// Every level of the contexts' loggers and of LoggerProxy, webhook and execute steps.
		const logs = loggedCalls.slice(firstLog);
		// The rejections and the dropped redelivery are logged: the capture sees the node's logger.
		expect(logs.length).toBeGreaterThan(0);
		const logText = inspected(logs);
		const answerText = inspected(seen);
		for (const secret of forbidden) {
			expect(secret.length).toBeGreaterThan(8);
			if (logText.includes(secret)) throw new Error(`${key}: the log holds "${secret}"`);
			if (answerText.includes(secret))
				throw new Error(`${key}: a response, header or item holds "${secret}"`);
		}
	});
});

describe.each(triggers)('%s: an empty secret is never a usable key', (key, nodeType) => {
	const emptyKeyed = (credentials: Record<string, string>) => {
		const kit = kitOf(key);
		const nowMs = Date.now();
		const rawBody = JSON.stringify(
			signing.sampleEvent(key, signing.typicalEvent(key), ++sequence, nowMs),
		);
		// Signed with HMAC over the key '' (for Kini: a Bearer token that is as empty as it can be).
		const request =
			key === 'kini'
				? { rawBody, headers: { Authorization: 'Bearer  ' } }
				: signedDelivery(kit, rawBody, credentialsOf(kit, ''), nowMs);
		return callWebhook(nodeType, {
			rawBody: request.rawBody,
			headers: { 'content-type': 'application/json', ...request.headers },
			credentials,
			parameters: baseParameters(key),
			workflowId: `wf-empty-${key}-${++sequence}`,
		});
	};

	it.each([
		['empty', (field: string) => ({ [field]: '' })],
		['absent', () => ({})],
	])(
		'%s secret: a request signed with the empty key gets 401 and starts nothing',
		async (_name, credentialsWith) => {
			const { response, result } = await emptyKeyed(credentialsWith(kitOf(key).secretField));
			expect(response.statusCode).toBe(401);
			expect(result.workflowData).toBeUndefined();
		},
	);
});

describe('StartupKit: an empty Previous Signing Secret is never a usable key', () => {
	const trigger = new StartupKitTrigger();
	const CURRENT = 'whsec_unit_current_secret';
	function signedWith(key: string) {
		const nowMs = Date.now();
		const timestamp = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const rawBody = JSON.stringify(
			signing.sampleEvent('startupKit', 'application.submitted', ++sequence, nowMs),
		);
		// Signed here with node:crypto, not with the package's signer.
		const signature = createHmac('sha256', key).update(`${timestamp}.${rawBody}`).digest('hex');
		return {
			rawBody,
			headers: {
				'content-type': 'application/json',
				'X-Webhook-Timestamp': timestamp,
				'X-Webhook-Signature': signature,
			},
		};
	}
	const send = (
		request: { rawBody: string; headers: Record<string, string> },
		credentials: Record<string, string>,
	) =>
		callWebhook(trigger, {
			...request,
			credentials,
			workflowId: `wf-empty-previous-${++sequence}`,
		});

	it.each([
		['current set, previous empty', { signingSecret: CURRENT, previousSigningSecret: '' }],
		['current empty, previous set', { signingSecret: '', previousSigningSecret: CURRENT }],
		['both empty', { signingSecret: '', previousSigningSecret: '' }],
	])(
		'%s: a signature over the key "" gets 401; the configured secret is accepted',
		async (_name, credentials) => {
			const forged = await send(signedWith(''), credentials);
			expect(forged.response.statusCode).toBe(401);
			expect(forged.result.workflowData).toBeUndefined();
			if (credentials.signingSecret !== '' || credentials.previousSigningSecret !== '') {
				// The same request signed with the real secret passes: the 401 above is the empty key's.
				expect((await send(signedWith(CURRENT), credentials)).items).toHaveLength(1);
			}
		},
	);
});

describe.each(triggers)('%s: a verifier that throws rejects the request', (key, nodeType) => {
	it('answers 401 and starts nothing (no 5xx, no message of the error)', async () => {
		const { trigger } = underTest(key);
		const broken: TriggerVendor = {
			...trigger,
			verify: () => {
				throw new Error(`verifier bug near ${SECRET}`);
			},
		};
		const brokenNode = {
			description: nodeType.description,
			webhook(this: IWebhookFunctions) {
				return receiveVendorWebhook.call(this, broken);
			},
		} as INodeType;
		const request = signed(key, signing.typicalEvent(key));
		const firstLog = loggedCalls.length;
		const { response, result } = await callWebhook(brokenNode, {
			...request,
			credentials: credentialsFor(key),
			parameters: baseParameters(key),
			workflowId: `wf-throwing-verifier-${key}-${++sequence}`,
		});
		expect(response.statusCode).toBe(401);
		expect(response.body).toMatchObject({ error: 'unauthorized' });
		expect(result.workflowData).toBeUndefined();
		expect(inspected([response.body, response.headers, loggedCalls.slice(firstLog)])).not.toContain(
			SECRET,
		);
	});
});
