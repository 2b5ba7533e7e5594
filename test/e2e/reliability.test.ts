/**
 * Reliability on a real n8n 2.x (packed tarball, SQLite), CI-sized; bigger runs with
 * `npm run load -- --events 10000 [--fault]` or the env vars below.
 * - load: distinct signed events at concurrency 50 → all 2xx, one execution each;
 * - fault: n8n restarted mid-stream while the sender retries through a readiness-gated route
 *   (as behind a load balancer) → one execution each;
 * - redelivery after a restart: answered duplicate from the durable copy, not run again;
 * - fuzz: forged and hostile requests (the unit fuzz generators) → never a 5xx, never the
 *   secret, no execution for a forged request, none lost for an authentic one.
 */
import fc from 'fast-check';

import { dedupeKey } from '../../nodes/shared/dedupe';
import { identityOf } from '../../nodes/shared/redelivery';
import type { VendorDefinition } from '../../nodes/shared/vendor';
import { vendors } from '../../nodes/vendors';
import { credentialsFor, post, sampleEvent, signedRequest } from '../../scripts/signing';
import { STREAM_EVENT, STREAM_VENDOR, runFault, runLoad, streamWorkflow, targetOf } from '../../scripts/reliability';
import { authenticRequest, forgedRequest, type FuzzRequest } from '../support/fuzz';
import { createN8n } from '../support/n8n';
import { kitOf } from '../support/vendors';
import { TEST_SECRETS, testCredentials, triggerWorkflow } from '../support/workflows';

type N8n = Awaited<ReturnType<typeof createN8n>>;

const LOAD_EVENTS = Number(process.env.ATS_LOAD_EVENTS ?? 500);
const FAULT_EVENTS = Number(process.env.ATS_FAULT_EVENTS ?? 240);
const FUZZ_PER_VENDOR = Number(process.env.ATS_E2E_FUZZ ?? 60);
const vendorKeys = Object.keys(vendors);

type Outcome = 'received' | 'duplicate' | 'test ping' | 'not JSON';
/** The answer each authentic request must get from the trigger, in sending order. */
function expectedAnswers(vendor: VendorDefinition, requests: FuzzRequest[]): Outcome[] {
	// Slot → fingerprint, as the trigger keeps them (nodes/shared/dedupe.ts): a delivery is a
	// redelivery when its slot holds its fingerprint.
	const current = new Map<string, string>();
	return requests.map((request) => {
		let body: unknown;
		try {
			body = JSON.parse(request.rawBody.toString('utf8'));
		} catch {
			return 'not JSON';
		}
		if (vendor.testEventType !== undefined && vendor.eventTypeOf(body) === vendor.testEventType) return 'test ping';
		const { slot, fingerprint } = identityOf(vendor, dedupeKey(vendor.key, vendor.eventIdOf(body), request.rawBody), body);
		if (current.get(slot) === fingerprint) return 'duplicate';
		current.set(slot, fingerprint);
		return 'received';
	});
}

/** The trigger's answers by kind; anything else is reported as it came. */
function classifyAnswer({ status, body }: { status: number; body: string }): string {
	if (status === 200 && body === '{"received":true}') return 'received';
	if (status === 200 && body === '{"received":true,"duplicate":true}') return 'duplicate';
	if (status === 200 && body === '{"received":true,"test":true}') return 'test ping';
	// 400 from the trigger, or 422 from n8n's own JSON parser before the trigger runs.
	if (status === 400 || status === 422) return 'not JSON';
	return `${status} ${body.slice(0, 80)}`;
}

/** What fetch can put on the wire at all (HTTP header values are visible ASCII, bounded). */
const sendable = (request: FuzzRequest) =>
	Object.values(request.headers).every((value) => /^[\t\x20-\x7e]*$/.test(value) && value.length <= 8_000);

describe('reliability on a real n8n 2.x', () => {
	let n8n: N8n;
	const stream = streamWorkflow();
	const fuzzWorkflows = vendorKeys.map((vendor) =>
		triggerWorkflow(vendor, { webhookId: `${vendor}-fuzz`, id: `ats${vendor}Fuzz`.padEnd(16, '0').slice(0, 16), normalize: false }),
	);

	beforeAll(async () => {
		n8n = await createN8n('v2');
		n8n.importCredentials(testCredentials());
		n8n.importWorkflows([stream, ...fuzzWorkflows]);
		await n8n.start();
		for (const workflow of [stream, ...fuzzWorkflows]) await n8n.waitForWebhook(targetOf(n8n, workflow).webhookPath);
	});

	afterAll(async () => {
		await n8n?.stop();
	});

	it(`load: ${LOAD_EVENTS} distinct signed events at concurrency 50 → 0 lost, 0 duplicated, 0 non-2xx`, async () => {
		const result = await runLoad(n8n, targetOf(n8n, stream), { count: LOAD_EVENTS, concurrency: 50 });
		console.log(`load ${JSON.stringify(result)}`);
		expect(result).toMatchObject({ events: LOAD_EVENTS, acknowledged: LOAD_EVENTS, non2xx: 0, status5xx: 0 });
		expect(result).toMatchObject({ executions: LOAD_EVENTS, failed: 0, lost: 0, duplicated: 0, unexpected: 0 });
	});

	it(`fault: n8n restarted mid-stream of ${FAULT_EVENTS} events, sender retrying → each executed exactly once`, async () => {
		const result = await runFault(n8n, targetOf(n8n, stream), { count: FAULT_EVENTS, concurrency: 20 });
		console.log(`fault ${JSON.stringify(result)}`);
		expect(result.restarted).toBe(true);
		expect(result.shutdown).toMatchObject({ killed: false });
		// The restart really held deliveries back (503 from the readiness gate while n8n was down or starting).
		expect((result.gate?.down ?? 0) + (result.gate?.starting ?? 0)).toBeGreaterThan(0);
		expect(result.non2xxAnswerStatuses['503']).toBeGreaterThan(0);
		expect(result).toMatchObject({ acknowledged: FAULT_EVENTS, acknowledgedNotByTrigger: 0, status5xx: 0 });
		expect(result).toMatchObject({ executions: FAULT_EVENTS, failed: 0, lost: 0, duplicated: 0, unexpected: 0 });
	});

	it('events redelivered after a graceful restart are answered duplicate and not run again', async () => {
		const target = () => targetOf(n8n, stream);
		const credentials = credentialsFor(STREAM_VENDOR, target().secret);
		const stamp = Date.now();
		const events = Array.from({ length: 10 }, (_, index) => sampleEvent(STREAM_VENDOR, STREAM_EVENT, 900_000 + index, stamp + index));
		// A new connection each: a pooled keep-alive socket would outlive the old process.
		const send = () =>
			Promise.all(events.map((event) => post(target().url, signedRequest(STREAM_VENDOR, event, credentials), 30_000, { newConnection: true })));
		const answersOf = (answers: Array<{ status: number; body: string }>) => answers.map((answer) => `${answer.status} ${answer.body}`);
		const before = n8n.executions(stream.id).length;
		expect(answersOf(await send())).toEqual(events.map(() => '200 {"received":true}'));
		await n8n.settledExecutions(stream.id, { atLeast: before + events.length, quietMs: 1_000 });
		// The durable copy is rewritten by a trigger's execute step at most once a second
		// (docs/dedupe.md): the next event's execution after that writes these events' keys.
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		const flush = sampleEvent(STREAM_VENDOR, STREAM_EVENT, 899_999, Date.now());
		expect((await post(target().url, signedRequest(STREAM_VENDOR, flush, credentials))).status).toBe(200);
		await n8n.settledExecutions(stream.id, { atLeast: before + events.length + 1, quietMs: 1_000 });
		await n8n.restart(); // a new process: the in-memory keys are gone, only the durable copy is left
		await n8n.waitForWebhook(target().webhookPath);
		expect(n8n.lastStop).toMatchObject({ killed: false });
		expect(answersOf(await send())).toEqual(events.map(() => '200 {"received":true,"duplicate":true}'));
		expect(await n8n.settledExecutions(stream.id, { quietMs: 1_000 })).toHaveLength(before + events.length + 1);
	});

	describe.each(vendorKeys)('fuzz %s', (vendor) => {
		const secret = TEST_SECRETS[vendor as keyof typeof TEST_SECRETS];
		const workflow = () => fuzzWorkflows[vendorKeys.indexOf(vendor)];
		const send = (request: FuzzRequest) =>
			post(targetOf(n8n, workflow()).url, { headers: { 'Content-Type': 'application/json', ...request.headers }, payload: request.rawBody });

		it(`${FUZZ_PER_VENDOR} forged requests: never a 5xx, never the secret, no execution`, async () => {
			const before = n8n.executions(workflow().id).length;
			const requests = fc.sample(forgedRequest(kitOf(vendor), secret, Date.now()).filter(sendable), FUZZ_PER_VENDOR);
			const answers = [];
			for (const request of requests) answers.push({ label: request.label, ...(await send(request)) });
			expect(answers.filter((answer) => answer.status >= 500 || answer.status === 0)).toEqual([]);
			expect(answers.filter((answer) => answer.status < 400)).toEqual([]);
			expect(answers.filter((answer) => answer.body.includes(secret))).toEqual([]);
			expect(await n8n.settledExecutions(workflow().id, { quietMs: 1_000 })).toHaveLength(before);
		});

		it(`${FUZZ_PER_VENDOR / 4} authentic requests with hostile bodies: never a 5xx, each answered as expected, every accepted one executed`, async () => {
			const before = n8n.executions(workflow().id).length;
			const requests = fc.sample(authenticRequest(kitOf(vendor), secret, Date.now()).filter(sendable), FUZZ_PER_VENDOR / 4);
			// What each one must get, decided here from the bytes (not from the answers): JSON is
			// accepted unless it repeats an earlier delivery (dedupe is on) or is a test ping.
			const expected = expectedAnswers(vendors[vendor], requests);
			const answers: Array<{ label: string; status: number; body: string }> = [];
			for (const request of requests) answers.push({ label: request.label, ...(await send(request)) });
			expect(answers.filter((answer) => answer.status >= 500 || answer.status === 0)).toEqual([]);
			const actual = answers.map(classifyAnswer);
			// Every authentic request answered as expected, so the number of {"received":true} is the expected one.
			expect(actual.filter((outcome) => outcome === 'received').length).toBe(expected.filter((outcome) => outcome === 'received').length);
			expect(actual.map((outcome, index) => `${index} ${answers[index].label}: ${outcome}`)).toEqual(
				expected.map((outcome, index) => `${index} ${answers[index].label}: ${outcome}`),
			);
			const executed = actual.filter((outcome) => outcome === 'received').length;
			expect((await n8n.settledExecutions(workflow().id, { atLeast: before + executed, quietMs: 1_000 })).length - before).toBe(executed);
		});
	});
});
