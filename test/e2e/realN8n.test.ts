/**
 * End to end in a real n8n: the packed tarball installed into .n8n/custom, credentials and
 * one workflow per trigger (trigger → ATS Normalize) imported and activated with n8n's CLI,
 * signed HTTP requests sent, executions read from n8n's database.
 *
 * n8n 2.41.1 (Node 24) gets the full set; n8n 1.123.81 (Node 20) the core cases, to keep
 * CI within its time budget. ATS_E2E_MAJORS=v2 (or v1) narrows it further.
 *
 * n8n runs at log level debug, and the last case reads everything it wrote: no secret, no
 * signature sent and no signature expected for any request of the suite may be in it.
 */
import { createHmac } from 'node:crypto';

import { vendors } from '../../nodes/vendors';
import {
	credentialsFor,
	kitFor,
	pool,
	post,
	sampleEvent,
	signedRequest,
	typicalEvent,
} from '../../scripts/signing';
import { loadTrigger } from '../../scripts/vendor-kits';
import { createN8n, expectNoExecutionFor } from '../support/n8n';
import { withEventType } from '../support/vendors';
import {
	MISSING_CREDENTIAL_WEBHOOKS,
	TEST_SECRETS,
	TRIGGER_NAMES,
	missingCredentialWorkflow,
	testCredentials,
	triggerWorkflow,
} from '../support/workflows';

type N8n = Awaited<ReturnType<typeof createN8n>>;

// Every registry vendor, sending its typical example; the expected canonical type is the one
// its test kit writes out by hand.
const vendorKeys = Object.keys(vendors);
const EVENTS: Record<string, string> = Object.fromEntries(
	vendorKeys.map((vendor) => [vendor, typicalEvent(vendor)]),
);
const EXPECTED_TYPES: Record<string, string> = Object.fromEntries(
	vendorKeys.map((vendor) => [vendor, kitFor(vendor).expectedTypes[EVENTS[vendor]]]),
);
/** A type no vendor sends (nor maps): accepted, executed, and normalized to `other`. */
const UNKNOWN_EVENT = (vendor: string, body: Record<string, unknown>) =>
	withEventType(vendors[vendor], body, 'brand_new.event');
const majors = (process.env.ATS_E2E_MAJORS ?? 'v2,v1')
	.split(',')
	.map((m) => m.trim())
	.filter(Boolean);
const BURST = Number(process.env.ATS_E2E_BURST ?? 300);
const secretOf = (vendor: string) => TEST_SECRETS[vendor as keyof typeof TEST_SECRETS];
/** What a vendor counts as delivered: 200, or its trigger's acceptedStatus (SmartRecruiters: 202). */
const ACCEPTED: Record<string, number> = Object.fromEntries(
	vendorKeys.map((vendor) => [
		vendor,
		(loadTrigger(vendors[vendor]) as { acceptedStatus?: number }).acceptedStatus ?? 200,
	]),
);

interface SentRequest {
	vendor: string;
	headers: Record<string, string>;
	payload: string;
}

/**
 * What n8n must never log for one request, labelled (the values stay out of a failure
 * message): the vendor's secret, every Authorization or signature header value sent, and the
 * signature a genuine sender would have sent for these bytes. The last is computed here with
 * node:crypto in every encoding the vendors use, over the body and over StartupKit's
 * `<timestamp>.<body>`, independently of the product's signing code.
 */
function mustNotLog({
	vendor,
	headers,
	payload,
}: SentRequest): Array<{ what: string; value: string }> {
	const secret = secretOf(vendor);
	const values = [{ what: `${vendor} secret`, value: secret }];
	for (const [name, value] of Object.entries(headers)) {
		if (!/^authorization$|signature/i.test(name)) continue;
		values.push(
			{ what: `${vendor} ${name} sent`, value },
			{
				what: `${vendor} ${name} sent, unprefixed`,
				value: value.replace(/^(Bearer |sha256=|v1=)/, ''),
			},
		);
	}
	const timestamp = headers['X-Webhook-Timestamp'];
	for (const [over, message] of [
		['body', payload],
		...(timestamp ? [['timestamp.body', `${timestamp}.${payload}`]] : []),
	]) {
		const mac = createHmac('sha256', secret).update(message).digest();
		for (const encoding of ['hex', 'base64', 'base64url'] as const) {
			values.push({
				what: `${vendor} expected HMAC-SHA256 of ${over}, ${encoding}`,
				value: mac.toString(encoding),
			});
		}
	}
	return values;
}

describe.each(majors)('real n8n %s', (major) => {
	let n8n: N8n;
	const workflows = vendorKeys.map((vendor) => triggerWorkflow(vendor));
	const workflowOf = (vendor: string) => workflows[vendorKeys.indexOf(vendor)];
	const urlOf = (vendor: string) =>
		`${n8n.baseUrl}/webhook/${workflowOf(vendor).nodes[0].webhookId}/webhook`;
	let sequence = 1_000;
	// Every signed request of the suite, for the log check.
	const sent: SentRequest[] = [];
	const sendTo = (
		url: string,
		vendor: string,
		body: unknown,
		options: { tamper?: boolean; nowMs?: number } = {},
	) => {
		const request = signedRequest(vendor, body, credentialsFor(vendor, secretOf(vendor)), options);
		sent.push({ vendor, ...request });
		return post(url, request);
	};
	const send = (
		vendor: string,
		body: unknown,
		options: { tamper?: boolean; nowMs?: number } = {},
	) => sendTo(urlOf(vendor), vendor, body, options);
	const fresh = (vendor: string) =>
		sampleEvent(vendor, EVENTS[vendor], ++sequence, Date.now() + sequence);
	/** A valid, distinct event to the vendor's workflow, sent after requests that must start nothing. */
	const sentinelFor = (vendor: string) => {
		const body = fresh(vendor);
		return { body, send: () => send(vendor, body) };
	};
	const full = major === 'v2';
	const missingCredential = missingCredentialWorkflow();

	beforeAll(async () => {
		// Everything n8n logs, at every level, goes to its log file (stdout and stderr).
		n8n = await createN8n(major, { env: { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console' } });
		n8n.importCredentials(testCredentials());
		n8n.importWorkflows([...workflows, missingCredential]);
		await n8n.start();
		for (const vendor of vendorKeys) await n8n.waitForWebhook(`${vendor}-e2e/webhook`);
		await n8n.waitForWebhook(`${MISSING_CREDENTIAL_WEBHOOKS.sentinel}/webhook`);
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	describe.each(vendorKeys)('%s', (vendor) => {
		let executionsBefore = 0;
		beforeEach(async () => {
			executionsBefore = (await n8n.settledExecutions(workflowOf(vendor).id, { quietMs: 300 }))
				.length;
		});
		const newExecutions = async (atLeast: number) =>
			(
				await n8n.settledExecutions(workflowOf(vendor).id, { atLeast: executionsBefore + atLeast })
			).slice(executionsBefore);

		it('a valid signed event: 2xx and exactly one successful execution with the right items', async () => {
			const body = fresh(vendor);
			const answer = await send(vendor, body);
			expect(answer.status).toBe(ACCEPTED[vendor]);
			expect(JSON.parse(answer.body)).toEqual({ received: true });
			const executions = await newExecutions(1);
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			const items = n8n.executionItems(executions[0].id)!;
			expect(items[TRIGGER_NAMES[vendor as keyof typeof TRIGGER_NAMES]]).toEqual([
				expect.objectContaining({
					...body,
					_ats: expect.objectContaining({ vendor, verified: true, valid: true }),
				}),
			]);
			const [normalized] = items['ATS Normalize'];
			expect(normalized).toMatchObject({
				source: vendor,
				sourceType: EVENTS[vendor],
				type: EXPECTED_TYPES[vendor],
				valid: true,
			});
			expect(String(normalized.summary)).not.toMatch(/undefined|null/);
		});

		it('forged and missing signatures: 401 and no execution', async () => {
			const forged = await send(vendor, fresh(vendor), { tamper: true });
			const unsigned = await fetch(urlOf(vendor), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(fresh(vendor)),
			});
			expect(forged.status).toBe(401);
			expect(JSON.parse(forged.body)).toMatchObject({ error: 'unauthorized' });
			expect(unsigned.status).toBe(401);
			expect(forged.body).not.toContain(secretOf(vendor));
			await expectNoExecutionFor(n8n, {
				workflowId: workflowOf(vendor).id,
				before: executionsBefore,
				sentinels: [sentinelFor(vendor)],
			});
		});

		it('a duplicate delivery starts one execution', async () => {
			const body = fresh(vendor);
			const answers = await Promise.all([
				send(vendor, body),
				send(vendor, body),
				send(vendor, body),
			]);
			expect(answers.map((answer) => answer.status)).toEqual(Array(3).fill(ACCEPTED[vendor]));
			await expectNoExecutionFor(n8n, {
				workflowId: workflowOf(vendor).id,
				before: executionsBefore,
				sentinels: [sentinelFor(vendor)],
				expected: [body],
			});
		});

		// The 1.x run covers the core cases only (CI time budget; see the README).
		if (full)
			it('an authentic unknown event type is accepted and executed, flagged invalid', async () => {
				const answer = await send(vendor, UNKNOWN_EVENT(vendor, fresh(vendor)));
				expect(answer.status).toBe(ACCEPTED[vendor]);
				const executions = await newExecutions(1);
				expect(executions).toHaveLength(1);
				const [normalized] = n8n.executionItems(executions[0].id)!['ATS Normalize'];
				expect(normalized.type).toBe('other');
			});
	});

	it('a stale StartupKit timestamp: 401 and no execution', async () => {
		const id = workflowOf('startupKit').id;
		const before = (await n8n.settledExecutions(id, { quietMs: 300 })).length;
		const staleMs = Date.now() - 10 * 60_000;
		const answer = await send(
			'startupKit',
			sampleEvent('startupKit', 'application.submitted', ++sequence, staleMs),
			{ nowMs: staleMs },
		);
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body).reason).toBe('timestamp outside the tolerance window');
		await expectNoExecutionFor(n8n, {
			workflowId: id,
			before,
			sentinels: [sentinelFor('startupKit')],
		});
	});

	// Lever signs only token + triggeredAt: the rest of a captured body could be rewritten.
	it('Lever: a genuine token and signature with another body is a replay, a stale triggeredAt is refused; both 401, no execution', async () => {
		const id = workflowOf('lever').id;
		const before = (await n8n.settledExecutions(id, { quietMs: 300 })).length;
		const genuine = fresh('lever');
		const { payload } = signedRequest('lever', genuine, credentialsFor('lever', secretOf('lever')));
		expect((await send('lever', genuine)).status).toBe(200);
		const rewritten = JSON.parse(payload) as Record<string, unknown>;
		rewritten.event = 'candidateHired';
		const replay = await sendTo(urlOf('lever'), 'lever', JSON.stringify(rewritten));
		expect(replay.status).toBe(401);
		expect(JSON.parse(replay.body).reason).toBe('token already used with another body (replay)');
		const staleMs = Date.now() - 10 * 60_000;
		const stale = await send('lever', sampleEvent('lever', EVENTS.lever, ++sequence, staleMs));
		expect(stale.status).toBe(401);
		expect(JSON.parse(stale.body).reason).toBe('triggeredAt outside the tolerance window');
		await expectNoExecutionFor(n8n, {
			workflowId: id,
			before,
			sentinels: [sentinelFor('lever')],
			expected: [genuine],
		});
	});

	it('a trigger whose credential is not set or was deleted: 401 naming the credential, and no execution', async () => {
		const before = (await n8n.settledExecutions(missingCredential.id, { quietMs: 300 })).length;
		const urlTo = (webhookId: string) => `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
		for (const webhookId of [
			MISSING_CREDENTIAL_WEBHOOKS.unset,
			MISSING_CREDENTIAL_WEBHOOKS.deleted,
		]) {
			// Signed with the test secret: what a genuine sender sends to a misconfigured trigger.
			const answer = await sendTo(urlTo(webhookId), 'kombo', fresh('kombo'));
			expect({ webhookId, status: answer.status }).toEqual({ webhookId, status: 401 });
			const reply = JSON.parse(answer.body);
			expect(reply).toEqual({
				error: 'unauthorized',
				reason: expect.stringMatching(/credential/i),
			});
		}
		const body = fresh('kombo');
		await expectNoExecutionFor(n8n, {
			workflowId: missingCredential.id,
			before,
			sentinels: [
				{ body, send: () => sendTo(urlTo(MISSING_CREDENTIAL_WEBHOOKS.sentinel), 'kombo', body) },
			],
		});
	});

	if (full)
		it(`a burst of ${BURST} distinct events at concurrency 25: each executed exactly once`, async () => {
			const id = workflowOf('kombo').id;
			const before = (await n8n.settledExecutions(id, { quietMs: 300 })).length;
			const stamp = Date.now();
			const bodies = Array.from({ length: BURST }, (_, index) =>
				sampleEvent('kombo', 'ai-apply-application-status-updated', index, stamp + index),
			);
			const answers = await pool(BURST, 25, (index: number) => send('kombo', bodies[index]));
			expect(answers.filter((answer: { status: number }) => answer.status !== 200)).toEqual([]);
			const executions = (
				await n8n.settledExecutions(id, { atLeast: before + BURST, quietMs: 2000 })
			).slice(before);
			expect(executions).toHaveLength(BURST);
			expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
		});
	// Last in the block: it reads what n8n logged for every request above.
	it("n8n's debug log holds no secret, no signature sent and no expected signature", () => {
		const log = n8n.logText();
		// An empty or info-only log would pass the check below: it must hold n8n's own debug line
		// for each webhook call and the triggers' warn line for rejected requests.
		expect(log).toContain('Received webhook "POST" for path');
		expect(log).toMatch(/ trigger did not start the workflow: 401 signature mismatch/);
		expect(sent.length).toBeGreaterThan(0);
		const everything = [
			...vendorKeys.map((vendor) => ({ what: `${vendor} secret`, value: secretOf(vendor) })),
			...sent.flatMap(mustNotLog),
		];
		const leaked = everything.filter(({ value }) => log.includes(value)).map(({ what }) => what);
		expect([...new Set(leaked)]).toEqual([]);
	});
});
