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
import { vendors } from '../../nodes/vendors';
import { credentialsFor, kitFor, post, sampleEvent, signedRequest, typicalEvent } from '../../scripts/signing';
import { runLoad, runWebhookFault, runWorkerKill, streamWorkflow, targetOf } from '../../scripts/reliability';
import { EXPRESSION_ENGINES, expectNoExecutionFor } from '../support/n8n';
import { createQueueTopology } from '../support/queue';
import { TEST_SECRETS, TRIGGER_NAMES, testCredentials, triggerWorkflow } from '../support/workflows';

type Topology = Awaited<ReturnType<typeof createQueueTopology>>;

const LOAD_EVENTS = Number(process.env.ATS_QUEUE_LOAD_EVENTS ?? 1_000);
const FAULT_EVENTS = Number(process.env.ATS_QUEUE_FAULT_EVENTS ?? 600);
const KILL_EVENTS = Number(process.env.ATS_QUEUE_KILL_EVENTS ?? 600);
const WORKER_CONCURRENCY = 10;

// Every registry vendor, sending its typical example; the expected canonical type is the one
// its test kit writes out by hand.
const vendorKeys = Object.keys(vendors);
const EVENTS: Record<string, string> = Object.fromEntries(vendorKeys.map((vendor) => [vendor, typicalEvent(vendor)]));
const EXPECTED_TYPES: Record<string, string> = Object.fromEntries(vendorKeys.map((vendor) => [vendor, kitFor(vendor).expectedTypes[EVENTS[vendor]]]));

describe('queue mode: n8n 2.x main + 2 webhook + 2 worker processes on Postgres and Redis', () => {
	let topology: Topology;
	const workflows = vendorKeys.map((vendor) => triggerWorkflow(vendor, { webhookId: `${vendor}-queue` }));
	const workflowOf = (vendor: string) => workflows[vendorKeys.indexOf(vendor)];
	const pathOf = (vendor: string) => `${workflowOf(vendor).nodes[0].webhookId}/webhook`;
	const stream = streamWorkflow();
	let sequence = 5_000;
	const fresh = (vendor: string) => sampleEvent(vendor, EVENTS[vendor], ++sequence, Date.now() + sequence);
	const secretOf = (vendor: string) => TEST_SECRETS[vendor as keyof typeof TEST_SECRETS];
	const send = (baseUrl: string, vendor: string, body: unknown, options: { tamper?: boolean } = {}) =>
		post(`${baseUrl}/webhook/${pathOf(vendor)}`, signedRequest(vendor, body, credentialsFor(vendor, secretOf(vendor)), options));

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
			(await topology.settledExecutions(workflowOf(vendor).id, { atLeast: before + atLeast })).slice(before);

		it('a valid event through the balancer: 2xx, exactly one successful execution, run on a worker, with the right items', async () => {
			const body = fresh(vendor);
			const answer = await send(topology.baseUrl, vendor, body);
			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.body)).toEqual({ received: true });
			const executions = await newExecutions(1);
			expect(executions).toHaveLength(1);
			expect(executions[0]).toMatchObject({ status: 'success', mode: 'webhook' });
			expect(topology.workerExecutions().has(Number(executions[0].id))).toBe(true);
			const items = topology.executionItems(executions[0].id)!;
			expect(items[TRIGGER_NAMES[vendor as keyof typeof TRIGGER_NAMES]]).toEqual([
				expect.objectContaining({ ...body, _ats: expect.objectContaining({ vendor, verified: true, valid: true }) }),
			]);
			const [normalized] = items['ATS Normalize'];
			expect(normalized).toMatchObject({ source: vendor, sourceType: EVENTS[vendor], type: EXPECTED_TYPES[vendor], valid: true });
			expect(String(normalized.summary)).not.toMatch(/undefined|null/);
		});

		it('a valid event sent straight to each webhook process: one execution each', async () => {
			const answers = [];
			for (const url of topology.webhookUrls) answers.push(await send(url, vendor, fresh(vendor)));
			expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
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
			await expectNoExecutionFor(topology, { workflowId: workflowOf(vendor).id, before, sentinels });
		});
	});

	it('a restart of every n8n process (SIGTERM, start again): each stops gracefully, the triggers answer again, an event runs once', async () => {
		const pidsBefore = topology.processes.map((n8n) => n8n.pid);
		await topology.restartAll();
		for (const n8n of topology.processes) expect(n8n.lastStop).toMatchObject({ killed: false });
		const pidsAfter = topology.processes.map((n8n) => n8n.pid);
		expect(pidsAfter.every((pid, i) => typeof pid === 'number' && pid !== pidsBefore[i])).toBe(true);
		for (const vendor of vendorKeys) await topology.waitForWebhook(pathOf(vendor));
		await topology.waitForWebhook(targetOf(topology, stream).webhookPath);
		const before = (await topology.settledExecutions(workflowOf('knit').id, { quietMs: 300 })).length;
		expect((await send(topology.baseUrl, 'knit', fresh('knit'))).status).toBe(200);
		const executions = (await topology.settledExecutions(workflowOf('knit').id, { atLeast: before + 1 })).slice(before);
		expect(executions.map((execution) => execution.status)).toEqual(['success']);
	});

	it(`load: ${LOAD_EVENTS} distinct events at concurrency 50 through the balancer → 0 lost, 0 duplicated, 0 5xx, both webhook processes and both workers used`, async () => {
		const forwardedBefore = topology.balancer!.counts.perTarget.map((target: { forwarded: number }) => target.forwarded);
		const ranBefore = topology.workerExecutions();
		const result = await runLoad(topology, targetOf(topology, stream), { count: LOAD_EVENTS, concurrency: 50 });
		const forwarded = topology.balancer!.counts.perTarget.map((target: { forwarded: number }, i: number) => target.forwarded - forwardedBefore[i]);
		const perWorker = [0, 0];
		for (const [id, worker] of topology.workerExecutions()) if (!ranBefore.has(id)) perWorker[worker]++;
		console.log(`queue load ${JSON.stringify({ ...result, forwardedPerWebhookProcess: forwarded, executionsPerWorker: perWorker })}`);
		expect(result).toMatchObject({ events: LOAD_EVENTS, acknowledged: LOAD_EVENTS, non2xx: 0, status5xx: 0 });
		expect(result).toMatchObject({ executions: LOAD_EVENTS, failed: 0, lost: 0, duplicated: 0, unexpected: 0 });
		expect(forwarded.every((count: number) => count > 0)).toBe(true);
		expect(perWorker.every((count) => count > 0)).toBe(true);
		expect(perWorker[0] + perWorker[1]).toBe(LOAD_EVENTS);
	});

	it(`a webhook process stopped (SIGTERM) mid-stream of ${FAULT_EVENTS} events, sender retrying → 0 lost, 0 duplicated`, async () => {
		const result = await runWebhookFault(topology, targetOf(topology, stream), { count: FAULT_EVENTS, concurrency: 20, index: 0 });
		console.log(`queue webhook SIGTERM ${JSON.stringify(result)}`);
		expect(result.shutdown).toMatchObject({ killed: false });
		expect(result).toMatchObject({ acknowledged: FAULT_EVENTS, acknowledgedNotByTrigger: 0, status5xx: 0 });
		expect(result).toMatchObject({ executions: FAULT_EVENTS, failed: 0, lost: 0, duplicated: 0, unexpected: 0 });
		// While process 0 was down the other one took the traffic.
		expect(result.forwardedPerProcess[1]).toBeGreaterThan(result.forwardedPerProcess[0]);
	});

	it(`a worker killed (kill -9) mid-stream of ${KILL_EVENTS} events: every acknowledged event accounted for, what n8n did counted`, async () => {
		const result = await runWorkerKill(topology, targetOf(topology, stream), { count: KILL_EVENTS, concurrency: 50, index: 0 });
		console.log(`queue worker kill -9 ${JSON.stringify(result)}`);
		expect(result).toMatchObject({ events: KILL_EVENTS, acknowledged: KILL_EVENTS, status5xx: 0, unexpected: 0 });
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
		expect(result.notSucceeded.filter((execution: { startedOn: string }) => execution.startedOn === 'worker-2')).toEqual([]);
		expect(result.notSucceeded.every((execution: { status: string }) => ['crashed', 'error'].includes(execution.status))).toBe(true);
		// The surviving worker kept running executions after the kill.
		expect(result.executionsPerWorker['worker-2']).toBeGreaterThan(0);
	});

	describe('dedupe across processes (Dedupe Store: Redis, on the Redis queue mode runs on)', () => {
		const redisCredential = () => ({
			id: 'atsDedupeRedis00',
			name: 'ATS dedupe on the queue Redis',
			type: 'atsDedupeRedisApi',
			data: { host: topology.redis.host, port: topology.redis.port, database: 0 },
		});
		const dedupeWorkflow = (id: string, webhookId: string, dedupeStore: 'redis' | 'memory') => {
			const workflow = triggerWorkflow('kombo', { id, webhookId, normalize: false, parameters: { dedupeStore } });
			if (dedupeStore === 'redis') {
				(workflow.nodes[0].credentials as Record<string, { id: string; name: string }>).atsDedupeRedisApi = {
					id: 'atsDedupeRedis00',
					name: 'ATS dedupe on the queue Redis',
				};
			}
			return workflow;
		};
		const shared = dedupeWorkflow('atsQueueDedupeR0', 'kombo-dedupe-redis', 'redis');
		const local = dedupeWorkflow('atsQueueDedupeM0', 'kombo-dedupe-memory', 'memory');
		const deliverTo = (processIndex: number, webhookId: string, body: unknown) =>
			post(`${topology.webhookUrls[processIndex]}/webhook/${webhookId}/webhook`, signedRequest('kombo', body, credentialsFor('kombo', secretOf('kombo'))), 120_000, {
				newConnection: true,
			});
		const events = Array.from({ length: 60 }, (_, n) => sampleEvent('kombo', EVENTS.kombo, 880_000 + n, Date.now() + n));
		const bodiesOf = (answers: Array<{ status: number; body: string }>) => answers.map((answer) => `${answer.status} ${answer.body}`);
		// New events, one through each webhook process, after deliveries that must start nothing.
		let sentinelSequence = 0;
		const sentinels = (webhookId: string) =>
			[0, 1].map((processIndex) => {
				const body = sampleEvent('kombo', EVENTS.kombo, 887_000 + ++sentinelSequence, Date.now());
				return { body, send: () => deliverTo(processIndex, webhookId, body) };
			});

		beforeAll(async () => {
			topology.importCredentials([redisCredential()]);
			topology.importWorkflows([shared, local]);
			await topology.restartAll(); // imported workflows are activated by a (re)start
			for (const workflow of [stream, ...workflows, shared, local]) await topology.waitForWebhook(`${workflow.nodes[0].webhookId}/webhook`);
		});

		it('each of 20 events delivered to both webhook processes one after the other → one execution each', async () => {
			const answers = [];
			for (const body of events.slice(0, 20)) {
				answers.push(await deliverTo(0, 'kombo-dedupe-redis', body));
				answers.push(await deliverTo(1, 'kombo-dedupe-redis', body));
			}
			expect(bodiesOf(answers)).toEqual(events.slice(0, 20).flatMap(() => ['200 {"received":true}', '200 {"received":true,"duplicate":true}']));
			const executions = await expectNoExecutionFor(topology, { workflowId: shared.id, before: 0, sentinels: sentinels('kombo-dedupe-redis'), expected: events.slice(0, 20) });
			expect(executions).toHaveLength(20 + 2);
			expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
		});

		it('each of 40 events delivered to both processes at the same time → one execution each', async () => {
			const batch = events.slice(20);
			const before = (await topology.settledExecutions(shared.id, { quietMs: 300 })).length;
			const answers = await Promise.all(batch.flatMap((body) => [deliverTo(0, 'kombo-dedupe-redis', body), deliverTo(1, 'kombo-dedupe-redis', body)]));
			expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
			expect(answers.filter((answer) => answer.body === '{"received":true}')).toHaveLength(batch.length);
			const executions = await expectNoExecutionFor(topology, { workflowId: shared.id, before, sentinels: sentinels('kombo-dedupe-redis'), expected: batch });
			expect(executions).toHaveLength(batch.length + 2);
			expect(new Set(executions.map((execution) => execution.eventId)).size).toBe(batch.length + 2);
		});

		it('after a restart of every n8n process, all 60 events redelivered to both processes → no new execution', async () => {
			const before = (await topology.settledExecutions(shared.id, { quietMs: 300 })).length;
			await topology.restartAll();
			await topology.waitForWebhook('kombo-dedupe-redis/webhook');
			const answers = await Promise.all(events.flatMap((body) => [deliverTo(0, 'kombo-dedupe-redis', body), deliverTo(1, 'kombo-dedupe-redis', body)]));
			expect(new Set(bodiesOf(answers))).toEqual(new Set(['200 {"received":true,"duplicate":true}']));
			await expectNoExecutionFor(topology, { workflowId: shared.id, before, sentinels: sentinels('kombo-dedupe-redis') });
		});

		it('without Redis (the documented limit): an event delivered once to each of two processes that are running runs twice', async () => {
			// Each process has received this workflow's events before (and read the durable copy then).
			const warmUp = [0, 1].map((n) => sampleEvent('kombo', EVENTS.kombo, 889_990 + n, Date.now()));
			expect(bodiesOf([await deliverTo(0, 'kombo-dedupe-memory', warmUp[0]), await deliverTo(1, 'kombo-dedupe-memory', warmUp[1])])).toEqual([
				'200 {"received":true}',
				'200 {"received":true}',
			]);
			const body = sampleEvent('kombo', EVENTS.kombo, 889_999, Date.now());
			const answers = [await deliverTo(0, 'kombo-dedupe-memory', body), await deliverTo(1, 'kombo-dedupe-memory', body)];
			expect(bodiesOf(answers)).toEqual(['200 {"received":true}', '200 {"received":true}']);
			expect(await topology.settledExecutions(local.id, { atLeast: 4, quietMs: 2_000 })).toHaveLength(4);
		});
	});
});
