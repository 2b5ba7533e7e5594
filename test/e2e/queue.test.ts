/**
 * Queue mode, end to end, as teams run n8n at scale: real Postgres and Redis (Debian packages,
 * installed by scripts/services.sh when missing), n8n 2.x main (editor, no production
 * webhooks), two `n8n webhook` processes behind a round-robin readiness-gated balancer, two
 * `n8n worker` processes. The packed tarball, workflows imported and published with n8n's CLI
 * against Postgres; executions read from Postgres. Nothing here is a mock.
 *
 * ATS_QUEUE_LOAD_EVENTS, ATS_QUEUE_FAULT_EVENTS and ATS_QUEUE_KILL_EVENTS size the streams.
 * Runs with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (CI time; the default engine is measured by
 * `npm run load -- --queue`).
 */
import { createHash } from 'node:crypto';

import { vendors } from '../../nodes/vendors';
import {
	credentialsFor,
	kitFor,
	post,
	sampleEvent,
	signedRequest,
	typicalEvent,
} from '../../scripts/signing';
import {
	runLoad,
	runWebhookFault,
	runWorkerKill,
	streamWorkflow,
	targetOf,
} from '../../scripts/reliability';
import { loadTrigger } from '../../scripts/vendor-kits';
import { EXPRESSION_ENGINES, expectNoExecutionFor, sleep } from '../support/n8n';
import { createQueueTopology } from '../support/queue';
import {
	TEST_SECRETS,
	TRIGGER_NAMES,
	testCredentials,
	triggerWorkflow,
} from '../support/workflows';

type Topology = Awaited<ReturnType<typeof createQueueTopology>>;

const LOAD_EVENTS = Number(process.env.ATS_QUEUE_LOAD_EVENTS ?? 1_000);
const FAULT_EVENTS = Number(process.env.ATS_QUEUE_FAULT_EVENTS ?? 600);
const KILL_EVENTS = Number(process.env.ATS_QUEUE_KILL_EVENTS ?? 600);
const WORKER_CONCURRENCY = 10;

// Every registry vendor, sending its typical example; the expected canonical type is the one
// its test kit writes out by hand.
const vendorKeys = Object.keys(vendors);
/** What a vendor counts as delivered: 200, or its trigger's acceptedStatus (SmartRecruiters: 202). */
const ACCEPTED: Record<string, number> = Object.fromEntries(
	vendorKeys.map((vendor) => [
		vendor,
		(loadTrigger(vendors[vendor]) as { acceptedStatus?: number }).acceptedStatus ?? 200,
	]),
);
const EVENTS: Record<string, string> = Object.fromEntries(
	vendorKeys.map((vendor) => [vendor, typicalEvent(vendor)]),
);
const EXPECTED_TYPES: Record<string, string> = Object.fromEntries(
	vendorKeys.map((vendor) => [vendor, kitFor(vendor).expectedTypes[EVENTS[vendor]]]),
);

describe('queue mode: n8n 2.x main + 2 webhook + 2 worker processes on Postgres and Redis', () => {
	let topology: Topology;
	const workflows = vendorKeys.map((vendor) =>
		triggerWorkflow(vendor, { webhookId: `${vendor}-queue` }),
	);
	const workflowOf = (vendor: string) => workflows[vendorKeys.indexOf(vendor)];
	const pathOf = (vendor: string) => `${workflowOf(vendor).nodes[0].webhookId}/webhook`;
	const stream = streamWorkflow();
	let sequence = 5_000;
	const fresh = (vendor: string) =>
		sampleEvent(vendor, EVENTS[vendor], ++sequence, Date.now() + sequence);
	const secretOf = (vendor: string) => TEST_SECRETS[vendor as keyof typeof TEST_SECRETS];
	const send = (
		baseUrl: string,
		vendor: string,
		body: unknown,
		options: { tamper?: boolean } = {},
	) =>
		post(
			`${baseUrl}/webhook/${pathOf(vendor)}`,
			signedRequest(vendor, body, credentialsFor(vendor, secretOf(vendor)), options),
		);

	beforeAll(async () => {
		topology = await createQueueTopology({
			webhooks: 2,
			workers: 2,
			workerConcurrency: WORKER_CONCURRENCY,
			env: {
				// n8n's lazy isolate acquisition (docs/scaling.md): the default engine runs ~5 events/s across
				// these five processes on 2 cores, which would make the suite too slow for CI.
				...EXPRESSION_ENGINES['vm-lazy'],
				// A dead worker's jobs are given up once their lock expires, and the main process marks their
				// executions crashed at its next queue recovery: shortened from 60 s / 30 s / 180 min so the
				// kill -9 case settles within the suite (docs/scaling.md).
				QUEUE_WORKER_LOCK_DURATION: '10000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
			},
		});
		topology.importCredentials(testCredentials());
		topology.importWorkflows([...workflows, stream]);
		await topology.start();
		for (const vendor of vendorKeys) await topology.waitForWebhook(pathOf(vendor));
		await topology.waitForWebhook(targetOf(topology, stream).webhookPath);
	});

	afterAll(async () => {
		await topology?.stop();
	});

	it('the topology runs: main without production webhooks, every webhook process and worker ready', async () => {
		expect(topology.webhookUrls).toHaveLength(2);
		expect(topology.workerProcesses).toHaveLength(2);
		for (const n8n of topology.processes) expect(n8n.pid).toEqual(expect.any(Number));
		// N8N_DISABLE_PRODUCTION_MAIN_PROCESS: the main process does not serve production webhooks.
		const answer = await send(topology.mainUrl, 'kombo', fresh('kombo'));
		expect(answer.status).toBe(404);
	});

	describe.each(vendorKeys)('%s', (vendor) => {
		let before = 0;
		beforeEach(async () => {
			before = (await topology.settledExecutions(workflowOf(vendor).id, { quietMs: 300 })).length;
		});
		const newExecutions = async (atLeast: number) =>
			(
				await topology.settledExecutions(workflowOf(vendor).id, { atLeast: before + atLeast })
			).slice(before);

		it('a valid event through the balancer: 2xx, exactly one successful execution, run on a worker, with the right items', async () => {
			const body = fresh(vendor);
			const answer = await send(topology.baseUrl, vendor, body);
			expect(answer.status).toBe(ACCEPTED[vendor]);
			expect(JSON.parse(answer.body)).toEqual({ received: true });
			const executions = await newExecutions(1);
			expect(executions).toHaveLength(1);
			expect(executions[0]).toMatchObject({ status: 'success', mode: 'webhook' });
			expect(topology.workerExecutions().has(Number(executions[0].id))).toBe(true);
			const items = topology.executionItems(executions[0].id)!;
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

		it('a valid event sent straight to each webhook process: one execution each', async () => {
			const answers = [];
			for (const url of topology.webhookUrls) answers.push(await send(url, vendor, fresh(vendor)));
			expect(answers.map((answer) => answer.status)).toEqual([ACCEPTED[vendor], ACCEPTED[vendor]]);
			const executions = await newExecutions(2);
			expect(executions.map((execution) => execution.status)).toEqual(['success', 'success']);
		});

		it('forged and unsigned: 401 from every webhook process and no execution', async () => {
			for (const url of [topology.baseUrl, ...topology.webhookUrls]) {
				const forged = await send(url, vendor, fresh(vendor), { tamper: true });
				const unsigned = await post(`${url}/webhook/${pathOf(vendor)}`, {
					headers: { 'Content-Type': 'application/json' },
					payload: JSON.stringify(fresh(vendor)),
				});
				expect(forged.status).toBe(401);
				expect(JSON.parse(forged.body)).toMatchObject({ error: 'unauthorized' });
				expect(forged.body).not.toContain(secretOf(vendor));
				expect(unsigned.status).toBe(401);
			}
			// One sentinel through each webhook process: each one's positive signal that it started nothing.
			const sentinels = topology.webhookUrls.map((url) => {
				const body = fresh(vendor);
				return { body, send: () => send(url, vendor, body) };
			});
			await expectNoExecutionFor(topology, {
				workflowId: workflowOf(vendor).id,
				before,
				sentinels,
			});
		});
	});

	it('a restart of every n8n process (SIGTERM, start again): each stops gracefully, the triggers answer again, an event runs once', async () => {
		const pidsBefore = topology.processes.map((n8n) => n8n.pid);
		await topology.restartAll();
		for (const n8n of topology.processes) expect(n8n.lastStop).toMatchObject({ killed: false });
		const pidsAfter = topology.processes.map((n8n) => n8n.pid);
		expect(pidsAfter.every((pid, i) => typeof pid === 'number' && pid !== pidsBefore[i])).toBe(
			true,
		);
		for (const vendor of vendorKeys) await topology.waitForWebhook(pathOf(vendor));
		await topology.waitForWebhook(targetOf(topology, stream).webhookPath);
		const before = (await topology.settledExecutions(workflowOf('knit').id, { quietMs: 300 }))
			.length;
		expect((await send(topology.baseUrl, 'knit', fresh('knit'))).status).toBe(200);
		const executions = (
			await topology.settledExecutions(workflowOf('knit').id, { atLeast: before + 1 })
		).slice(before);
		expect(executions.map((execution) => execution.status)).toEqual(['success']);
	});

	it(`load: ${LOAD_EVENTS} distinct events at concurrency 50 through the balancer → 0 lost, 0 duplicated, 0 5xx, both webhook processes and both workers used`, async () => {
		const forwardedBefore = topology.balancer!.counts.perTarget.map(
			(target: { forwarded: number }) => target.forwarded,
		);
		const ranBefore = topology.workerExecutions();
		const result = await runLoad(topology, targetOf(topology, stream), {
			count: LOAD_EVENTS,
			concurrency: 50,
		});
		const forwarded = topology.balancer!.counts.perTarget.map(
			(target: { forwarded: number }, i: number) => target.forwarded - forwardedBefore[i],
		);
		const perWorker = [0, 0];
		for (const [id, worker] of topology.workerExecutions())
			if (!ranBefore.has(id)) perWorker[worker]++;
		console.log(
			`queue load ${JSON.stringify({ ...result, forwardedPerWebhookProcess: forwarded, executionsPerWorker: perWorker })}`,
		);
		expect(result).toMatchObject({
			events: LOAD_EVENTS,
			acknowledged: LOAD_EVENTS,
			non2xx: 0,
			status5xx: 0,
		});
		expect(result).toMatchObject({
			executions: LOAD_EVENTS,
			failed: 0,
			lost: 0,
			duplicated: 0,
			unexpected: 0,
		});
		expect(forwarded.every((count: number) => count > 0)).toBe(true);
		expect(perWorker.every((count) => count > 0)).toBe(true);
		expect(perWorker[0] + perWorker[1]).toBe(LOAD_EVENTS);
	});

	it(`a webhook process stopped (SIGTERM) mid-stream of ${FAULT_EVENTS} events, sender retrying → 0 lost, 0 duplicated`, async () => {
		const result = await runWebhookFault(topology, targetOf(topology, stream), {
			count: FAULT_EVENTS,
			concurrency: 20,
			index: 0,
		});
		console.log(`queue webhook SIGTERM ${JSON.stringify(result)}`);
		expect(result.shutdown).toMatchObject({ killed: false });
		expect(result).toMatchObject({
			acknowledged: FAULT_EVENTS,
			acknowledgedNotByTrigger: 0,
			status5xx: 0,
		});
		expect(result).toMatchObject({
			executions: FAULT_EVENTS,
			failed: 0,
			lost: 0,
			duplicated: 0,
			unexpected: 0,
		});
		// While process 0 was down the other one took the traffic.
		expect(result.forwardedPerProcess[1]).toBeGreaterThan(result.forwardedPerProcess[0]);
	});

	it(`a worker killed (kill -9) mid-stream of ${KILL_EVENTS} events: every acknowledged event accounted for, what n8n did counted`, async () => {
		const result = await runWorkerKill(topology, targetOf(topology, stream), {
			count: KILL_EVENTS,
			concurrency: 50,
			index: 0,
		});
		console.log(`queue worker kill -9 ${JSON.stringify(result)}`);
		expect(result).toMatchObject({
			events: KILL_EVENTS,
			acknowledged: KILL_EVENTS,
			status5xx: 0,
			unexpected: 0,
		});
		// Every acknowledged event is accounted for: it ran once successfully, or it is one of the
		// executions n8n finished as failed/crashed (the webhook process writes the execution before it
		// queues the job, and n8n writes its error over it when it gives the job up). Nothing is left
		// running once n8n has given up the dead worker's jobs.
		expect(result.stillOpenAfterWait).toBe(0);
		expect(result.lost).toBe(0);
		expect(result.exactlyOneSuccess + result.notSucceeded.length).toBe(KILL_EVENTS - result.reRun);
		expect(result.eventsWithoutSuccess).toBe(result.notSucceeded.length);
		// n8n never runs a job twice (Bull's maxStalledCount is 0): a second execution of an event can
		// only come from a sender retry of a delivery whose answer it did not get.
		expect(result.reRun).toBeLessThanOrEqual(result.retries);
		// What did not succeed is what the killed worker held: at most its concurrency, never started
		// on the surviving worker, and finished by n8n as crashed or error (not left open).
		expect(result.notSucceeded.length).toBeLessThanOrEqual(WORKER_CONCURRENCY);
		expect(
			result.notSucceeded.filter(
				(execution: { startedOn: string }) => execution.startedOn === 'worker-2',
			),
		).toEqual([]);
		expect(
			result.notSucceeded.every((execution: { status: string }) =>
				['crashed', 'error'].includes(execution.status),
			),
		).toBe(true);
		// The surviving worker kept running executions after the kill.
		expect(result.executionsPerWorker['worker-2']).toBeGreaterThan(0);
	});

	// Kombo triggers set to a dedupe store, with the credential of a Redis dedupe store on the queue's Redis.
	const redisCredential = () => ({
		id: 'atsDedupeRedis00',
		name: 'ATS dedupe on the queue Redis',
		type: 'atsDedupeRedisApi',
		data: { host: topology.redis.host, port: topology.redis.port, database: 0 },
	});
	const dedupeWorkflow = (
		id: string,
		webhookId: string,
		dedupeStore: 'redis' | 'memory',
		parameters: Record<string, unknown> = {},
	) => {
		const workflow = triggerWorkflow('kombo', {
			id,
			webhookId,
			normalize: false,
			parameters: { dedupeStore, ...parameters },
		});
		if (dedupeStore === 'redis') {
			(
				workflow.nodes[0].credentials as Record<string, { id: string; name: string }>
			).atsDedupeRedisApi = {
				id: 'atsDedupeRedis00',
				name: 'ATS dedupe on the queue Redis',
			};
		}
		return workflow;
	};
	const NP_LIMIT = 5;
	type NotProcessedTrigger = { name: string; webhookId: string; store: 'redis' | 'memory' };
	/** Three Kombo triggers in one workflow (one publish run), each counting its own limit (per node). */
	const NP_TRIGGERS = {
		floodRedis: {
			name: 'Kombo Trigger (flood, Redis store)',
			webhookId: 'kombo-np-flood-redis',
			store: 'redis',
		},
		floodMemory: {
			name: 'Kombo Trigger (flood, memory store)',
			webhookId: 'kombo-np-flood-memory',
			store: 'memory',
		},
		redelivery: {
			name: 'Kombo Trigger (redelivery, Redis store)',
			webhookId: 'kombo-np-redelivery',
			store: 'redis',
		},
	} satisfies Record<string, NotProcessedTrigger>;
	/** Each trigger with the Not Processed output on (rejected + duplicate, 5 per hour), output 2 → one No Op "Not Processed". */
	const notProcessedWorkflow = (() => {
		const id = 'atsQueueNotProc0';
		const triggers = Object.values(NP_TRIGGERS).map((trigger: NotProcessedTrigger, n) => ({
			...dedupeWorkflow(id, trigger.webhookId, trigger.store, {
				notProcessedOutput: true,
				notProcessedOutcomes: ['rejected', 'duplicate'],
				notProcessedLimit: NP_LIMIT,
			}).nodes[0],
			id: `node-${trigger.webhookId}`,
			name: trigger.name,
			position: [0, n * 200],
		}));
		const noOp = {
			id: `${id}-np`,
			name: 'Not Processed',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [300, 200],
			parameters: {},
		};
		const workflow = triggerWorkflow('kombo', { id, normalize: false });
		workflow.name = 'Kombo triggers with the Not Processed output (queue e2e)';
		workflow.nodes = [...triggers, noOp] as never;
		workflow.connections = Object.fromEntries(
			triggers.map((trigger) => [
				trigger.name,
				{ main: [[], [{ node: 'Not Processed', type: 'main', index: 0 }]] },
			]),
		);
		return workflow;
	})();
	// Imported with the dedupe workflows (one restart for both); by their own block when it runs alone.
	let notProcessedImported = false;

	describe('dedupe across processes (Dedupe Store: Redis, on the Redis queue mode runs on)', () => {
		const shared = dedupeWorkflow('atsQueueDedupeR0', 'kombo-dedupe-redis', 'redis');
		const local = dedupeWorkflow('atsQueueDedupeM0', 'kombo-dedupe-memory', 'memory');
		const deliverTo = (processIndex: number, webhookId: string, body: unknown) =>
			post(
				`${topology.webhookUrls[processIndex]}/webhook/${webhookId}/webhook`,
				signedRequest('kombo', body, credentialsFor('kombo', secretOf('kombo'))),
				120_000,
				{
					newConnection: true,
				},
			);
		const events = Array.from({ length: 60 }, (_, n) =>
			sampleEvent('kombo', EVENTS.kombo, 880_000 + n, Date.now() + n),
		);
		const bodiesOf = (answers: Array<{ status: number; body: string }>) =>
			answers.map((answer) => `${answer.status} ${answer.body}`);
		// New events, one through each webhook process, after deliveries that must start nothing.
		let sentinelSequence = 0;
		const sentinels = (webhookId: string) =>
			[0, 1].map((processIndex) => {
				const body = sampleEvent('kombo', EVENTS.kombo, 887_000 + ++sentinelSequence, Date.now());
				return { body, send: () => deliverTo(processIndex, webhookId, body) };
			});

		beforeAll(async () => {
			topology.importCredentials([redisCredential()]);
			topology.importWorkflows([shared, local, notProcessedWorkflow]);
			notProcessedImported = true;
			await topology.restartAll(); // imported workflows are activated by a (re)start
			for (const workflow of [stream, ...workflows, shared, local])
				await topology.waitForWebhook(`${workflow.nodes[0].webhookId}/webhook`);
		});

		it('each of 20 events delivered to both webhook processes one after the other → one execution each', async () => {
			const answers = [];
			for (const body of events.slice(0, 20)) {
				answers.push(await deliverTo(0, 'kombo-dedupe-redis', body));
				answers.push(await deliverTo(1, 'kombo-dedupe-redis', body));
			}
			expect(bodiesOf(answers)).toEqual(
				events
					.slice(0, 20)
					.flatMap(() => ['200 {"received":true}', '200 {"received":true,"duplicate":true}']),
			);
			const executions = await expectNoExecutionFor(topology, {
				workflowId: shared.id,
				before: 0,
				sentinels: sentinels('kombo-dedupe-redis'),
				expected: events.slice(0, 20),
			});
			expect(executions).toHaveLength(20 + 2);
			expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
		});

		it('each of 40 events delivered to both processes at the same time → one execution each', async () => {
			const batch = events.slice(20);
			const before = (await topology.settledExecutions(shared.id, { quietMs: 300 })).length;
			const answers = await Promise.all(
				batch.flatMap((body) => [
					deliverTo(0, 'kombo-dedupe-redis', body),
					deliverTo(1, 'kombo-dedupe-redis', body),
				]),
			);
			expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
			expect(answers.filter((answer) => answer.body === '{"received":true}')).toHaveLength(
				batch.length,
			);
			const executions = await expectNoExecutionFor(topology, {
				workflowId: shared.id,
				before,
				sentinels: sentinels('kombo-dedupe-redis'),
				expected: batch,
			});
			expect(executions).toHaveLength(batch.length + 2);
			expect(new Set(executions.map((execution) => execution.eventId)).size).toBe(batch.length + 2);
		});

		it('after a restart of every n8n process, all 60 events redelivered to both processes → no new execution', async () => {
			const before = (await topology.settledExecutions(shared.id, { quietMs: 300 })).length;
			await topology.restartAll();
			await topology.waitForWebhook('kombo-dedupe-redis/webhook');
			const answers = await Promise.all(
				events.flatMap((body) => [
					deliverTo(0, 'kombo-dedupe-redis', body),
					deliverTo(1, 'kombo-dedupe-redis', body),
				]),
			);
			expect(new Set(bodiesOf(answers))).toEqual(
				new Set(['200 {"received":true,"duplicate":true}']),
			);
			await expectNoExecutionFor(topology, {
				workflowId: shared.id,
				before,
				sentinels: sentinels('kombo-dedupe-redis'),
			});
		});

		it('without Redis (the documented limit): an event delivered once to each of two processes that are running runs twice', async () => {
			// Each process has received this workflow's events before (and read the durable copy then).
			const warmUp = [0, 1].map((n) => sampleEvent('kombo', EVENTS.kombo, 889_990 + n, Date.now()));
			expect(
				bodiesOf([
					await deliverTo(0, 'kombo-dedupe-memory', warmUp[0]),
					await deliverTo(1, 'kombo-dedupe-memory', warmUp[1]),
				]),
			).toEqual(['200 {"received":true}', '200 {"received":true}']);
			const body = sampleEvent('kombo', EVENTS.kombo, 889_999, Date.now());
			const answers = [
				await deliverTo(0, 'kombo-dedupe-memory', body),
				await deliverTo(1, 'kombo-dedupe-memory', body),
			];
			expect(bodiesOf(answers)).toEqual(['200 {"received":true}', '200 {"received":true}']);
			expect(
				await topology.settledExecutions(local.id, { atLeast: 4, quietMs: 2_000 }),
			).toHaveLength(4);
		});
	});

	describe(`Not Processed output across webhook processes (rejected + duplicate, limit ${NP_LIMIT} per hour)`, () => {
		const FLOOD = 40;
		const postTo = (
			processIndex: number,
			webhookId: string,
			request: { headers: Record<string, string>; payload: string },
		) =>
			post(`${topology.webhookUrls[processIndex]}/webhook/${webhookId}/webhook`, request, 120_000, {
				newConnection: true,
			});
		const signed = (body: unknown, tamper = false) =>
			signedRequest('kombo', body, credentialsFor('kombo', secretOf('kombo')), { tamper });
		let npSequence = 0;
		const npEvent = () => sampleEvent('kombo', EVENTS.kombo, 895_000 + ++npSequence, Date.now());
		const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
		type Outputs = NonNullable<ReturnType<Topology['executionOutputs']>>;

		beforeAll(async () => {
			if (!notProcessedImported) {
				topology.importCredentials([redisCredential()]);
				topology.importWorkflows([notProcessedWorkflow]);
				notProcessedImported = true;
				await topology.restartAll();
			}
			// Not waitForWebhook: its unsigned probe is itself a rejected delivery (an item and an execution, counted
			// against the limit, one per webhook process). A valid event is answered {"received":true} once the
			// trigger is there, and counts against nothing.
			for (const { webhookId } of Object.values(NP_TRIGGERS)) {
				for (const processIndex of [0, 1]) {
					const deadline = Date.now() + 60_000;
					while (
						(await postTo(processIndex, webhookId, signed(npEvent()))).body !== '{"received":true}'
					) {
						if (Date.now() > deadline)
							throw new Error(
								`${webhookId} never became available on webhook process ${processIndex + 1}`,
							);
						await sleep(250);
					}
				}
			}
		});

		const WORKFLOW_ID = notProcessedWorkflow.id;
		const settledCount = async () =>
			(await topology.settledExecutions(WORKFLOW_ID, { quietMs: 300 })).length;
		const withOutputs = (execution: { id: number; status: string; mode: string }) => ({
			...execution,
			outputs: topology.executionOutputs(execution.id) as Outputs,
		});
		const ALL_401 = new Set(['401 {"error":"unauthorized","reason":"signature mismatch"}']);
		const answersOf = (answers: Array<{ status: number; body: string }>) =>
			new Set(answers.map((answer) => `${answer.status} ${answer.body}`));

		/** The limit counts per fixed clock hour: a flood is not sent across an hour's end (waits at most a minute). */
		async function notAcrossAnHour() {
			const left = 3_600_000 - (Date.now() % 3_600_000);
			if (left < 60_000) await sleep(left + 1_000);
			return Math.floor(Date.now() / 3_600_000) * 3_600_000;
		}

		/**
		 * After the requests under test: one valid, distinct event through each webhook process (its
		 * execution is written after those of the requests that process received before), then the
		 * workflow's executions since `before` besides the sentinels', once those have finished and
		 * nothing is open. Each was started by `trigger` (the workflow's other triggers got nothing).
		 */
		async function executionsAfterSentinels(trigger: NotProcessedTrigger, before: number) {
			const sentinels = [0, 1].map(() => npEvent());
			for (const [processIndex, body] of sentinels.entries()) {
				const answer = await postTo(processIndex, trigger.webhookId, signed(body));
				expect(`${answer.status} ${answer.body}`).toBe('200 {"received":true}');
			}
			const deadline = Date.now() + 120_000;
			for (;;) {
				const rows = topology.executions(WORKFLOW_ID).slice(before);
				if (
					!rows.some((row) => !['success', 'error', 'crashed', 'canceled'].includes(row.status))
				) {
					const ids = topology
						.executionEventIds(WORKFLOW_ID, trigger.name)
						.map((execution) => execution.eventId);
					if (sentinels.every((body) => ids.includes(body.id))) break;
				}
				if (Date.now() > deadline)
					throw new Error(`the sentinels' executions did not finish: ${JSON.stringify(rows)}`);
				await sleep(200);
			}
			const executions = (await topology.settledExecutions(WORKFLOW_ID, { quietMs: 1_000 }))
				.slice(before)
				.map(withOutputs);
			expect(
				executions.filter((execution) => execution.outputs[trigger.name] === undefined),
			).toEqual([]);
			const sentinelIds = sentinels.map((body) => body.id);
			const isSentinel = (execution: (typeof executions)[number]) =>
				sentinelIds.includes(execution.outputs[trigger.name][0]?.[0]?._ats?.eventId);
			expect(executions.filter(isSentinel)).toHaveLength(2);
			return executions.filter((execution) => !isSentinel(execution));
		}

		/** A forged flood split across both webhook processes at once: the answers, and which process got each body (by digest). */
		async function forgedFlood(trigger: NotProcessedTrigger) {
			const requests = Array.from({ length: FLOOD }, (_, n) => ({
				processIndex: n % 2,
				request: signed(npEvent(), true),
			}));
			const processOf = new Map(
				requests.map(({ processIndex, request }) => [sha256(request.payload), processIndex]),
			);
			const answers = await Promise.all(
				requests.map(({ processIndex, request }) =>
					postTo(processIndex, trigger.webhookId, request),
				),
			);
			return { answers, processOf };
		}

		/** Each a successful webhook execution, run on a worker, with one rejected item on output 2 only; counted per webhook process and worker. */
		function expectRejectedItems(
			trigger: NotProcessedTrigger,
			executions: Array<ReturnType<typeof withOutputs>>,
			processOf: Map<string, number>,
		) {
			const ranOn = topology.workerExecutions();
			const perProcess = [0, 0];
			const perWorker = [0, 0];
			for (const execution of executions) {
				const outputs = execution.outputs[trigger.name];
				expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
				expect(ranOn.has(Number(execution.id))).toBe(true);
				expect(outputs[0]).toEqual([]);
				expect(outputs[1]).toEqual([
					expect.objectContaining({
						outcome: 'rejected',
						status: 401,
						reason: 'signature mismatch',
						verified: false,
						vendor: 'kombo',
						trigger: trigger.name,
						suppressedSinceLast: 0,
					}),
				]);
				expect(execution.outputs['Not Processed'][0]).toEqual(outputs[1]);
				expect(processOf.has(outputs[1][0].bodySha256)).toBe(true);
				perProcess[processOf.get(outputs[1][0].bodySha256)!]++;
				perWorker[ranOn.get(Number(execution.id))!]++;
			}
			return { perProcess, perWorker };
		}

		it(`Redis store: a forged flood of ${FLOOD} split across both webhook processes at once → all 401, exactly ${NP_LIMIT} executions in total`, async () => {
			const trigger = NP_TRIGGERS.floodRedis;
			const windowStart = await notAcrossAnHour();
			const before = await settledCount();
			const { answers, processOf } = await forgedFlood(trigger);
			expect(answersOf(answers)).toEqual(ALL_401);
			const executions = await executionsAfterSentinels(trigger, before);
			expect(executions).toHaveLength(NP_LIMIT);
			const { perProcess, perWorker } = expectRejectedItems(trigger, executions, processOf);
			// The count on Redis: every forged request counted, the ones past the limit kept for the next item.
			const key = (slot: string) =>
				`n8n-ats-dedupe:${WORKFLOW_ID}:node-${trigger.webhookId}:not-processed:${slot}`;
			const counted = Number(topology.redisCommand('GET', key(String(windowStart))));
			const suppressed = Number(topology.redisCommand('GET', key('suppressed')));
			console.log(
				`queue not-processed flood, Redis store ${JSON.stringify({ requests: FLOOD, answered401: answers.filter((a) => a.status === 401).length, executions: executions.length, itemsPerWebhookProcess: perProcess, executionsPerWorker: perWorker, countedOnRedis: counted, suppressedOnRedis: suppressed })}`,
			);
			expect(counted).toBe(FLOOD);
			expect(suppressed).toBe(FLOOD - NP_LIMIT);
		});

		it('Redis store: a redelivery sent to the other webhook process → a duplicate item on output 2; the event ran once', async () => {
			const trigger = NP_TRIGGERS.redelivery;
			const before = await settledCount();
			const body = npEvent();
			const request = signed(body);
			const first = await postTo(0, trigger.webhookId, request);
			expect(`${first.status} ${first.body}`).toBe('200 {"received":true}');
			const [original] = (
				await topology.settledExecutions(WORKFLOW_ID, { atLeast: before + 1, quietMs: 300 })
			)
				.slice(before)
				.map(withOutputs);
			expect(original).toMatchObject({ status: 'success', mode: 'webhook' });
			expect(original.outputs[trigger.name][0]).toEqual([expect.objectContaining({ id: body.id })]);
			expect(original.outputs[trigger.name][1]).toEqual([]);
			expect(original.outputs['Not Processed']).toBeUndefined();
			const deliveryKey = original.outputs[trigger.name][0][0]._ats.deliveryKey;

			const again = await postTo(1, trigger.webhookId, request);
			expect(`${again.status} ${again.body}`).toBe('200 {"received":true,"duplicate":true}');
			const executions = await executionsAfterSentinels(trigger, before);
			const ranTheEvent = executions.filter((execution) =>
				execution.outputs[trigger.name][0].some((item) => item.id === body.id),
			);
			expect(ranTheEvent.map((execution) => execution.id)).toEqual([original.id]);
			const dropped = executions.filter((execution) => execution.id !== original.id);
			expect(dropped).toHaveLength(1);
			expect(dropped[0]).toMatchObject({ status: 'success', mode: 'webhook' });
			expect(topology.workerExecutions().has(Number(dropped[0].id))).toBe(true);
			expect(dropped[0].outputs[trigger.name][0]).toEqual([]);
			expect(dropped[0].outputs[trigger.name][1]).toEqual([
				expect.objectContaining({
					outcome: 'duplicate',
					status: 200,
					verified: true,
					deliveryKey,
					eventId: body.id,
					bodySha256: sha256(request.payload),
					suppressedSinceLast: 0,
				}),
			]);
			expect(dropped[0].outputs['Not Processed'][0]).toEqual(dropped[0].outputs[trigger.name][1]);
		});

		it(`memory store (the documented limit): the same flood → all 401, ${NP_LIMIT} executions per webhook process, ${2 * NP_LIMIT} in total`, async () => {
			const trigger = NP_TRIGGERS.floodMemory;
			await notAcrossAnHour();
			const before = await settledCount();
			const { answers, processOf } = await forgedFlood(trigger);
			expect(answersOf(answers)).toEqual(ALL_401);
			const executions = await executionsAfterSentinels(trigger, before);
			const { perProcess, perWorker } = expectRejectedItems(trigger, executions, processOf);
			console.log(
				`queue not-processed flood, memory store ${JSON.stringify({ requests: FLOOD, answered401: answers.filter((a) => a.status === 401).length, executions: executions.length, itemsPerWebhookProcess: perProcess, executionsPerWorker: perWorker })}`,
			);
			// Each webhook process counts its own hour (20 requests each here): the limit holds per process, not per trigger.
			expect(perProcess).toEqual([NP_LIMIT, NP_LIMIT]);
			expect(executions).toHaveLength(2 * NP_LIMIT);
		});
	});
});
