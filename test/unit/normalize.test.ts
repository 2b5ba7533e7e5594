import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AtsNormalize } from '../../nodes/AtsNormalize/AtsNormalize.node';
import { flattenEvent, normalizeEvent } from '../../nodes/AtsNormalize/normalize';
import { canonicalEventSchema } from '../../nodes/shared/canonical';
import { vendorsUnderTest, vendorsWithKits as vendors } from '../support/vendors';

/**
 * Expected canonical type of every example: each vendor's test kit writes them out by hand
 * from the vendor's document (they are not read from the mapping under test).
 */
const expectedTypes: Record<string, Record<string, string>> = Object.fromEntries(
	vendorsUnderTest.map(({ key, kit }) => [key, kit.expectedTypes]),
);

const allSamples = Object.values(vendors).flatMap((vendor) =>
	vendor.samples.map((sample) => [vendor.key, sample.title, sample.eventType, sample.body] as const),
);

describe('every example normalizes', () => {
	it.each(allSamples)('%s: %s', (key, _title, eventType, body) => {
		const event = normalizeEvent(body, { source: 'auto' });
		expect(event.source).toBe(key);
		expect(event.sourceType).toBe(eventType);
		expect(event.type).toBe(expectedTypes[key][eventType]);
		expect(canonicalEventSchema.safeParse(event).success).toBe(true);
		expect(event.valid).toBe(true);
		expect(event.summary.length).toBeGreaterThan(10);
		expect(event.summary).not.toMatch(/undefined|null|NaN|\[object/);
		expect(event.summary.endsWith(`(${vendors[key].displayName})`)).toBe(true);
		const flat = flattenEvent(normalizeEvent(body, { includeRaw: true }));
		for (const value of Object.values(flat)) expect(value === null || typeof value !== 'object').toBe(true);
	});
});

it.each(allSamples)('%s: %s is recognised by its own vendor only (no trigger metadata)', (key, _title, _eventType, body) => {
	const claimedBy = Object.values(vendors).filter((vendor) => vendor.looksLike(body)).map((vendor) => vendor.key);
	expect(claimedBy).toEqual([key]);
});

describe('fields and summaries', () => {
	it('StartupKit: the sentence from the product brief', () => {
		const body = vendors.startupKit.samples.find((s) => s.eventType === 'review.submitted')!.body;
		const advanced = { ...vendors.startupKit.samples.find((s) => s.eventType === 'application.advanced')!.body };
		expect(normalizeEvent(advanced).summary).toBe(
			"Jane Smith's application for Senior Engineer moved to Technical Interview (StartupKit)",
		);
		expect(normalizeEvent(body)).toMatchObject({
			candidate: { id: '7', name: 'Jane Smith' },
			job: { id: '3', title: 'Senior Engineer' },
			application: { stage: 'Technical Interview' },
			occurredAt: '2025-01-23T11:00:00.000Z',
		});
	});
	it('Kini FAILURE carries the error into the application and the sentence', () => {
		const event = normalizeEvent(vendors.kini.samples[1].body);
		expect(event.application).toEqual({ id: '45213', status: 'FAILURE', stage: null, error: 'ATS rejected the application: missing phone number' });
		expect(event.job.id).toBe('1604531');
		expect(event.summary).toBe('Application 45213 for job 1604531 is now FAILURE: ATS rejected the application: missing phone number (Kini)');
		expect(event.occurredAt).toBeNull();
	});
	it('Kombo FAILED application', () => {
		const failed = vendors.kombo.samples.find((s) => s.title === 'Application failed QA')!.body;
		expect(normalizeEvent(failed)).toMatchObject({ id: '2Cv6VeT4efBfzvQRudprNx5z', application: { status: 'FAILED' }, occurredAt: '2025-03-10T08:15:00.000Z' });
	});
	it('Knit epoch-millisecond times become ISO 8601 UTC', () => {
		expect(normalizeEvent(vendors.knit.samples[4].body).occurredAt).toBe('2023-02-13T09:41:16.296Z');
	});
	it('Knit job syncs map to job.* types', () => {
		const body = { ...vendors.knit.samples[0].body, syncDataType: 'ats_jobs', eventData: { info: { title: 'Designer' } } };
		expect(normalizeEvent(body)).toMatchObject({ type: 'job.created', job: { title: 'Designer', id: '123' } });
	});
	it('trigger metadata wins over the payload shape, and carries the event id and validity', () => {
		const body = { ...vendors.kini.samples[0].body, _ats: { vendor: 'kini', eventId: 'digest-1', valid: false } };
		expect(normalizeEvent(body)).toMatchObject({ source: 'kini', id: 'digest-1', valid: false });
	});
	it.each([
		['startupKit', { event: 'candidate.ghosted', created_at: '2025-01-01T00:00:00Z', data: {} }, false],
		['kombo', { id: 'e1', type: 'assessment-order-received', data: {} }, false],
		['knit', { eventId: 'e', eventType: 'record.archived', syncJobId: 's', eventData: {} }, false],
		// KeldairHR publishes no closed list: a well-formed new type is valid, and still "other".
		['keldairHr', { id: 'e', type: 'payroll.closed', version: 'v', dateOccurred: '2025-01-01T00:00:00Z', data: {} }, true],
	])('%s: an unknown event maps to other, with a readable sentence', (key, body, valid) => {
		const event = normalizeEvent(body);
		expect(event).toMatchObject({ source: key, type: 'other', valid });
		expect(event.summary).not.toMatch(/undefined|null/);
	});
	it('KeldairHR types beyond the table follow the resource.action rule', () => {
		const body = { id: 'e', type: 'offer.sent', version: 'v', dateOccurred: '2025-01-01T00:00:00Z', data: {} };
		expect(normalizeEvent(body).type).toBe('offer.sent');
	});
});

describe('ATS Normalize node', () => {
	function run(items: INodeExecutionData[], parameters: Record<string, unknown>, continueOnFail: boolean) {
		const context = {
			getInputData: () => items,
			getNodeParameter: (name: string, _index: number, fallback: unknown) => parameters[name] ?? fallback,
			continueOnFail: () => continueOnFail,
			getNode: () => ({ name: 'ATS Normalize', type: 'CUSTOM.atsNormalize', typeVersion: 1, parameters: {}, id: 'n', position: [0, 0] }),
		} as unknown as IExecuteFunctions;
		return new AtsNormalize().execute.call(context);
	}
	const good = { json: vendors.kombo.samples[0].body } as INodeExecutionData;
	const unreadable = { json: { hello: 'world' } };

	it('pairs every output item with its input, including errors under Continue On Fail', async () => {
		const [output] = await run([good, unreadable, good], { output: 'flat' }, true);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatch(/Not an ATS event/);
		expect(output[0].json.job_status).toBe('APPLYABLE');
	});
	it('fails the item clearly without Continue On Fail', async () => {
		await expect(run([good, unreadable], {}, false)).rejects.toThrow(/Not an ATS event/);
	});
	it('a forced source reads a payload as that vendor', async () => {
		const [output] = await run([{ json: { status: 'FAILURE', application_id: 1 } }], { source: 'kini' }, false);
		expect(output[0].json).toMatchObject({ source: 'kini', type: 'application.status_changed' });
	});
});
