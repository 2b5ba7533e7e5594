/**
 * The trigger nodes' webhook handlers, run in n8n-core's real WebhookContext: what a vendor
 * gets back and whether an execution would start (workflowData) for each kind of input.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { KeldairHrTrigger } from '../../nodes/KeldairHrTrigger/KeldairHrTrigger.node';
import { KiniTrigger } from '../../nodes/KiniTrigger/KiniTrigger.node';
import { KnitTrigger } from '../../nodes/KnitTrigger/KnitTrigger.node';
import { KomboTrigger } from '../../nodes/KomboTrigger/KomboTrigger.node';
import { DedupeStore, GROUP_SAVE_MS, UNCONFIRMED_CLAIM_MS, dedupeKey, defaultDedupeSettings, durableEntries } from '../../nodes/shared/dedupe';
import { StartupKitTrigger } from '../../nodes/StartupKitTrigger/StartupKitTrigger.node';
import { vendors } from '../../nodes/vendors';
import { callWebhook, executeTrigger } from '../support/context';

const SECRET = 'unit-test-secret-value';
const triggers: Array<[string, INodeType, string]> = [
	['kini', new KiniTrigger(), 'FAILURE'],
	['startupKit', new StartupKitTrigger(), 'application.advanced'],
	['keldairHr', new KeldairHrTrigger(), 'applicant.hired'],
	['knit', new KnitTrigger(), 'record.new'],
	['kombo', new KomboTrigger(), 'ai-apply-application-status-updated'],
];
let sequence = 0;

function signed(key: string, eventType: string, overrides: { body?: unknown; secret?: string } = {}) {
	const vendor = vendors[key];
	const nowMs = Date.now();
	const body =
		overrides.body ?? vendor.freshSample(vendor.samples.find((s) => s.eventType === eventType)!, ++sequence, nowMs);
	const rawBody = JSON.stringify(body);
	const credentials = { [vendor.secretField]: overrides.secret ?? SECRET, signatureHeader: 'X-Signature' };
	return { rawBody, headers: { 'content-type': 'application/json', ...vendor.sign(rawBody, credentials, nowMs) } };
}

const credentialsFor = (key: string) => ({ [vendors[key].secretField]: SECRET, signatureHeader: 'X-Signature' });
const keysOf = (durableCopy: unknown) => durableEntries(durableCopy).map(([key]) => key);
const baseParameters = (key: string) => (key === 'keldairHr' ? { authentication: 'signature' } : {});

describe.each(triggers)('%s trigger', (key, nodeType, eventType) => {
	const call = (request: { rawBody: string; headers: Record<string, string> }, parameters = {}, workflowId?: string) =>
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
		expect(items[0].json._ats).toMatchObject({ vendor: key, eventType, verified: true, valid: true, issues: [] });
	});

	it('answers 401 and starts nothing for a forged signature', async () => {
		const { result, response } = await call(signed(key, eventType, { secret: 'not-the-secret' }));
		expect(response.statusCode).toBe(401);
		expect(response.body).toMatchObject({ error: 'unauthorized' });
		expect(result.workflowData).toBeUndefined();
		expect(JSON.stringify(response.body)).not.toContain(SECRET);
	});

	it('answers 401 when the signature or key is missing', async () => {
		const request = signed(key, eventType);
		const { response, result } = await call({ rawBody: request.rawBody, headers: { 'content-type': 'application/json' } });
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
		const other = vendors[key].samples.find((sample) => sample.eventType !== eventType && sample.eventType !== vendors[key].testEventType)!;
		const events = key === 'keldairHr' ? eventType : [eventType];
		const { result } = await call(signed(key, other.eventType), { events });
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ received: true, ignored: 'event type not selected' });
		const selected = await call(signed(key, eventType), { events });
		expect(selected.items).toHaveLength(1);
	});

	it('accepts and flags an authentic payload that does not match the schema', async () => {
		const vendor = vendors[key];
		const sample = vendor.freshSample(vendor.samples[0], ++sequence, Date.now());
		const typeField = { kini: 'status', startupKit: 'event', keldairHr: 'type', knit: 'eventType', kombo: 'type' }[key]!;
		const body = { ...sample, [typeField]: key === 'keldairHr' ? 'Brand New Type' : 'brand.new.type' };
		const { items, response } = await call(signed(key, eventType, { body }));
		expect(response.headers['content-type']).toMatch(/^application\/json/);
		expect(items).toHaveLength(1);
		expect(items[0].json._ats).toMatchObject({ valid: false });
		expect((items[0].json._ats as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
	});

	it('answers 400 (no 5xx, no execution) for a signed body that is not JSON', async () => {
		const vendor = vendors[key];
		const rawBody = 'not json at all';
		const headers = vendor.sign(rawBody, credentialsFor(key), Date.now());
		const { response, result } = await call({ rawBody, headers });
		expect(response.statusCode).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('vendor specifics', () => {
	it('StartupKit answers test.ping without an execution unless asked', async () => {
		const request = signed('startupKit', 'test.ping');
		const quiet = await callWebhook(new StartupKitTrigger(), { ...request, credentials: credentialsFor('startupKit'), workflowId: 'wf-ping-1' });
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
		const vendor = vendors.startupKit;
		const staleMs = Date.now() - 600_000;
		const rawBody = JSON.stringify(vendor.freshSample(vendor.samples[0], 1, staleMs));
		const headers = vendor.sign(rawBody, credentialsFor('startupKit'), staleMs);
		const { response, result } = await callWebhook(new StartupKitTrigger(), { rawBody, headers, credentials: credentialsFor('startupKit') });
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ error: 'unauthorized', reason: 'timestamp outside the tolerance window' });
		expect(result.workflowData).toBeUndefined();
	});

	it('KeldairHR without authentication accepts unsigned events, marked unverified, and never reads credentials', async () => {
		const rawBody = JSON.stringify(vendors.keldairHr.freshSample(vendors.keldairHr.samples[1], 1, Date.now()));
		const { items, credentialsRequested } = await callWebhook(new KeldairHrTrigger(), { rawBody, headers: {} });
		expect(items).toHaveLength(1);
		expect(items[0].json._ats).toMatchObject({ verified: false, valid: true });
		expect(credentialsRequested).toEqual([]);
	});

	it('KeldairHR event patterns: resource.* selects a whole resource', async () => {
		const rawBody = JSON.stringify(vendors.keldairHr.freshSample(vendors.keldairHr.samples[3], 1, Date.now()));
		const run = (events: string) => callWebhook(new KeldairHrTrigger(), { rawBody, headers: {}, parameters: { events, options: { dedupe: false } } });
		expect((await run('onboarding.*')).items).toHaveLength(1);
		expect((await run('applicant.*, job.closed')).items).toHaveLength(0);
	});

	it('Kini dedupes on a digest of the body (it sends no event id)', async () => {
		const body = vendors.kini.samples[1].body;
		const request = signed('kini', 'FAILURE', { body });
		const run = () => callWebhook(new KiniTrigger(), { ...request, credentials: credentialsFor('kini'), workflowId: 'wf-kini-digest' });
		expect((await run()).items).toHaveLength(1);
		expect((await run()).items).toHaveLength(0);
		const changed = signed('kini', 'FAILURE', { body: { ...body, failure_error: 'another error' } });
		const third = await callWebhook(new KiniTrigger(), { ...changed, credentials: credentialsFor('kini'), workflowId: 'wf-kini-digest' });
		expect(third.items).toHaveLength(1);
	});

	it('dedupe survives a restart through static data (a new process hydrates from it)', async () => {
		const staticData = {};
		const before = new DedupeStore(defaultDedupeSettings);
		before.hydrateOnce(staticData, 1_000);
		expect(before.claim('k1', 1_000)).toBe(true);
		before.confirm(['k1']);
		before.persist(staticData, 1_000);
		const after = new DedupeStore(defaultDedupeSettings);
		after.hydrateOnce(JSON.parse(JSON.stringify(staticData)), 2_000);
		expect(after.claim('k1', 2_000)).toBe(false);
		expect(after.claim('k2', 2_000)).toBe(true);
	});

	it('dedupe is bounded in size and age', async () => {
		const store = new DedupeStore({ windowMs: 1_000, maxEntries: 3, persistedEntries: 2 });
		for (const key of ['a', 'b', 'c', 'd']) expect(store.claim(key, 0)).toBe(true);
		expect(store.size).toBe(3);
		expect(store.claim('a', 10)).toBe(true); // evicted by size
		expect(store.claim('d', 10)).toBe(false);
		expect(store.claim('d', 1_500)).toBe(true); // expired by age
		expect(store.size).toBe(1);
		for (const key of ['e', 'f']) store.claim(key, 1_500);
		store.confirm(['d', 'e', 'f']);
		const staticData: IDataObject = {};
		store.persist(staticData, 1_500);
		expect(keysOf(JSON.parse(JSON.stringify(staticData)).atsDedupe)).toEqual(['e', 'f']); // the newest two
	});

	it('the durable copy is one string, read back oldest first, unreadable parts skipped', async () => {
		const store = new DedupeStore(defaultDedupeSettings);
		store.claim('0f1e2d', 5_000);
		store.claim('a:b', 7_000);
		store.confirm(['0f1e2d', 'a:b']);
		const staticData: IDataObject = {};
		store.persist(staticData, 7_000);
		const saved = JSON.parse(JSON.stringify(staticData)).atsDedupe;
		expect(saved).toBe('0f1e2d@5 a:b@7');
		expect(durableEntries(`${saved} @9 broken x@y`)).toEqual([['0f1e2d', 5], ['a:b', 7]]);
		for (const unreadable of [undefined, null, 42, {}, [], '']) expect(durableEntries(unreadable)).toEqual([]);
	});

	it('the durable copy holds the keys known when n8n saves, not when the request claimed', async () => {
		// Execution A claims and gets the copy; B claims later while A's copy is still unsaved,
		// so B writes nothing (one database write instead of two). A is saved last (n8n: last
		// save wins) and must hold B's key.
		const store = new DedupeStore(defaultDedupeSettings);
		const staticDataOfA: IDataObject = {};
		const staticDataOfB: IDataObject = {};
		store.claim('a', 1_000);
		store.confirm(['a']);
		expect(store.persist(staticDataOfA, 1_000).copied).toBe(true);
		store.claim('b', 1_001);
		store.confirm(['b']);
		expect(store.persist(staticDataOfB, 1_001).copied).toBe(false);
		expect(staticDataOfB).toEqual({});
		const savedLast = JSON.parse(JSON.stringify(staticDataOfA));
		expect(keysOf(savedLast.atsDedupe)).toEqual(['a', 'b']);
		const restarted = new DedupeStore(defaultDedupeSettings);
		restarted.hydrateOnce(savedLast, 2_000);
		expect(restarted.claim('b', 2_000)).toBe(false);
	});

	it('the durable copy holds only claims whose execution ran, so a retry after a restart runs the others', async () => {
		// n8n can accept a delivery and exit before creating its execution (SIGTERM while it is
		// being created); a copy saved by another execution must not make the retry a duplicate.
		const store = new DedupeStore(defaultDedupeSettings);
		const staticData: IDataObject = {};
		store.claim('ran', 1_000);
		store.claim('never-created', 1_000);
		store.confirm(['ran', 'not-claimed-here']);
		store.persist(staticData, 1_000);
		const saved = JSON.parse(JSON.stringify(staticData));
		expect(keysOf(saved.atsDedupe)).toEqual(['ran']);
		const restarted = new DedupeStore(defaultDedupeSettings);
		restarted.hydrateOnce(saved, 2_000);
		expect(restarted.claim('ran', 2_000)).toBe(false);
		expect(restarted.claim('never-created', 2_000)).toBe(true);
	});

	it('an unconfirmed claim drops redeliveries for a while, then lets a retry run; a confirmed one keeps dropping', async () => {
		const store = new DedupeStore(defaultDedupeSettings);
		expect(store.claim('stuck', 0)).toBe(true);
		expect(store.claim('ran', 0)).toBe(true);
		store.confirm(['ran']);
		expect(store.claim('stuck', UNCONFIRMED_CLAIM_MS - 1)).toBe(false); // still being created
		expect(store.claim('stuck', UNCONFIRMED_CLAIM_MS)).toBe(true); // never created: run the retry
		expect(store.claim('stuck', UNCONFIRMED_CLAIM_MS + 1)).toBe(false);
		expect(store.claim('ran', UNCONFIRMED_CLAIM_MS + 1)).toBe(false);
		expect(store.size).toBe(2);
	});

	it('hands out a new copy once the pending one is saved, or presumed lost after 30 s', async () => {
		const store = new DedupeStore(defaultDedupeSettings, () => 1_500);
		const first: IDataObject = {};
		expect(store.persist(first, 0).copied).toBe(true);
		expect(store.persist({}, 1_000).copied).toBe(false);
		JSON.stringify(first); // n8n saves the first execution's static data
		expect(store.persist({}, 2_000).copied).toBe(true);
		expect(store.persist({}, 20_000).copied).toBe(false); // that one is still pending
		expect(store.persist({}, 32_001).copied).toBe(true); // never saved: its execution died
	});

	it('under traffic the copy is held for a moment so one write covers the executions meanwhile', async () => {
		let clock = 0;
		const store = new DedupeStore(defaultDedupeSettings, () => clock);
		const quiet: IDataObject = {};
		expect(store.persist(quiet, 0)).toEqual({ copied: true, holdMs: 0 }); // nothing saved recently: no wait
		clock = 10;
		JSON.stringify(quiet);
		const busy: IDataObject = {};
		expect(store.persist(busy, 10 + GROUP_SAVE_MS - 1)).toEqual({ copied: true, holdMs: GROUP_SAVE_MS });
		store.claim('during-hold', 10 + GROUP_SAVE_MS);
		store.confirm(['during-hold']);
		expect(store.persist({}, 10 + GROUP_SAVE_MS).copied).toBe(false);
		expect(keysOf(JSON.parse(JSON.stringify(busy)).atsDedupe)).toEqual(['during-hold']);
		expect(store.persist({}, 10 + GROUP_SAVE_MS + 1).holdMs).toBe(0); // nothing saved for a while
	});

	it("the trigger's execute step passes items on and writes the dedupe copy n8n saves at execution end", async () => {
		const trigger = new KomboTrigger();
		const request = signed('kombo', 'ai-apply-application-status-updated');
		const call = await callWebhook(trigger, { ...request, credentials: credentialsFor('kombo'), workflowId: 'wf-execute-step' });
		const staticData = () => JSON.parse(JSON.stringify(call.workflow.getStaticData('node', Object.values(call.workflow.nodes)[0])));
		expect(staticData().atsDedupe).toBeUndefined(); // the handler itself no longer writes it
		const output = await executeTrigger(trigger, call.workflow, call.items);
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].json).toEqual(call.items[0].json);
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
		const metadata = call.items[0].json._ats as IDataObject;
		expect(metadata.deliveryKey).toBe(dedupeKey('kombo', metadata.eventId as string, Buffer.from(request.rawBody)));
		expect(keysOf(staticData().atsDedupe)).toEqual([metadata.deliveryKey]);
	});

	it('a delivery whose execution never ran is left out of the copy another execution writes', async () => {
		const trigger = new KomboTrigger();
		const call = (request: { rawBody: string; headers: Record<string, string> }) =>
			callWebhook(trigger, { ...request, credentials: credentialsFor('kombo'), workflowId: 'wf-never-created' });
		const lost = await call(signed('kombo', 'ai-apply-application-status-updated'));
		const ran = await call(signed('kombo', 'ai-apply-application-status-updated'));
		await executeTrigger(trigger, ran.workflow, ran.items);
		const node = Object.values(ran.workflow.nodes)[0];
		const saved = JSON.parse(JSON.stringify(ran.workflow.getStaticData('node', node)));
		expect(keysOf(saved.atsDedupe)).toEqual([(ran.items[0].json._ats as IDataObject).deliveryKey]);
		expect(keysOf(saved.atsDedupe)).not.toContain((lost.items[0].json._ats as IDataObject).deliveryKey);
	});

	it('the execute step leaves an existing durable copy alone in a process that received no webhook', async () => {
		const call = await callWebhook(new KomboTrigger(), {
			rawBody: '{}',
			workflowId: 'wf-execute-elsewhere',
			staticData: {},
		});
		const node = Object.values(call.workflow.nodes)[0];
		// A different workflow id: this process has no dedupe store for it.
		const other = new Workflow({
			id: 'wf-never-received',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: call.workflow.nodeTypes,
			staticData: { [`node:${node.name}`]: { atsDedupe: 'kombo:old-event@1000' } },
		});
		const output = await executeTrigger(new KomboTrigger(), other, [{ json: { a: 1 } }]);
		expect(output[0]).toEqual([{ json: { a: 1 }, pairedItem: { item: 0 } }]);
		expect(JSON.parse(JSON.stringify(other.getStaticData('node', node)))).toEqual({ atsDedupe: 'kombo:old-event@1000' });
	});
});
