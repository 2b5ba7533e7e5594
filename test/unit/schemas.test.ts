import { kiniVendor } from '../../nodes/KiniTrigger/kini.vendor';
import { triggerItemJsonSchema } from '../../nodes/shared/metadata';
import { envelopeOf } from '../../nodes/shared/vendor';
import { vendorListWithKits as vendorList, vendorsWithKits as vendors } from '../support/vendors';

describe('every documented example validates against its vendor schema', () => {
	const cases = vendorList.flatMap((vendor) =>
		vendor.samples.map((sample) => [vendor.key, sample.title, sample] as const),
	);
	it.each(cases)('%s: %s', (key, _title, sample) => {
		const result = vendors[key].schema.safeParse(sample.body);
		expect(result.error?.issues ?? []).toEqual([]);
		expect(envelopeOf(vendors[key], sample.body).eventType).toBe(sample.eventType);
	});
});

describe('every event a trigger offers has an example (the simulator can send it)', () => {
	it.each(
		vendorList
			.filter((vendor) => vendor.eventList === 'documented')
			.map((vendor) => [vendor.key, vendor]),
	)('%s', (_key, vendor) => {
		const withExamples = new Set(vendor.samples.map((sample) => sample.eventType));
		expect(
			vendor.events.map((event) => event.value).filter((event) => !withExamples.has(String(event))),
		).toEqual([]);
	});
	it('StartupKit offers all 23 documented events', () =>
		expect(vendors.startupKit.events).toHaveLength(23));
});

describe('schemas keep unknown fields and flag what does not match', () => {
	it('passes unknown fields through', () => {
		const body = { ...vendors.kini.samples[0].body, new_field: 'kept' };
		expect(vendors.kini.schema.parse(body)).toMatchObject({ new_field: 'kept' });
	});
	// The item is the body as sent, whatever a schema's parse output keeps (SmartRecruiters'
	// is a z.object, which strips): a field no schema names is valid, and n8n's schema preview
	// must not say the item has no other fields.
	it.each(vendorList.map((vendor) => [vendor.key, vendor]))(
		'%s: a field the schema does not name is valid, and the item schema admits it',
		(_key, vendor) => {
			const body = { ...vendor.samples[0].body, new_field: 'kept' };
			expect(vendor.schema.safeParse(body).error?.issues ?? []).toEqual([]);
			const itemSchema = triggerItemJsonSchema(vendor.schema);
			for (const branch of [itemSchema, ...((itemSchema.anyOf ?? itemSchema.oneOf ?? []) as [])])
				expect((branch as { additionalProperties?: unknown }).additionalProperties).not.toBe(false);
		},
	);
	it.each([
		['kini', { ...vendors.kini.samples[0].body, status: 'PARTIAL' }, 'status'],
		[
			'startupKit',
			{ event: 'candidate.hired', created_at: '2025-01-01T00:00:00Z', data: {} },
			'event',
		],
		['knit', { ...vendors.knit.samples[0].body, eventType: 'record.archived' }, 'eventType'],
		[
			'kombo',
			{
				id: 'x',
				type: 'ai-apply-application-status-updated',
				data: { id: 'a', status: 'WITHDRAWN' },
			},
			'data',
		],
		[
			'keldairHr',
			{ id: 'x', type: 'NotDotted', version: 'v', dateOccurred: 'now', data: {} },
			'type',
		],
	])('%s: an unexpected payload is reported at %s', (key, body, path) => {
		const result = vendors[key].schema.safeParse(body);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => String(issue.path[0]))).toContain(path);
	});
	// Free-form payloads (Knit's record data, KeldairHR's resource) may hold any fields, but must be objects.
	const knitRecord = vendors.knit.samples.find((sample) =>
		sample.eventType.startsWith('record.'),
	)!.body;
	const keldairHr = vendors.keldairHr.samples[0].body;
	it.each([
		...[[], 'text', null, 7].map(
			(value) => ['knit', { ...knitRecord, eventData: value }, 'eventData'] as const,
		),
		...[[], 'text', null, 7].map(
			(value) => ['keldairHr', { ...keldairHr, data: value }, 'data'] as const,
		),
	])('%s: a free-form payload that is not an object is reported at %s', (key, body, path) => {
		const result = vendors[key].schema.safeParse(body);
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => String(issue.path[0]))).toEqual([path]);
	});
	it.each([
		['knit', { ...knitRecord, eventData: { anything: [1, { deep: true }] } }],
		['keldairHr', { ...keldairHr, data: { anything: [1, { deep: true }] } }],
	])('%s: a free-form payload object with any fields is valid', (key, body) => {
		expect(vendors[key].schema.safeParse(body).error?.issues ?? []).toEqual([]);
	});
});

it('Kini: the dedupe subject is company/application, and only the application id is required', () => {
	expect(
		envelopeOf(kiniVendor, { company_id: 7, application_id: 'a-1', status: 'SUCCESS' })
			.dedupeSubject,
	).toBe('7/a-1');
	expect(envelopeOf(kiniVendor, { application_id: 'a-1', status: 'SUCCESS' }).dedupeSubject).toBe(
		'/a-1',
	);
	expect(
		envelopeOf(kiniVendor, { company_id: 7, status: 'SUCCESS' }).dedupeSubject,
	).toBeUndefined();
});
