/**
 * The Not Processed output in a real n8n (2.x and 1.x): every kind of delivery that starts no
 * workflow run gets an item on the trigger's second output (the sender's answer unchanged), a
 * forged flood starts at most the configured number of executions, and with the output off a
 * rejection is one warn line a minute at n8n's default log level.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { vendors } from '../../nodes/vendors';

import {
	credentialsFor,
	pool,
	post,
	sampleEvent,
	signedRequest,
	typicalEvent,
} from '../../scripts/signing';
import { createN8n } from '../support/n8n';
import {
	TEST_SECRETS,
	TRIGGER_NAMES,
	testCredentials,
	triggerWorkflow,
} from '../support/workflows';

type N8n = Awaited<ReturnType<typeof createN8n>>;

const VENDOR = 'kombo';
const SECRET = TEST_SECRETS.kombo;
const TRIGGER = TRIGGER_NAMES.kombo;
const EVENT = typicalEvent(VENDOR);
const majors = (process.env.ATS_E2E_MAJORS ?? 'v2,v1')
	.split(',')
	.map((m) => m.trim())
	.filter(Boolean);
const FLOOD = 40;
const LIMIT = 5;

/** trigger (output 1 → ATS Normalize, output 2 → a No Op named "Not Processed"). */
function withNotProcessedOutput(
	id: string,
	webhookId: string,
	parameters: Record<string, unknown>,
	vendor: string = VENDOR,
) {
	const trigger = TRIGGER_NAMES[vendor as keyof typeof TRIGGER_NAMES];
	const workflow = triggerWorkflow(vendor, {
		id,
		webhookId,
		parameters: { notProcessedOutput: true, ...parameters },
	});
	workflow.nodes.push({
		id: `${id}-np`,
		name: 'Not Processed',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [260, 200],
		parameters: {},
	} as never);
	(workflow.connections as Record<string, { main: unknown[][] }>)[trigger].main.push([
		{ node: 'Not Processed', type: 'main', index: 0 },
	]);
	workflow.name = `${trigger} with Not Processed output (${id})`;
	return workflow;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The limit counts per clock hour: a test of it does not start in the hour's last minute. */
async function awayFromTheHoursEnd() {
	const left = 3_600_000 - (Date.now() % 3_600_000);
	if (left < 60_000) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}
const vendorKeys = Object.keys(vendors);

/**
 * The Slack alert example as shipped, with this suite's credential, the tarball's node types,
 * and its Slack node replaced by an Edit Fields node that evaluates the same message (no Slack here).
 */
function alertExample() {
	const file = path.join(
		__dirname,
		'..',
		'..',
		'examples',
		'kombo-rejected-deliveries-to-slack.json',
	);
	const example = JSON.parse(
		fs.readFileSync(file, 'utf8').replaceAll('"n8n-nodes-ats-webhooks.', '"CUSTOM.'),
	);
	const trigger = example.nodes.find((node: { name: string }) => node.name === TRIGGER);
	trigger.credentials = triggerWorkflow(VENDOR).nodes[0].credentials;
	trigger.webhookId = 'kombo-np-example';
	const slack = example.nodes.find((node: { name: string }) => node.name === 'Slack alert');
	Object.assign(slack, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [{ id: 'text', name: 'text', value: slack.parameters.text, type: 'string' }],
			},
			options: {},
		},
	});
	delete slack.credentials;
	return example;
}

describe.each(majors)('Not Processed output, real n8n %s', (major) => {
	let n8n: N8n;
	const outcomes = withNotProcessedOutput('atsNpOutcomes000', 'kombo-np-outcomes', {
		notProcessedOutcomes: ['rejected', 'notJson', 'filtered', 'duplicate'],
		events: [EVENT],
	});
	const flood = withNotProcessedOutput('atsNpFlood000000', 'kombo-np-flood', {
		notProcessedLimit: LIMIT,
	});
	const off = triggerWorkflow(VENDOR, { id: 'atsNpOff0000000', webhookId: 'kombo-np-off' });
	const example = alertExample();
	const everyVendor = vendorKeys.map((vendor) =>
		withNotProcessedOutput(
			`atsNp${vendor}`.padEnd(16, '0').slice(0, 16),
			`${vendor}-np`,
			{},
			vendor,
		),
	);
	const all = [outcomes, flood, off, example, ...everyVendor];
	const url = (webhookId: string) => `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	let sequence = 5_000;
	const fresh = (eventType = EVENT) =>
		sampleEvent(VENDOR, eventType, ++sequence, Date.now() + sequence);
	const sign = (payload: unknown, tamper = false) =>
		signedRequest(VENDOR, payload, credentialsFor(VENDOR, SECRET), { tamper });

	beforeAll(async () => {
		// n8n's default log level (info): the warn lines must show there.
		n8n = await createN8n(major, { env: { N8N_LOG_LEVEL: 'info', N8N_LOG_OUTPUT: 'console' } });
		n8n.importCredentials(testCredentials());
		n8n.importWorkflows(all);
		await n8n.start();
		// Probed with genuine events: an unsigned probe would be a rejected delivery, an item.
		for (const workflow of all) {
			const vendor = vendorKeys.find((key) => workflow.nodes[0].type.endsWith(`.${key}Trigger`))!;
			const probe = () =>
				signedRequest(
					vendor,
					sampleEvent(vendor, typicalEvent(vendor), ++sequence, Date.now()),
					credentialsFor(vendor, TEST_SECRETS[vendor as keyof typeof TEST_SECRETS]),
				);
			await n8n.waitForWebhook(`${workflow.nodes[0].webhookId}/webhook`, probe);
		}
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	/** The one new execution's items per node and output, after sending `send`. */
	async function oneExecution(
		workflowId: string,
		send: () => Promise<{ status: number; body: string }>,
	) {
		const before = (await n8n.settledExecutions(workflowId, { quietMs: 300 })).length;
		const answer = await send();
		const executions = (await n8n.settledExecutions(workflowId, { atLeast: before + 1 })).slice(
			before,
		);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		return { answer, outputs: n8n.executionOutputs(executions[0].id)! };
	}

	it('rejected: the sender gets 401, the item says why, with the body digest and no body or secret', async () => {
		const request = sign(fresh(), true);
		const { answer, outputs } = await oneExecution(outcomes.id, () =>
			post(url('kombo-np-outcomes'), request),
		);
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({
			error: 'unauthorized',
			reason: 'signature mismatch',
		});
		expect(outputs[TRIGGER][0]).toEqual([]);
		expect(outputs['ATS Normalize']).toBeUndefined();
		const [item] = outputs['Not Processed'][0];
		expect(item).toMatchObject({
			outcome: 'rejected',
			status: 401,
			reason: 'signature mismatch',
			vendor: VENDOR,
			trigger: TRIGGER,
			workflowId: outcomes.id,
			verified: false,
			bodyBytes: Buffer.byteLength(request.payload),
			bodySha256: sha256(request.payload),
			suppressedSinceLast: 0,
		});
		expect(item.clientAddress).toMatch(/127\.0\.0\.1|::1/);
		expect(item).not.toHaveProperty('body');
		expect(item).not.toHaveProperty('eventId');
		const stored = JSON.stringify(outputs);
		for (const value of [
			SECRET,
			...Object.values(request.headers).filter((v) => v !== 'application/json'),
		])
			expect(stored).not.toContain(value);
	});

	it('not JSON: a signed text body gets 400 and an item', async () => {
		const request = sign('not json at all');
		request.headers['Content-Type'] = 'text/plain';
		const { answer, outputs } = await oneExecution(outcomes.id, () =>
			post(url('kombo-np-outcomes'), request),
		);
		expect(answer.status).toBe(400);
		expect(outputs['Not Processed'][0]).toEqual([
			expect.objectContaining({
				outcome: 'notJson',
				status: 400,
				reason: 'body is not JSON',
				verified: true,
				body: 'not json at all',
			}),
		]);
	});

	it('a genuine request sent without Content-Type (n8n keeps no bytes): 401 that says why, an item', async () => {
		const { headers, payload } = sign(fresh());
		delete (headers as Record<string, string>)['Content-Type'];
		const { answer, outputs } = await oneExecution(outcomes.id, async () => {
			const response = await fetch(url('kombo-np-outcomes'), {
				method: 'POST',
				headers,
				body: new Uint8Array(Buffer.from(payload)),
			});
			return { status: response.status, body: await response.text() };
		});
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({
			error: 'unauthorized',
			reason: expect.stringMatching(/^no request body to verify/),
		});
		expect(outputs['Not Processed'][0]).toEqual([
			expect.objectContaining({ outcome: 'rejected', status: 401 }),
		]);
	});

	it('filtered out: an unselected event type gets 200 and an item with its type and body', async () => {
		const other = sampleEvent(VENDOR, 'sync-finished', ++sequence, Date.now());
		const { answer, outputs } = await oneExecution(outcomes.id, () =>
			post(url('kombo-np-outcomes'), sign(other)),
		);
		expect(JSON.parse(answer.body)).toEqual({ received: true, ignored: 'event type not selected' });
		expect(outputs['Not Processed'][0]).toEqual([
			expect.objectContaining({
				outcome: 'filtered',
				status: 200,
				eventType: 'sync-finished',
				verified: true,
				body: JSON.parse(JSON.stringify(other)),
			}),
		]);
		expect(outputs['ATS Normalize']).toBeUndefined();
	});

	it('redelivery dropped: the first delivery runs the workflow, the repeat is an item with its delivery key', async () => {
		const request = sign(fresh());
		const first = await oneExecution(outcomes.id, () => post(url('kombo-np-outcomes'), request));
		expect(first.outputs[TRIGGER][0]).toHaveLength(1);
		expect(first.outputs['Not Processed']).toBeUndefined();
		const deliveryKey = first.outputs[TRIGGER][0][0]._ats.deliveryKey;
		const again = await oneExecution(outcomes.id, () => post(url('kombo-np-outcomes'), request));
		expect(JSON.parse(again.answer.body)).toEqual({ received: true, duplicate: true });
		expect(again.outputs[TRIGGER][0]).toEqual([]);
		expect(again.outputs['Not Processed'][0]).toEqual([
			expect.objectContaining({ outcome: 'duplicate', deliveryKey, verified: true }),
		]);
		// The repeat confirmed nothing: a third delivery is still a duplicate, not a new run.
		const third = await oneExecution(outcomes.id, () => post(url('kombo-np-outcomes'), request));
		expect(third.outputs[TRIGGER][0]).toEqual([]);
	});

	it(`a forged flood of ${FLOOD} requests starts at most the limit (${LIMIT}) of executions; every sender gets 401`, async () => {
		await awayFromTheHoursEnd();
		const before = (await n8n.settledExecutions(flood.id, { quietMs: 300 })).length;
		const answers = await pool(
			FLOOD,
			10,
			async () => await post(url('kombo-np-flood'), sign(fresh(), true)),
		);
		expect(answers.map((answer) => answer.status)).toEqual(new Array(FLOOD).fill(401));
		const executions = (
			await n8n.settledExecutions(flood.id, { atLeast: before + LIMIT, quietMs: 3_000 })
		).slice(before);
		expect(executions).toHaveLength(LIMIT);
		expect(
			executions.map(
				(execution) => n8n.executionOutputs(execution.id)!['Not Processed'][0][0].outcome,
			),
		).toEqual(new Array(LIMIT).fill('rejected'));
		expect(n8n.logText()).toMatch(
			/Kombo trigger did not start the workflow: not-processed limit reached \(5 per hour\), item suppressed/,
		);
	});

	it('output off: rejections start nothing and are one warn line per minute per reason, with the count and no secret', async () => {
		const logBefore = n8n.logText().length;
		// Its one execution is the genuine probe's (see beforeAll).
		const before = (await n8n.settledExecutions(off.id, { quietMs: 300 })).length;
		const requests = Array.from({ length: 6 }, () => sign(fresh(), true));
		for (const request of requests)
			expect((await post(url('kombo-np-off'), request)).status).toBe(401);
		expect(await n8n.settledExecutions(off.id, { quietMs: 1_000 })).toHaveLength(before);
		const log = n8n.logText().slice(logBefore);
		const lines = log
			.split('\n')
			.filter((line) =>
				line.includes('Kombo trigger did not start the workflow: 401 signature mismatch'),
			);
		expect(lines).toHaveLength(1);
		expect(log).not.toContain(SECRET);
		for (const request of requests)
			for (const value of Object.values(request.headers))
				if (value !== 'application/json') expect(log).not.toContain(value);
	});

	it.each(vendorKeys)(
		'every trigger: a %s request with a wrong secret is answered 401 and is an item on Not Processed',
		async (vendor) => {
			const workflow = everyVendor[vendorKeys.indexOf(vendor)];
			const request = signedRequest(
				vendor,
				sampleEvent(vendor, typicalEvent(vendor), ++sequence, Date.now()),
				credentialsFor(vendor, TEST_SECRETS[vendor as keyof typeof TEST_SECRETS]),
				{ tamper: true },
			);
			const { answer, outputs } = await oneExecution(workflow.id, () =>
				post(url(`${vendor}-np`), request),
			);
			expect(answer.status).toBe(401);
			const { reason } = JSON.parse(answer.body);
			expect(outputs['Not Processed'][0]).toEqual([
				expect.objectContaining({
					outcome: 'rejected',
					status: 401,
					reason,
					vendor,
					verified: false,
					bodySha256: sha256(request.payload),
				}),
			]);
			expect(outputs['ATS Normalize']).toBeUndefined();
		},
	);

	it('the Slack alert example: a forged delivery becomes the alert text, events still reach ATS Normalize', async () => {
		await awayFromTheHoursEnd();
		const forged = await oneExecution(example.id, () =>
			post(url('kombo-np-example'), sign(fresh(), true)),
		);
		expect(forged.answer.status).toBe(401);
		expect(forged.outputs['Slack alert'][0]).toEqual([
			expect.objectContaining({
				text: expect.stringMatching(
					/^kombo deliveries failing: signature mismatch \(answered 401\), 1 since the last alert\. Last from \S+ at \d{4}-\d\d-\d\dT/,
				),
			}),
		]);
		const genuine = await oneExecution(example.id, () =>
			post(url('kombo-np-example'), sign(fresh())),
		);
		expect(genuine.answer.status).toBe(200);
		expect(genuine.outputs['ATS Normalize'][0]).toHaveLength(1);
		expect(genuine.outputs['Slack alert']).toBeUndefined();
	});
});
