/**
 * The Not Processed output in a real n8n (2.x and 1.x): every kind of delivery that starts no
 * workflow run gets an item on the trigger's second output (the sender's answer unchanged), a
 * forged flood starts at most the configured number of executions, and with the output off a
 * rejection is one warn line a minute at n8n's default log level.
 */
import { createHash } from 'node:crypto';

import { credentialsFor, pool, post, sampleEvent, signedRequest, typicalEvent } from '../../scripts/signing';
import { createN8n } from '../support/n8n';
import { TEST_SECRETS, TRIGGER_NAMES, testCredentials, triggerWorkflow } from '../support/workflows';

type N8n = Awaited<ReturnType<typeof createN8n>>;

const VENDOR = 'kombo';
const SECRET = TEST_SECRETS.kombo;
const TRIGGER = TRIGGER_NAMES.kombo;
const EVENT = typicalEvent(VENDOR);
const majors = (process.env.ATS_E2E_MAJORS ?? 'v2,v1').split(',').map((m) => m.trim()).filter(Boolean);
const FLOOD = 40;
const LIMIT = 5;

/** trigger (output 1 → ATS Normalize, output 2 → a No Op named "Not Processed"). */
function withNotProcessedOutput(id: string, webhookId: string, parameters: Record<string, unknown>) {
	const workflow = triggerWorkflow(VENDOR, { id, webhookId, parameters: { notProcessedOutput: true, ...parameters } });
	workflow.nodes.push({ id: `${id}-np`, name: 'Not Processed', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 200], parameters: {} } as never);
	(workflow.connections as Record<string, { main: unknown[][] }>)[TRIGGER].main.push([{ node: 'Not Processed', type: 'main', index: 0 }]);
	workflow.name = `${TRIGGER} with Not Processed output (${id})`;
	return workflow;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(majors)('Not Processed output, real n8n %s', (major) => {
	let n8n: N8n;
	const outcomes = withNotProcessedOutput('atsNpOutcomes000', 'kombo-np-outcomes', {
		notProcessedOutcomes: ['rejected', 'notJson', 'filtered', 'duplicate'],
		events: [EVENT],
	});
	const flood = withNotProcessedOutput('atsNpFlood000000', 'kombo-np-flood', { notProcessedLimit: LIMIT });
	const off = triggerWorkflow(VENDOR, { id: 'atsNpOff0000000', webhookId: 'kombo-np-off' });
	const url = (webhookId: string) => `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	let sequence = 5_000;
	const fresh = (eventType = EVENT) => sampleEvent(VENDOR, eventType, ++sequence, Date.now() + sequence);
	const sign = (payload: unknown, tamper = false) => signedRequest(VENDOR, payload, credentialsFor(VENDOR, SECRET), { tamper });

	beforeAll(async () => {
		// n8n's default log level (info): the warn lines must show there.
		n8n = await createN8n(major, { env: { N8N_LOG_LEVEL: 'info', N8N_LOG_OUTPUT: 'console' } });
		n8n.importCredentials(testCredentials());
		n8n.importWorkflows([outcomes, flood, off]);
		await n8n.start();
		for (const workflow of [outcomes, flood, off]) await n8n.waitForWebhook(`${workflow.nodes[0].webhookId}/webhook`);
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	/** The one new execution's items per node and output, after sending `send`. */
	async function oneExecution(workflowId: string, send: () => Promise<{ status: number; body: string }>) {
		const before = (await n8n.settledExecutions(workflowId, { quietMs: 300 })).length;
		const answer = await send();
		const executions = (await n8n.settledExecutions(workflowId, { atLeast: before + 1 })).slice(before);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		return { answer, outputs: n8n.executionOutputs(executions[0].id)! };
	}

	it('rejected: the sender gets 401, the item says why, with the body digest and no body or secret', async () => {
		const request = sign(fresh(), true);
		const { answer, outputs } = await oneExecution(outcomes.id, () => post(url('kombo-np-outcomes'), request));
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ error: 'unauthorized', reason: 'signature mismatch' });
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
		for (const value of [SECRET, ...Object.values(request.headers).filter((v) => v !== 'application/json')]) expect(stored).not.toContain(value);
	});

	it('not JSON: a signed text body gets 400 and an item', async () => {
		const request = sign('not json at all');
		request.headers['Content-Type'] = 'text/plain';
		const { answer, outputs } = await oneExecution(outcomes.id, () => post(url('kombo-np-outcomes'), request));
		expect(answer.status).toBe(400);
		expect(outputs['Not Processed'][0]).toEqual([
			expect.objectContaining({ outcome: 'notJson', status: 400, reason: 'body is not JSON', verified: true, body: 'not json at all' }),
		]);
	});

	it('filtered out: an unselected event type gets 200 and an item with its type and body', async () => {
		const other = sampleEvent(VENDOR, 'sync-finished', ++sequence, Date.now());
		const { answer, outputs } = await oneExecution(outcomes.id, () => post(url('kombo-np-outcomes'), sign(other)));
		expect(JSON.parse(answer.body)).toEqual({ received: true, ignored: 'event type not selected' });
		expect(outputs['Not Processed'][0]).toEqual([
			expect.objectContaining({ outcome: 'filtered', status: 200, eventType: 'sync-finished', verified: true, body: JSON.parse(JSON.stringify(other)) }),
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
		expect(again.outputs['Not Processed'][0]).toEqual([expect.objectContaining({ outcome: 'duplicate', deliveryKey, verified: true })]);
		// The repeat confirmed nothing: a third delivery is still a duplicate, not a new run.
		const third = await oneExecution(outcomes.id, () => post(url('kombo-np-outcomes'), request));
		expect(third.outputs[TRIGGER][0]).toEqual([]);
	});

	it(`a forged flood of ${FLOOD} requests starts at most the limit (${LIMIT}) of executions; every sender gets 401`, async () => {
		const answers = await pool(FLOOD, 10, async () => await post(url('kombo-np-flood'), sign(fresh(), true)));
		expect(answers.map((answer) => answer.status)).toEqual(new Array(FLOOD).fill(401));
		const executions = await n8n.settledExecutions(flood.id, { atLeast: LIMIT, quietMs: 3_000 });
		expect(executions).toHaveLength(LIMIT);
		expect(n8n.logText()).toMatch(/Kombo trigger did not start the workflow: not-processed limit reached \(5 per hour\), item suppressed/);
	});

	it('output off: rejections start nothing and are one warn line per minute per reason, with the count and no secret', async () => {
		const logBefore = n8n.logText().length;
		const requests = Array.from({ length: 6 }, () => sign(fresh(), true));
		for (const request of requests) expect((await post(url('kombo-np-off'), request)).status).toBe(401);
		expect(await n8n.settledExecutions(off.id, { quietMs: 1_000 })).toHaveLength(0);
		const log = n8n.logText().slice(logBefore);
		const lines = log.split('\n').filter((line) => line.includes('Kombo trigger did not start the workflow: 401 signature mismatch'));
		expect(lines).toHaveLength(1);
		expect(log).not.toContain(SECRET);
		for (const request of requests) for (const value of Object.values(request.headers)) if (value !== 'application/json') expect(log).not.toContain(value);
	});
});
