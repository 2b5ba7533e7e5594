/**
 * Redelivery dedupe, through the triggers' real webhook handler and execute step (n8n-core's
 * WebhookContext and ExecuteContext) and, for the shared store, a real redis-server. Each
 * numbered block is one failure of the earlier design (issue "Dedupe that holds wherever n8n
 * runs").
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import { Redis } from 'ioredis';

import { KiniTrigger } from '../../nodes/KiniTrigger/KiniTrigger.node';
import { KnitTrigger } from '../../nodes/KnitTrigger/KnitTrigger.node';
import { KomboTrigger } from '../../nodes/KomboTrigger/KomboTrigger.node';
import {
	DURABLE_SAVE_INTERVAL_MS,
	DURABLE_SLOTS,
	MemoryDedupeStore,
	STATIC_KEY,
	UNCONFIRMED_CLAIM_MS,
	existingMemoryStore,
	forgetMemoryStores,
	memoryStoreFor,
	saveDurableCopy,
} from '../../nodes/shared/dedupeMemory';
import { redisConnectionTest } from '../../nodes/shared/dedupe';
import { REDIS_KEY_PREFIX, closeRedisClients } from '../../nodes/shared/dedupeRedis';
import { credentialsOf, kitOf, signing } from '../support/vendors';
import { callWebhook, executeTrigger, triggerNode, workflowOf } from '../support/context';

const { startRedis } = require('../support/redis');

const SECRET = 'unit-test-secret-value';
const HOUR = 3_600_000;
let sequence = 0;

function signed(key: string, body: Record<string, unknown>, nowMs = Date.now()) {
	const rawBody = JSON.stringify(body);
	return {
		rawBody,
		headers: {
			'content-type': 'application/json',
			...kitOf(key).sign(rawBody, credentials(key), nowMs),
		},
	};
}

const freshEvent = (key: string, eventType: string) =>
	signing.sampleEvent(key, eventType, ++sequence, Date.now());

const komboEvent = () => freshEvent('kombo', 'ai-apply-application-status-updated');
const credentials = (key: string) => credentialsOf(kitOf(key), SECRET);

/** One production delivery to a trigger of a fresh one-node workflow (or of `workflowId`'s). */
async function deliver(
	nodeType: INodeType,
	key: string,
	body: Record<string, unknown>,
	{
		workflowId = `wf-${++sequence}`,
		parameters = {},
		mode = 'webhook' as 'webhook' | 'manual',
		staticData = {} as IDataObject,
	} = {},
) {
	return await callWebhook(nodeType, {
		...signed(key, body),
		credentials: credentials(key),
		parameters,
		workflowId,
		mode,
		staticData,
	});
}

const ran = (call: { items: INodeExecutionData[] }) => call.items.length === 1;

let now = Date.parse('2026-11-24T12:00:00Z');
beforeEach(() => {
	forgetMemoryStores();
	now += 10 * 24 * HOUR;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => jest.restoreAllMocks());

describe('single n8n, in-process store', () => {
	it('drops a redelivery of one event and confirms it in the execute step for the whole window', async () => {
		const trigger = new KomboTrigger();
		const event = komboEvent();
		const first = await deliver(trigger, 'kombo', event, { workflowId: 'wf-a' });
		expect(ran(first)).toBe(true);
		await executeTrigger(trigger, first.workflow, first.items);
		now += 23 * HOUR; // confirmed: blocks for the 24 h window
		const again = await deliver(trigger, 'kombo', event, { workflowId: 'wf-a' });
		expect(again.result.webhookResponse).toEqual({ received: true, duplicate: true });
		now += 2 * HOUR;
		expect(ran(await deliver(trigger, 'kombo', event, { workflowId: 'wf-a' }))).toBe(true);
	});

	it('an unconfirmed claim (the execution was never created) stops blocking after 5 minutes', async () => {
		const trigger = new KomboTrigger();
		const event = komboEvent();
		expect(ran(await deliver(trigger, 'kombo', event, { workflowId: 'wf-b' }))).toBe(true);
		now += UNCONFIRMED_CLAIM_MS - 1;
		expect(ran(await deliver(trigger, 'kombo', event, { workflowId: 'wf-b' }))).toBe(false);
		now += 1;
		expect(ran(await deliver(trigger, 'kombo', event, { workflowId: 'wf-b' }))).toBe(true);
	});

	it('is atomic within the process: 50 concurrent copies of one event start one execution', async () => {
		const trigger = new KomboTrigger();
		const event = komboEvent();
		const calls = await Promise.all(
			Array.from({ length: 50 }, () => deliver(trigger, 'kombo', event, { workflowId: 'wf-c' })),
		);
		expect(calls.filter(ran)).toHaveLength(1);
	});
});

describe('2. editor test deliveries ("Listen for test event")', () => {
	it('never touch production keys and are never answered duplicate', async () => {
		const trigger = new KomboTrigger();
		const event = komboEvent();
		const test1 = await deliver(trigger, 'kombo', event, { workflowId: 'wf-test', mode: 'manual' });
		await executeTrigger(trigger, test1.workflow, test1.items, { mode: 'manual' });
		const test2 = await deliver(trigger, 'kombo', event, { workflowId: 'wf-test', mode: 'manual' });
		expect([ran(test1), ran(test2)]).toEqual([true, true]);
		expect(existingMemoryStore('wf-test', 'trigger-node')).toBeUndefined();
		expect(test2.workflow.staticData).toEqual({});
		const production = await deliver(trigger, 'kombo', event, { workflowId: 'wf-test' });
		expect(ran(production)).toBe(true);
		expect(ran(await deliver(trigger, 'kombo', event, { workflowId: 'wf-test' }))).toBe(false);
	});
});

describe('2. manual executions and the durable copy', () => {
	it("a test execution just before does not stop a production execution's key from surviving a restart", async () => {
		const trigger = new KomboTrigger();
		// The editor's test run: n8n never saves static data of manual runs.
		const manual = await deliver(trigger, 'kombo', komboEvent(), {
			workflowId: 'wf-test-copy',
			mode: 'manual',
		});
		await executeTrigger(trigger, manual.workflow, manual.items, { mode: 'manual' });
		// Production, seconds later: delivered and executed, then a later request writes the copy.
		const workflow = workflowOf('wf-test-copy', [[triggerNode(trigger), trigger]]);
		const production = komboEvent();
		now += 2_000;
		const call = await callWebhook(trigger, {
			...signed('kombo', production),
			credentials: credentials('kombo'),
			workflow,
		});
		expect(ran(call)).toBe(true);
		await executeTrigger(trigger, workflow, call.items);
		now += DURABLE_SAVE_INTERVAL_MS;
		await callWebhook(trigger, {
			...signed('kombo', komboEvent()),
			credentials: credentials('kombo'),
			workflow,
		});
		forgetMemoryStores();
		const restarted = workflowOf(
			'wf-test-copy',
			[[triggerNode(trigger), trigger]],
			JSON.parse(JSON.stringify(workflow.staticData)),
		);
		expect(
			ran(
				await callWebhook(trigger, {
					...signed('kombo', production),
					credentials: credentials('kombo'),
					workflow: restarted,
				}),
			),
		).toBe(false);
	});
});

describe('3. several triggers in one workflow', () => {
	const kombo = new KomboTrigger();
	const knit = new KnitTrigger();
	const nodes = () => {
		const a = triggerNode(kombo, {}, 'Kombo A', 'node-a');
		const b = triggerNode(kombo, {}, 'Kombo B', 'node-b');
		const k = triggerNode(
			knit,
			{ registerWebhook: true, integrationId: 'int-1' },
			'Knit',
			'node-k',
		);
		return [a, b, k];
	};

	it("requests write no static data; the execute step writes only the ATS copy, and each write carries every trigger's keys", async () => {
		const [a, b, k] = nodes();
		const knitSection = {
			knitSyncJobId: 'sj_42',
			knitDestination: 'http://127.0.0.1/webhook/x/webhook',
		};
		const workflow = workflowOf(
			'wf-three',
			[
				[a, kombo],
				[b, kombo],
				[k, knit],
			],
			{ 'node:Knit': { ...knitSection } },
		);
		const send = (nodeName: string, body: Record<string, unknown>, key = 'kombo') =>
			callWebhook(nodeName === 'Knit' ? knit : kombo, {
				...signed(key, body),
				credentials: credentials(key),
				workflow,
				nodeName,
			});
		const toA = await send('Kombo A', komboEvent());
		const toB = await send('Kombo B', komboEvent());
		const toKnit = await send('Knit', freshEvent('knit', 'record.new'), 'knit');
		expect([toA, toB, toKnit].map(ran)).toEqual([true, true, true]);
		// The webhook handler writes nothing (n8n would drop it anyway once it starts the execution).
		expect(workflow.staticData.__dataChanged).toBe(false);
		expect(JSON.parse(JSON.stringify(workflow.staticData))).toEqual({
			global: {},
			'node:Knit': knitSection,
		});

		// The execute steps (inside the executions) confirm; one of them writes the copy of all three.
		await executeTrigger(kombo, workflow, toA.items, { nodeName: 'Kombo A' });
		await executeTrigger(kombo, workflow, toB.items, { nodeName: 'Kombo B' });
		await executeTrigger(knit, workflow, toKnit.items, { nodeName: 'Knit' });
		now += DURABLE_SAVE_INTERVAL_MS;
		const toA2 = await send('Kombo A', komboEvent());
		await executeTrigger(kombo, workflow, toA2.items, { nodeName: 'Kombo A' });
		expect(workflow.staticData['node:Knit']).toEqual(knitSection);
		const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		expect(Object.keys(saved).sort()).toEqual(['global', 'node:Knit']);
		expect(Object.keys((saved.global as IDataObject)[STATIC_KEY] as IDataObject).sort()).toEqual([
			'node-a',
			'node-b',
			'node-k',
		]);
		for (const nodeCopy of Object.values((saved.global as IDataObject)[STATIC_KEY] as IDataObject))
			expect(String(nodeCopy)).toMatch(/,c( |$)/);

		// After a restart, each trigger drops its own events again.
		forgetMemoryStores();
		const restarted = workflowOf(
			'wf-three',
			[
				[a, kombo],
				[b, kombo],
				[k, knit],
			],
			JSON.parse(JSON.stringify(workflow.staticData)),
		);
		const resend = (nodeName: string, call: typeof toA, key = 'kombo') =>
			callWebhook(nodeName === 'Knit' ? knit : kombo, {
				rawBody: call.items[0] ? JSON.stringify(withoutMetadata(call.items[0].json)) : '',
				headers: signed(key, withoutMetadata(call.items[0].json)).headers,
				credentials: credentials(key),
				workflow: restarted,
				nodeName,
			});
		expect(ran(await resend('Kombo A', toA))).toBe(false);
		expect(ran(await resend('Kombo B', toB))).toBe(false);
		expect(ran(await resend('Knit', toKnit, 'knit'))).toBe(false);
		expect(ran(await resend('Kombo B', toA))).toBe(true); // keys are per trigger
	});
});

function withoutMetadata(json: IDataObject): Record<string, unknown> {
	const body: Record<string, unknown> = { ...json };
	delete body._ats;
	return body;
}

describe('4. restarts', () => {
	it(`the newest ${DURABLE_SLOTS.toLocaleString('en-US')} confirmed events survive a restart; older ones do not`, async () => {
		const staticData: IDataObject = {};
		const store = memoryStoreFor('wf-restart', 'node', staticData);
		const identity = (n: number) => ({ slot: `event-${n}`, fingerprint: `event-${n}` });
		const count = DURABLE_SLOTS + 500;
		for (let n = 0; n < count; n++) {
			store.claim(identity(n), now + n, 24 * HOUR);
			store.confirm(identity(n));
		}
		now += count;
		expect(saveDurableCopy('wf-restart', staticData, now)).toBe(true);
		forgetMemoryStores();
		const restarted = memoryStoreFor('wf-restart', 'node', JSON.parse(JSON.stringify(staticData)));
		const oldestKept = count - DURABLE_SLOTS;
		expect(restarted.claim(identity(oldestKept), now, 24 * HOUR)).toBe(false);
		expect(restarted.claim(identity(count - 1), now, 24 * HOUR)).toBe(false);
		expect(restarted.claim(identity(oldestKept - 1), now, 24 * HOUR)).toBe(true);
	});

	it('a claim whose execution had not started when the copy was written blocks only 5 minutes after a restart', async () => {
		const staticData: IDataObject = {};
		const store = memoryStoreFor('wf-restart-u', 'node', staticData);
		const done = { slot: 'done', fingerprint: 'done' };
		const pending = { slot: 'pending', fingerprint: 'pending' };
		store.claim(done, now, 24 * HOUR);
		store.confirm(done);
		store.claim(pending, now, 24 * HOUR);
		saveDurableCopy('wf-restart-u', staticData, now);
		forgetMemoryStores();
		now += UNCONFIRMED_CLAIM_MS;
		const restarted = memoryStoreFor(
			'wf-restart-u',
			'node',
			JSON.parse(JSON.stringify(staticData)),
		);
		expect(restarted.claim(pending, now, 24 * HOUR)).toBe(true);
		expect(restarted.claim(done, now, 24 * HOUR)).toBe(false);
	});

	it("the durable copy is written by the trigger's execute step, at most once a second", async () => {
		const trigger = new KomboTrigger();
		const first = await deliver(trigger, 'kombo', komboEvent(), { workflowId: 'wf-interval' });
		const written = () =>
			(
				(first.workflow.staticData.global as IDataObject | undefined)?.[STATIC_KEY] as
					| IDataObject
					| undefined
			)?.['trigger-node'];
		expect(written()).toBeUndefined();
		await executeTrigger(trigger, first.workflow, first.items);
		expect(String(written()).split(' ')).toHaveLength(1);
		const again = async () => {
			const call = await callWebhook(trigger, {
				...signed('kombo', komboEvent()),
				credentials: credentials('kombo'),
				workflow: first.workflow,
			});
			await executeTrigger(trigger, first.workflow, call.items);
		};
		await again();
		expect(String(written()).split(' ')).toHaveLength(1); // within the second: not rewritten
		now += DURABLE_SAVE_INTERVAL_MS;
		await again();
		expect(String(written()).split(' ')).toHaveLength(3);
		expect(String(written())).not.toMatch(/,u( |$)/); // every one of them ran
	});

	it('unreadable durable copies are skipped, not fatal', () => {
		const store = new MemoryDedupeStore();
		store.load('a,,5,c broken ,x,1,c b,,y,c c,,7,z d,,8,u');
		expect(store.size).toBe(2);
		for (const unreadable of [undefined, null, 42, {}, [], ''])
			new MemoryDedupeStore().load(unreadable);
	});
});

describe('5. settings', () => {
	it('a changed Redelivery Window applies on the next request', async () => {
		const trigger = new KomboTrigger();
		const event = komboEvent();
		const first = await deliver(trigger, 'kombo', event, {
			workflowId: 'wf-window',
			parameters: { options: { dedupeWindowHours: 24 } },
		});
		await executeTrigger(trigger, first.workflow, first.items);
		now += 2 * HOUR;
		const shorter = await deliver(trigger, 'kombo', event, {
			workflowId: 'wf-window',
			parameters: { options: { dedupeWindowHours: 1 } },
		});
		expect(shorter.result.webhookResponse ?? shorter.response.body).toBeUndefined();
		expect(ran(shorter)).toBe(true);
	});

	it('with Drop Redelivered Events off, neither the handler nor the execute step does any dedupe work', async () => {
		const trigger = new KomboTrigger();
		const event = komboEvent();
		const off = { options: { dedupe: false } };
		const first = await deliver(trigger, 'kombo', event, { workflowId: 'wf-off', parameters: off });
		const second = await deliver(trigger, 'kombo', event, {
			workflowId: 'wf-off',
			parameters: off,
		});
		expect([ran(first), ran(second)]).toEqual([true, true]);
		first.workflow.staticData.__dataChanged = false;
		await executeTrigger(trigger, first.workflow, first.items);
		expect(existingMemoryStore('wf-off', 'trigger-node')).toBeUndefined();
		expect(first.workflow.staticData.__dataChanged).toBe(false);
		expect(JSON.parse(JSON.stringify(second.workflow.staticData))).toEqual({});
	});
	it('switched off after deliveries with it on: the execute step writes no static data', async () => {
		const trigger = new KomboTrigger();
		const on = await deliver(trigger, 'kombo', komboEvent(), { workflowId: 'wf-off-later' });
		await executeTrigger(trigger, on.workflow, on.items); // this process now has the node's store
		const off = { options: { dedupe: false } };
		const call = await deliver(trigger, 'kombo', komboEvent(), {
			workflowId: 'wf-off-later',
			parameters: off,
		});
		expect(ran(call)).toBe(true);
		call.workflow.staticData.__dataChanged = false;
		await executeTrigger(trigger, call.workflow, call.items);
		expect(call.workflow.staticData.__dataChanged).toBe(false);
		expect(JSON.parse(JSON.stringify(call.workflow.staticData))).toEqual({});
	});
});

describe('6. vendors without an event id (Kini)', () => {
	const kini = new KiniTrigger();
	const failure = kitOf('kini').samples.find((sample) => sample.eventType === 'FAILURE')!.body;
	const success = kitOf('kini').samples.find((sample) => sample.eventType === 'SUCCESS')!.body;

	async function run(bodies: Array<Record<string, unknown>>) {
		const outcomes: boolean[] = [];
		for (const body of bodies) {
			const call = await deliver(kini, 'kini', body, { workflowId: 'wf-kini' });
			if (ran(call)) await executeTrigger(kini, call.workflow, call.items);
			outcomes.push(ran(call));
			now += 60_000;
		}
		return outcomes;
	}

	it('the same FAILURE twice in a row runs once', async () => {
		expect(await run([failure, failure])).toEqual([true, false]);
	});

	it('FAILURE → SUCCESS → FAILURE for one application runs three times', async () => {
		expect(await run([failure, success, failure])).toEqual([true, true, true]);
	});

	it('states of different applications do not interfere', async () => {
		expect(await run([failure, { ...failure, application_id: 777 }, failure])).toEqual([
			true,
			true,
			false,
		]);
	});

	it('without an application id there is no subject: A, B, A drops the second A (body digest)', async () => {
		const a = { ...failure, application_id: undefined };
		expect(await run([a, { ...a, status: 'SUCCESS' }, a])).toEqual([true, true, false]);
	});

	it('every dropped delivery is logged at info with vendor, event type and key', async () => {
		const info = jest.spyOn(Container.get(Logger), 'info').mockImplementation(() => undefined);
		const first = await deliver(kini, 'kini', failure, { workflowId: 'wf-kini-log' });
		await deliver(kini, 'kini', failure, { workflowId: 'wf-kini-log' });
		expect(info).toHaveBeenCalledTimes(1);
		expect(info.mock.calls[0][1]).toMatchObject({
			vendor: 'kini',
			eventType: 'FAILURE',
			deliveryKey: (first.items[0].json._ats as IDataObject).deliveryKey,
		});
		expect(JSON.stringify(info.mock.calls)).not.toContain(SECRET);
	});
});

describe('7. plain data only', () => {
	it('static data holds plain strings (no functions, nothing serialised late)', async () => {
		const trigger = new KomboTrigger();
		const call = await deliver(trigger, 'kombo', komboEvent(), { workflowId: 'wf-plain' });
		await executeTrigger(trigger, call.workflow, call.items);
		const staticData: IDataObject = { ...call.workflow.staticData };
		delete staticData.__dataChanged;
		expect(JSON.parse(JSON.stringify(staticData))).toEqual(staticData);
		expect(
			typeof ((staticData.global as IDataObject)[STATIC_KEY] as IDataObject)['trigger-node'],
		).toBe('string');
	});
});

describe('1. queue mode: the Redis store shared by every process', () => {
	let redis: { host: string; port: number; stop(): Promise<void> };
	let client: Redis;
	beforeAll(async () => {
		redis = await startRedis();
		client = new Redis({ host: redis.host, port: redis.port });
	});
	const closers: Array<() => Promise<void>> = [closeRedisClients];
	afterAll(async () => {
		for (const close of closers) await close();
		client.disconnect();
		await redis.stop();
	});

	const redisParameters = { dedupeStore: 'redis' };
	const redisCredential = () => ({
		atsDedupeRedisApi: { host: redis.host, port: redis.port, database: 0 },
	});

	/** A trigger as loaded by another n8n process: its own module instances, its own memory. */
	function triggerInAnotherProcess(): INodeType {
		let Trigger: new () => INodeType = KomboTrigger;
		jest.isolateModules(() => {
			Trigger = require('../../nodes/KomboTrigger/KomboTrigger.node').KomboTrigger;
			closers.push(require('../../nodes/shared/dedupeRedis').closeRedisClients);
		});
		return new Trigger();
	}

	const deliverVia = (trigger: INodeType, event: Record<string, unknown>, workflowId: string) =>
		callWebhook(trigger, {
			...signed('kombo', event),
			credentials: credentials('kombo'),
			otherCredentials: redisCredential(),
			parameters: redisParameters,
			workflowId,
		});

	it("two webhook processes see each other's claims, sequentially and concurrently", async () => {
		const [processA, processB] = [triggerInAnotherProcess(), triggerInAnotherProcess()];
		const event = komboEvent();
		expect(ran(await deliverVia(processA, event, 'wf-q1'))).toBe(true);
		expect(ran(await deliverVia(processB, event, 'wf-q1'))).toBe(false);
		const concurrent = komboEvent();
		const calls = await Promise.all(
			Array.from({ length: 40 }, (_, n) =>
				deliverVia(n % 2 ? processA : processB, concurrent, 'wf-q1'),
			),
		);
		expect(calls.filter(ran)).toHaveLength(1);
	});

	it('the execute step on a worker (a third process) extends the claim to the whole window', async () => {
		const [webhookProcess, worker] = [triggerInAnotherProcess(), triggerInAnotherProcess()];
		const call = await deliverVia(webhookProcess, komboEvent(), 'wf-q2');
		const [key] = await client.keys(`${REDIS_KEY_PREFIX}:wf-q2:*`);
		expect(await client.pttl(key)).toBeLessThanOrEqual(UNCONFIRMED_CLAIM_MS);
		await executeTrigger(worker, call.workflow, call.items, { credentials: redisCredential() });
		expect(await client.pttl(key)).toBeGreaterThan(23 * HOUR);
		// and writes no static data: nothing for a worker's execution to save
		expect(JSON.parse(JSON.stringify(call.workflow.staticData))).toEqual({});
	});

	it('a restart of every process keeps the keys; test deliveries never touch them', async () => {
		const event = komboEvent();
		expect(ran(await deliverVia(triggerInAnotherProcess(), event, 'wf-q3'))).toBe(true);
		const afterRestart = triggerInAnotherProcess();
		expect(ran(await deliverVia(afterRestart, event, 'wf-q3'))).toBe(false);
		const test = await callWebhook(afterRestart, {
			...signed('kombo', event),
			credentials: credentials('kombo'),
			otherCredentials: redisCredential(),
			parameters: redisParameters,
			workflowId: 'wf-q3',
			mode: 'manual',
		});
		expect(ran(test)).toBe(true);
		expect(await client.keys(`${REDIS_KEY_PREFIX}:wf-q3:*`)).toHaveLength(1);
	});

	it('Kini on Redis: a repeat of the current state is dropped, a return to an earlier one is not', async () => {
		const kini = new KiniTrigger();
		const failure = kitOf('kini').samples.find((sample) => sample.eventType === 'FAILURE')!.body;
		const success = kitOf('kini').samples.find((sample) => sample.eventType === 'SUCCESS')!.body;
		const outcomes: boolean[] = [];
		for (const body of [failure, failure, success, failure]) {
			const call = await callWebhook(kini, {
				...signed('kini', body),
				credentials: credentials('kini'),
				otherCredentials: { atsDedupeRedisApi: { host: redis.host, port: redis.port } },
				parameters: redisParameters,
				workflowId: 'wf-q4',
			});
			outcomes.push(ran(call));
		}
		expect(outcomes).toEqual([true, false, true, true]);
	});

	it("the credential's Test button sends PING; an unreachable Redis is an error that does not echo the password", async () => {
		const ok = await redisConnectionTest.call({} as never, {
			id: 'c',
			name: 'r',
			type: 'atsDedupeRedisApi',
			data: { host: redis.host, port: redis.port },
		});
		expect(ok).toMatchObject({ status: 'OK', message: expect.stringContaining('answered PING') });
		const refused = await redisConnectionTest.call({} as never, {
			id: 'c',
			name: 'r',
			type: 'atsDedupeRedisApi',
			data: { host: '127.0.0.1', port: 1, password: 'redis-secret-value' },
		});
		expect(refused.status).toBe('Error');
		expect(JSON.stringify(refused)).not.toContain('redis-secret-value');
	});

	it('when Redis cannot be reached the event runs (never lost, never a 5xx) and a warning is logged', async () => {
		const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		const call = await callWebhook(new KomboTrigger(), {
			...signed('kombo', komboEvent()),
			credentials: credentials('kombo'),
			otherCredentials: {
				atsDedupeRedisApi: { host: '127.0.0.1', port: 1, password: 'redis-secret-value' },
			},
			parameters: redisParameters,
			workflowId: 'wf-q5',
		});
		expect(ran(call)).toBe(true);
		expect(warn).toHaveBeenCalled();
		expect(JSON.stringify(warn.mock.calls)).not.toContain('redis-secret-value');
	});
});
