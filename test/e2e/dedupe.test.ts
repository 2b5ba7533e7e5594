/**
 * Dedupe in a real n8n 2.x, regular mode (SQLite): two Kombo triggers and a Knit trigger that
 * registered itself with a (local, fake) Knit API, in one workflow, under concurrent load; then
 * a graceful restart and every event delivered again.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { credentialsFor, pool, post, sampleEvent, signedRequest } from '../../scripts/signing';
import { createN8n, expectNoExecutionFor } from '../support/n8n';
import { TEST_SECRETS, credentialId, testCredentials } from '../support/workflows';

type N8n = Awaited<ReturnType<typeof createN8n>>;

const PER_TRIGGER = Number(process.env.ATS_DEDUPE_E2E_EVENTS ?? 60);
const WORKFLOW_ID = 'atsDedupeThree00';
const SYNC_JOB_ID = 'sj_e2e_dedupe_1';

/** A fake Knit API on 127.0.0.1: answers sync.start with a job id, records every call. */
function fakeKnit() {
	const calls: string[] = [];
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			calls.push(req.url ?? '');
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ success: true, data: { syncJobId: SYNC_JOB_ID } }));
		});
	});
	return { server, calls };
}

function threeTriggerWorkflow(knitApiUrl: string) {
	const kombo = (name: string, webhookId: string, x: number) => ({
		id: `node-${webhookId}`,
		name,
		type: 'CUSTOM.komboTrigger',
		typeVersion: 1.1,
		position: [0, x],
		webhookId,
		parameters: {},
		credentials: { komboApi: { id: credentialId('kombo'), name: 'Kombo Trigger (local test)' } },
	});
	return {
		id: WORKFLOW_ID,
		name: 'Two Kombo triggers and a self-registering Knit trigger (e2e)',
		active: false,
		nodes: [
			kombo('Kombo A', 'dedupe-kombo-a', 0),
			kombo('Kombo B', 'dedupe-kombo-b', 200),
			{
				id: 'node-dedupe-knit',
				name: 'Knit',
				type: 'CUSTOM.knitTrigger',
				typeVersion: 1.1,
				position: [0, 400],
				webhookId: 'dedupe-knit',
				// Both places the Knit API URL has lived (node parameter, then credential): either works.
				parameters: { registerWebhook: true, integrationId: 'int-e2e', knitApiUrl },
				credentials: { knitApi: { id: credentialId('knit'), name: 'Knit Trigger (local test)' } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const TARGETS = [
	{ vendor: 'kombo', path: 'dedupe-kombo-a/webhook', event: 'ai-apply-application-status-updated' },
	{ vendor: 'kombo', path: 'dedupe-kombo-b/webhook', event: 'ai-apply-application-status-updated' },
	{ vendor: 'knit', path: 'dedupe-knit/webhook', event: 'record.new' },
];

describe('dedupe in a real n8n 2.x (regular mode)', () => {
	let n8n: N8n;
	const knit = fakeKnit();
	const stamp = Date.now();
	// Distinct events per trigger (the same sequence numbers on two Kombo triggers are distinct
	// events for each: keys are per trigger).
	const deliveries = TARGETS.flatMap((target, t) =>
		Array.from({ length: PER_TRIGGER }, (_, n) => ({
			...target,
			body: sampleEvent(target.vendor, target.event, 700_000 + t * 10_000 + n, stamp + n),
		})),
	);
	const send = (delivery: (typeof deliveries)[number]) =>
		post(
			`${n8n.baseUrl}/webhook/${delivery.path}`,
			signedRequest(
				delivery.vendor,
				delivery.body,
				credentialsFor(delivery.vendor, TEST_SECRETS[delivery.vendor as keyof typeof TEST_SECRETS]),
			),
			// Generous: on a busy 2-core machine n8n can take many seconds per answer.
			120_000,
			{ newConnection: true },
		);
	/** A new event to Kombo A, sent after the deliveries that must start nothing (see expectNoExecutionFor). */
	let sentinels = 0;
	const sentinel = () => {
		const delivery = {
			...TARGETS[0],
			body: sampleEvent('kombo', TARGETS[0].event, 798_000 + ++sentinels, Date.now()),
		};
		return { body: delivery.body, send: () => send(delivery) };
	};
	const staticData = () =>
		JSON.parse(
			n8n.query(`SELECT staticData FROM workflow_entity WHERE id = '${WORKFLOW_ID}'`)[0]
				.staticData ?? '{}',
		);

	beforeAll(async () => {
		await new Promise<void>((resolve) => knit.server.listen(0, '127.0.0.1', resolve));
		const knitApiUrl = `http://127.0.0.1:${(knit.server.address() as AddressInfo).port}/v1.0`;
		n8n = await createN8n('v2');
		n8n.importCredentials(
			testCredentials().map((credential) =>
				credential.type === 'knitApi'
					? { ...credential, data: { ...credential.data, baseUrl: knitApiUrl } }
					: credential,
			),
		);
		n8n.importWorkflows([threeTriggerWorkflow(knitApiUrl)]);
		await n8n.start();
		for (const { path } of TARGETS) await n8n.waitForWebhook(path);
	});

	afterAll(async () => {
		await n8n?.stop();
		knit.server.closeAllConnections();
		await new Promise<void>((resolve) => knit.server.close(() => resolve()));
	});

	it(`${deliveries.length} events to three triggers of one workflow, each sent twice concurrently → one execution each; the Knit sync job id stays`, async () => {
		expect(knit.calls.filter((call) => call.endsWith('/sync.start'))).toHaveLength(1);
		expect(staticData()['node:Knit']).toMatchObject({ knitSyncJobId: SYNC_JOB_ID });
		const twice = [...deliveries, ...deliveries];
		const answers = await pool(twice.length, 20, (index: number) =>
			send(twice[(index * 7919) % twice.length]),
		);
		expect(answers.filter((answer: { status: number }) => answer.status !== 200)).toEqual([]);
		const bodies = answers.map((answer: { body: string }) => answer.body);
		expect(bodies.filter((body: string) => body === '{"received":true}')).toHaveLength(
			deliveries.length,
		);
		expect(
			bodies.filter((body: string) => body === '{"received":true,"duplicate":true}'),
		).toHaveLength(deliveries.length);
		// The second copy of each event must start nothing: proved by a sentinel sent after them all.
		const executions = await expectNoExecutionFor(n8n, {
			workflowId: WORKFLOW_ID,
			before: 0,
			sentinels: [sentinel()],
			expected: deliveries.map((delivery) => delivery.body),
		});
		expect(executions).toHaveLength(deliveries.length + 1);
		expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
		expect(staticData()['node:Knit']).toMatchObject({ knitSyncJobId: SYNC_JOB_ID });
	});

	it('after a graceful restart every one of those events is answered duplicate, none runs again, Knit is not registered twice', async () => {
		// The durable copy is written by a trigger's execute step at most once a second: the next
		// event's execution after the burst writes the keys of all three triggers.
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		const flush = {
			...TARGETS[0],
			body: sampleEvent('kombo', TARGETS[0].event, 799_999, Date.now()),
		};
		expect((await send(flush)).status).toBe(200);
		const before = (await n8n.settledExecutions(WORKFLOW_ID, { atLeast: deliveries.length + 1 }))
			.length;
		const copies = staticData().global?.atsDedupe ?? {};
		expect(Object.keys(copies).sort()).toEqual([
			'node-dedupe-knit',
			'node-dedupe-kombo-a',
			'node-dedupe-kombo-b',
		]);

		await n8n.restart();
		for (const { path } of TARGETS) await n8n.waitForWebhook(path);
		expect(n8n.lastStop).toMatchObject({ killed: false });
		const answers = await pool(deliveries.length, 20, (index: number) => send(deliveries[index]));
		expect(
			answers.map((answer: { status: number; body: string }) => `${answer.status} ${answer.body}`),
		).toEqual(deliveries.map(() => '200 {"received":true,"duplicate":true}'));
		await expectNoExecutionFor(n8n, { workflowId: WORKFLOW_ID, before, sentinels: [sentinel()] });
		expect(knit.calls.filter((call) => call.endsWith('/sync.start'))).toHaveLength(1);
		expect(staticData()['node:Knit']).toMatchObject({ knitSyncJobId: SYNC_JOB_ID });
	});
});
