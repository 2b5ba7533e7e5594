/**
 * The trigger nodes' webhook handlers, run in n8n-core's real WebhookContext: what a vendor
 * gets back and whether an execution would start (workflowData) for each kind of input.
 */
import type { INodeType } from 'n8n-workflow';

import { KeldairHrTrigger } from '../../nodes/KeldairHrTrigger/KeldairHrTrigger.node';
import { StartupKitTrigger } from '../../nodes/StartupKitTrigger/StartupKitTrigger.node';
import { callWebhook } from '../support/context';
import { credentialsOf, eventsParameter, kitOf, signing, underTest, vendorsUnderTest, withEventType } from '../support/vendors';

const SECRET = 'unit-test-secret-value';
/** Every registry vendor, with the event its generic tests send (see typicalEvent). */
const triggers: Array<[string, INodeType, string]> = vendorsUnderTest.map(({ key, node }) => [key, node, signing.typicalEvent(key)]);
let sequence = 0;

function signed(key: string, eventType: string, overrides: { body?: unknown; secret?: string } = {}) {
	const nowMs = Date.now();
	const body = overrides.body ?? signing.sampleEvent(key, eventType, ++sequence, nowMs);
	const rawBody = JSON.stringify(body);
	const credentials = credentialsOf(kitOf(key), overrides.secret ?? SECRET);
	return { rawBody, headers: { 'content-type': 'application/json', ...kitOf(key).sign(rawBody, credentials, nowMs) } };
}

const credentialsFor = (key: string) => credentialsOf(kitOf(key), SECRET);
const baseParameters = (key: string) => kitOf(key).verifyingParameters ?? {};

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
		const other = kitOf(key).samples.find((sample) => sample.eventType !== eventType && sample.eventType !== underTest(key).vendor.testEventType)!;
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
		const kit = kitOf('startupKit');
		const staleMs = Date.now() - 600_000;
		const rawBody = JSON.stringify(kit.freshSample(kit.samples[0], 1, staleMs));
		const headers = kit.sign(rawBody, credentialsFor('startupKit'), staleMs);
		const { response, result } = await callWebhook(new StartupKitTrigger(), { rawBody, headers, credentials: credentialsFor('startupKit') });
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ error: 'unauthorized', reason: 'timestamp outside the tolerance window' });
		expect(result.workflowData).toBeUndefined();
	});

	it('KeldairHR without authentication accepts unsigned events, marked unverified, and never reads credentials', async () => {
		const rawBody = JSON.stringify(signing.sampleEvent('keldairHr', 'applicant.hired', 1));
		const { items, credentialsRequested } = await callWebhook(new KeldairHrTrigger(), { rawBody, headers: {} });
		expect(items).toHaveLength(1);
		expect(items[0].json._ats).toMatchObject({ verified: false, valid: true });
		expect(credentialsRequested).toEqual([]);
	});

	it('KeldairHR event patterns: resource.* selects a whole resource', async () => {
		const rawBody = JSON.stringify(signing.sampleEvent('keldairHr', 'onboarding.completed', 1));
		const run = (events: string) => callWebhook(new KeldairHrTrigger(), { rawBody, headers: {}, parameters: { events, options: { dedupe: false } } });
		expect((await run('onboarding.*')).items).toHaveLength(1);
		expect((await run('applicant.*, job.closed')).items).toHaveLength(0);
	});
});
