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
	const body = overrides.body ?? signing.sampleEvent(key, eventType, ++sequence, nowMs);
	const rawBody = JSON.stringify(body);
	const credentials = credentialsOf(kitOf(key), overrides.secret ?? SECRET);
	return {
		rawBody,
		headers: {
			'content-type': 'application/json',
			...kitOf(key).sign(rawBody, credentials, nowMs),
		},
	};
}

const credentialsFor = (key: string) => credentialsOf(kitOf(key), SECRET);
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
		const request = signed(key, eventType);
		const { response, result } = await call({
			rawBody: request.rawBody,
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
		const other = kitOf(key).samples.find(
			(sample) =>
				sample.eventType !== eventType && sample.eventType !== underTest(key).trigger.testEventType,
		)!;
		const events = eventsParameter(nodeType, [eventType]);
		const { result } = await call(signed(key, other.eventType), { events });
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

	it('answers 400 (no 5xx, no execution) for a signed body that is not JSON', async () => {
		const rawBody = 'not json at all';
		const headers = kitOf(key).sign(rawBody, credentialsFor(key), Date.now());
		const { response, result } = await call({ rawBody, headers });
		expect(response.statusCode).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});
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
	const one = kit.sign(rawBody, credentialsOf(kit, 'one-key'), nowMs);
	const other = kit.sign(rawBody, credentialsOf(kit, 'another-key'), nowMs);
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
		const requests: Array<[string, string, Record<string, string>]> = [
			['genuine', genuineBody, kit.sign(genuineBody, credentials, nowMs)],
			// A real signature, of another event: replayed on this body.
			['forged', forgedBody, kit.sign(rawOf(++sequence), credentials, nowMs)],
			[
				'wrong key',
				rawOf(++sequence),
				kit.sign(rawOf(sequence), credentialsOf(kit, 'unit-test-wrong-key'), nowMs),
			],
			['missing header', rawOf(++sequence), {}],
			['redelivered', genuineBody, kit.sign(genuineBody, credentials, nowMs)],
			['not JSON', 'not json at all', kit.sign('not json at all', credentials, nowMs)],
		];
		const forbidden = new Set<string>([...Object.values(credentials), 'unit-test-wrong-key']);
		const seen: unknown[] = [];
		const firstLog = loggedCalls.length;
		for (const [, rawBody, headers] of requests) {
			// What the sender sent to prove itself, and what the node expects for this body.
			const expected = kit.sign(rawBody, credentials, nowMs);
			for (const name of keyedHeaders(key, rawBody, nowMs)) {
				for (const value of [headers[name], expected[name]])
					if (value !== undefined) secretForms(value).forEach((form) => forbidden.add(form));
			}
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
		const headers =
			key === 'kini'
				? { Authorization: 'Bearer  ' }
				: kit.sign(rawBody, credentialsOf(kit, ''), nowMs);
		return callWebhook(nodeType, {
			rawBody,
			headers: { 'content-type': 'application/json', ...headers },
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
