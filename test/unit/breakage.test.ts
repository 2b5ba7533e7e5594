/**
 * Breakages the rest of the unit suite once let through, each pinned by a test that fails on it:
 * an event identity that ignores the event (StartupKit's body, a vendor's event id), a dedupe
 * digest too short to tell events apart, and a wrong `_ats.receivedAt`. Every delivery goes
 * through the trigger node in n8n-core's real WebhookContext, and every one that starts an
 * execution runs the trigger's execute step too (which confirms its dedupe claim), as in n8n.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { signedDelivery, withSignedFields } from '../kits/vendor.testing';
import { atTime, callWebhook, executeTrigger } from '../support/context';
import { credentialsOf, underTest, vendorsUnderTest, withEventType } from '../support/vendors';

const SECRET = 'breakage-test-secret';
let workflows = 0;

/** One workflow with one trigger of this vendor: deliveries share its dedupe store. */
function triggerOf(key: string) {
	const { node, kit } = underTest(key);
	const workflowId = `wf-breakage-${key}-${++workflows}`;
	const credentials = credentialsOf(kit, SECRET);
	const parameters = (kit.verifyingParameters ?? {}) as INodeParameters;
	/**
	 * Sends one signed delivery, as its sender makes it from `body` (signedDelivery: a body-signed
	 * vendor's bytes are its own serialisation); 'new' when it started an execution, else what
	 * the node answered ('refused' for a 401, which only `deliverRefusable` accepts).
	 */
	async function send(body: string, nowMs: number, refusable: boolean) {
		const request = signedDelivery(kit, body, credentials, nowMs);
		const headers = { 'content-type': 'application/json', ...request.headers };
		const call = await callWebhook(node, {
			rawBody: request.rawBody,
			headers,
			credentials,
			parameters,
			workflowId,
		});
		if (call.items.length === 0) {
			if (refusable && call.response.statusCode === 401)
				return { outcome: 'refused' as const, call };
			expect(call.response.statusCode).toBe(200);
			return { outcome: 'not new' as const, call };
		}
		await executeTrigger(node, call.workflow, call.items);
		return { outcome: 'new' as const, call };
	}
	const deliver = async (body: string, nowMs = Date.now()) => await send(body, nowMs, false);
	const deliverRefusable = async (body: string, nowMs = Date.now()) =>
		await send(body, nowMs, true);
	return { deliver, deliverRefusable };
}

/** Distinct deliveries of this vendor: every example type in turn, each with fresh ids. */
function distinctBodies(key: string, count: number, nowMs = Date.now()): string[] {
	const { trigger, kit } = underTest(key);
	const samples = kit.samples.filter((sample) => sample.eventType !== trigger.testEventType);
	return Array.from({ length: count }, (_, index) =>
		JSON.stringify(kit.freshSample(samples[index % samples.length], index + 1, nowMs)),
	);
}

const keys = vendorsUnderTest.map(({ key }) => key);
/**
 * Where each vendor's documents put the event's own id (null: Kini and StartupKit send none),
 * written out here rather than read from the product, so a vendor whose id is ignored is
 * still tested as a vendor with ids.
 */
const EVENT_ID_FIELD: Record<string, string | null> = {
	kini: null,
	startupKit: null,
	keldairHr: 'id',
	knit: 'eventId',
	kombo: 'id',
	// Ashby's webhookActionId is shared by related webhooks: not the identity (ashby.vendor.ts).
	ashby: null,
	// Greenhouse-Event-ID is a header, per delivery; the body has no event id.
	greenhouse: null,
	lever: 'id',
	// An employee payload's id is the employee's (data.id again); a candidate payload has none.
	workable: null,
	// event-id is a header; the trigger adds it to the item as eventId.
	smartRecruiters: 'eventId',
};
const idVendors = Object.keys(EVENT_ID_FIELD).filter((key) => EVENT_ID_FIELD[key] !== null);

describe('every distinct event starts an execution (dedupe never mistakes one event for another)', () => {
	it('every registry vendor is listed with its event id field', () => {
		expect(Object.keys(EVENT_ID_FIELD).sort()).toEqual([...keys].sort());
		for (const key of idVendors) {
			const { kit } = underTest(key);
			expect(kit.freshSample(kit.samples[0], 1, Date.now())).toHaveProperty(EVENT_ID_FIELD[key]!);
		}
	});

	it.each(keys)(
		'%s: 500 distinct events into one trigger are all new, and all 500 again are all redeliveries',
		async (key) => {
			const { deliver } = triggerOf(key);
			const bodies = distinctBodies(key, 500);
			expect(new Set(bodies).size).toBe(500);
			const first: string[] = [];
			for (const body of bodies) first.push((await deliver(body)).outcome);
			expect(first.filter((outcome) => outcome !== 'new')).toEqual([]);
			const again: string[] = [];
			for (const body of bodies) again.push((await deliver(body)).outcome);
			expect(again.filter((outcome) => outcome !== 'not new')).toEqual([]);
		},
	);

	it('StartupKit: events of one application that differ in one field only are each new', async () => {
		const { deliver } = triggerOf('startupKit');
		const { vendor, kit } = underTest('startupKit');
		const base = kit.freshSample(kit.samples[0], 1, Date.now());
		const variants = [
			base,
			withEventType(vendor, base, 'application.advanced'),
			withEventType(vendor, base, 'application.rejected'),
			{ ...base, data: { ...(base.data as IDataObject), current_stage: 'Onsite' } },
		];
		for (const body of variants) expect((await deliver(JSON.stringify(body))).outcome).toBe('new');
		// The first again, byte for byte: a redelivery.
		expect((await deliver(JSON.stringify(variants[0]))).outcome).toBe('not new');
	});
});

describe.each(idVendors)('%s: the event id is the identity', (key) => {
	const { kit } = underTest(key);
	const event = (sequence: number) => kit.freshSample(kit.samples[0], sequence, Date.now());

	if (kit.bodySignature === undefined) {
		it('a retry of the same event id, re-serialised (other spacing and key order), is a redelivery', async () => {
			const { deliver } = triggerOf(key);
			const body = event(1);
			const compact = JSON.stringify(body);
			const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
			expect(reordered).not.toBe(compact);
			expect((await deliver(compact)).outcome).toBe('new');
			const retry = await deliver(reordered);
			expect(retry.outcome).toBe('not new');
			expect(retry.call.result.webhookResponse).toEqual({ received: true, duplicate: true });
		});
	} else {
		// Only the covered fields are signed (VendorTestKit.bodySignature), so the verifier takes
		// other bytes with a delivery token it has seen for a replay: such a sender's retry is
		// byte for byte, and a re-serialised one is refused before dedupe.
		it('a retry of the same event id byte for byte is a redelivery; re-serialised (other key order) it is a replay, 401', async () => {
			const { deliver, deliverRefusable } = triggerOf(key);
			const body = event(1);
			const reordered = Object.fromEntries(Object.entries(body).reverse());
			const first = signedDelivery(kit, body, credentialsOf(kit, SECRET), Date.now()).rawBody;
			const again = signedDelivery(kit, reordered, credentialsOf(kit, SECRET), Date.now()).rawBody;
			expect(again).not.toBe(first);
			expect((await deliver(JSON.stringify(body))).outcome).toBe('new');
			const retry = await deliver(JSON.stringify(body));
			expect(retry.outcome).toBe('not new');
			expect(retry.call.result.webhookResponse).toEqual({ received: true, duplicate: true });
			expect((await deliverRefusable(JSON.stringify(reordered))).outcome).toBe('refused');
		});
	}

	it('two events with different ids and otherwise identical content are both new', async () => {
		const { deliver, deliverRefusable } = triggerOf(key);
		const body = event(2);
		const field = EVENT_ID_FIELD[key]!;
		const changed = { ...body, [field]: `${String(body[field])}-other` };
		// A body-signed sender signs each delivery's own covered fields (a new token): with the
		// first one's, the other event would be a replay (checked below).
		const other = withSignedFields(kit, changed, 1_000 + 2, Date.now());
		expect((await deliver(JSON.stringify(body))).outcome).toBe('new');
		expect((await deliver(JSON.stringify(other))).outcome).toBe('new');
		if (kit.bodySignature !== undefined)
			expect((await deliverRefusable(JSON.stringify(changed))).outcome).toBe('refused');
	});
});

describe.each(keys)('%s: _ats.receivedAt is the time the request arrived', (key) => {
	it.each([
		['a moment with milliseconds', Date.parse('2031-05-06T07:08:09.123Z')],
		['another, a day and an hour later', Date.parse('2031-05-07T08:08:09.987Z')],
	])('%s', async (_name, nowMs) => {
		const { deliver } = triggerOf(key);
		const [body] = distinctBodies(key, 1, nowMs);
		const { call } = await atTime(nowMs, () => deliver(body, nowMs));
		expect(call.items).toHaveLength(1);
		expect((call.items[0].json._ats as IDataObject).receivedAt).toBe(new Date(nowMs).toISOString());
	});
});
