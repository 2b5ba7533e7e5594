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
	vendor.samples.map(
		(sample) => [vendor.key, sample.title, sample.eventType, sample.body] as const,
	),
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
		for (const value of Object.values(flat))
			expect(value === null || typeof value !== 'object').toBe(true);
	});
});

it.each(allSamples)(
	'%s: %s is recognised by its own vendor only (no trigger metadata)',
	(key, _title, _eventType, body) => {
		const claimedBy = Object.values(vendors)
			.filter((vendor) => vendor.looksLike(body))
			.map((vendor) => vendor.key);
		expect(claimedBy).toEqual([key]);
	},
);

describe('fields and summaries', () => {
	it('StartupKit: the sentence from the product brief', () => {
		const body = vendors.startupKit.samples.find((s) => s.eventType === 'review.submitted')!.body;
		const advanced = {
			...vendors.startupKit.samples.find((s) => s.eventType === 'application.advanced')!.body,
		};
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
		expect(event.application).toEqual({
			id: '45213',
			status: 'FAILURE',
			stage: null,
			error: 'ATS rejected the application: missing phone number',
		});
		expect(event.job.id).toBe('1604531');
		expect(event.summary).toBe(
			'Application 45213 for job 1604531 is now FAILURE: ATS rejected the application: missing phone number (Kini)',
		);
		expect(event.occurredAt).toBeNull();
	});
	it('Kombo FAILED application', () => {
		const failed = vendors.kombo.samples.find((s) => s.title === 'Application failed QA')!.body;
		expect(normalizeEvent(failed)).toMatchObject({
			id: '2Cv6VeT4efBfzvQRudprNx5z',
			application: { status: 'FAILED' },
			occurredAt: '2025-03-10T08:15:00.000Z',
		});
	});
	it('Knit epoch-millisecond times become ISO 8601 UTC', () => {
		expect(normalizeEvent(vendors.knit.samples[4].body).occurredAt).toBe(
			'2023-02-13T09:41:16.296Z',
		);
	});
	it.each(Object.keys(vendors))(
		'%s: a type named like an Object.prototype member maps to nothing',
		(key) => {
			for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
				expect(vendors[key].canonicalTypeOf({}, type)).toBeUndefined();
		},
	);

	it('Knit sync events of a job sync keep their sync.* types', () => {
		const sample = (type: string) => vendors.knit.samples.find((s) => s.eventType === type)!.body;
		expect(
			normalizeEvent({ ...sample('sync.events.processed'), syncDataType: 'ats_jobs' }).type,
		).toBe('sync.progressed');
		expect(
			normalizeEvent({ ...sample('sync.events.allConsumed'), syncDataType: 'ats_jobs' }).type,
		).toBe('sync.completed');
	});

	it('Kombo assessment orders: the candidate was sent an assessment (not "submitted")', () => {
		const order = vendors.kombo.samples.find(
			(sample) => sample.eventType === 'assessment:order-received',
		)!.body;
		const event = normalizeEvent(order);
		expect(event.type).toBe('assessment.ordered');
		expect(event.summary).toMatch(/ was sent an assessment /);
	});

	it('Knit job syncs map to job.* types', () => {
		const body = {
			...vendors.knit.samples[0].body,
			syncDataType: 'ats_jobs',
			eventData: { info: { title: 'Designer' } },
		};
		expect(normalizeEvent(body)).toMatchObject({
			type: 'job.created',
			job: { title: 'Designer', id: '123' },
		});
	});
	it('trigger metadata wins over the payload shape, and carries the event id and validity', () => {
		const body = {
			...vendors.kini.samples[0].body,
			_ats: { vendor: 'kini', eventId: 'digest-1', valid: false },
		};
		expect(normalizeEvent(body)).toMatchObject({ source: 'kini', id: 'digest-1', valid: false });
	});
	it.each([
		[
			'startupKit',
			{ event: 'candidate.ghosted', created_at: '2025-01-01T00:00:00Z', data: {} },
			false,
		],
		['kombo', { id: 'e1', type: 'assessment-order-received', data: {} }, false],
		['knit', { eventId: 'e', eventType: 'record.archived', syncJobId: 's', eventData: {} }, false],
		// KeldairHR publishes no closed list: a well-formed new type is valid, and still "other".
		[
			'keldairHr',
			{
				id: 'e',
				type: 'payroll.closed',
				version: 'v',
				dateOccurred: '2025-01-01T00:00:00Z',
				data: {},
			},
			true,
		],
	])('%s: an unknown event maps to other, with a readable sentence', (key, body, valid) => {
		const event = normalizeEvent(body);
		expect(event).toMatchObject({ source: key, type: 'other', valid });
		expect(event.summary).not.toMatch(/undefined|null/);
	});
	it('KeldairHR types beyond the table follow the resource.action rule', () => {
		const body = {
			id: 'e',
			type: 'offer.sent',
			version: 'v',
			dateOccurred: '2025-01-01T00:00:00Z',
			data: {},
		};
		expect(normalizeEvent(body).type).toBe('offer.sent');
	});
});

describe('ATS Normalize node', () => {
	function run(
		items: INodeExecutionData[],
		parameters: Record<string, unknown>,
		continueOnFail: boolean,
	) {
		const context = {
			getInputData: () => items,
			getNodeParameter: (name: string, _index: number, fallback: unknown) =>
				parameters[name] ?? fallback,
			continueOnFail: () => continueOnFail,
			getNode: () => ({
				name: 'ATS Normalize',
				type: 'CUSTOM.atsNormalize',
				typeVersion: 1,
				parameters: {},
				id: 'n',
				position: [0, 0],
			}),
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
		const [output] = await run(
			[{ json: { status: 'FAILURE', application_id: 1 } }],
			{ source: 'kini' },
			false,
		);
		expect(output[0].json).toMatchObject({ source: 'kini', type: 'application.status_changed' });
	});
});

describe("Kombo job postings, as Kombo's document describes them", () => {
	// Kombo's own examples (AI Apply: "A job posting was taken offline" / "was successfully parsed").
	const posting = (
		availability: string,
		archived: { archived_at: string | null; archived_reason: string | null },
	) => ({
		id: '2Cv6VeT4efBfzvQRudprNx5z',
		type: 'ai-apply-job-posting-status-updated',
		data: {
			id: '9QGNv3B98kL3hyELE1qsZ86s',
			career_site: { id: 'Chc4dua5asAQ48KUERDVF1bs', label: 'Acme' },
			url: 'https://careers.acme.com/jobs/fullstack-engineer-ai-infra-14102',
			job_code: 'ACME_13',
			created_at: '2025-01-01T00:00:00.000Z',
			updated_at: '2025-03-02T23:12:32.000Z',
			...archived,
			availability,
		},
	});
	const archived = posting('ARCHIVED', {
		archived_at: '2025-03-10T08:15:00.000Z',
		archived_reason: 'JOB_POSTING_TAKEN_OFFLINE',
	});

	it('dates an ARCHIVED event at the archiving (archived_at), not at the last parse (updated_at)', () => {
		expect(normalizeEvent(archived).occurredAt).toBe('2025-03-10T08:15:00.000Z');
	});
	it('dates a parse outcome at updated_at', () => {
		expect(
			normalizeEvent(posting('APPLYABLE', { archived_at: null, archived_reason: null })).occurredAt,
		).toBe('2025-03-02T23:12:32.000Z');
	});
	it('keeps job_code as the job code, not as its title (the posting has no title)', () => {
		expect(normalizeEvent(archived).job).toEqual({
			id: '9QGNv3B98kL3hyELE1qsZ86s',
			title: null,
			url: 'https://careers.acme.com/jobs/fullstack-engineer-ai-infra-14102',
			status: 'ARCHIVED',
			code: 'ACME_13',
		});
		expect(flattenEvent(normalizeEvent(archived))).toMatchObject({
			job_title: null,
			job_code: 'ACME_13',
		});
	});
	it('reads well without a title', () => {
		expect(normalizeEvent(archived).summary).toBe(
			'Job ACME_13 is now ARCHIVED (career site Acme, job posting taken offline) (Kombo)',
		);
		expect(
			normalizeEvent(posting('APPLYABLE', { archived_at: null, archived_reason: null })).summary,
		).toBe('Job ACME_13 is now APPLYABLE (career site Acme) (Kombo)');
	});
	it('gives every other vendor a job code too (null), so flat rows keep one shape', () => {
		for (const vendor of Object.values(vendors)) {
			for (const sample of vendor.samples)
				expect(normalizeEvent(sample.body).job).toHaveProperty('code');
		}
	});
});

describe('KeldairHR types nobody listed (its document lists none; the node offers examples)', () => {
	const event = (type: string, data: Record<string, unknown>) => ({
		id: '4183db97-6805-411f-b8fd-325cbf5ed90f',
		type,
		version: '2022-02-23',
		dateOccurred: '2022-02-23T18:46:43+00:00',
		data,
	});
	it('a type without an action is other, never "<family>.undefined"', () => {
		for (const type of ['offer', 'job', 'interview', 'requisition'])
			expect(vendors.keldairHr.canonicalTypeOf({}, type)).toBeUndefined();
		expect(normalizeEvent(event('offer', {})).type).toBe('other');
	});
	it.each([
		[
			'applicant.withdrawn',
			'application.withdrawn',
			{ id: 'a1', firstName: 'Ada', lastName: 'Lovelace', job: { id: 'j1', title: 'Analyst' } },
			'Ada Lovelace withdrew from Analyst (KeldairHR)',
		],
		[
			'offer.sent',
			'offer.sent',
			{ applicationId: 'a2', candidate: { id: 'c2', name: 'Grace Hopper' } },
			'The offer to Grace Hopper: sent (KeldairHR)',
		],
		[
			'interview.scheduled',
			'interview.scheduled',
			{
				applicationId: 'a3',
				candidate: { id: 'c3', name: 'Alan Turing' },
				job: { title: 'Cryptanalyst' },
			},
			"Alan Turing's interview for Cryptanalyst was scheduled (KeldairHR)",
		],
		[
			'requisition.approved',
			'job.approved',
			{ id: 'r9', title: 'Platform Engineer', status: 'approved' },
			'Job Platform Engineer was approved (KeldairHR)',
		],
		[
			'employee.onboarded',
			'other',
			{ employeeId: 'e7', firstName: 'Katherine', lastName: 'Johnson' },
			"KeldairHR event employee.onboarded received about Katherine Johnson's application (KeldairHR)",
		],
		[
			'payroll.run.completed',
			'other',
			{},
			'KeldairHR event payroll.run.completed received (KeldairHR)',
		],
	])('%s → %s, with a readable summary', (type, canonical, data, summary) => {
		const normalized = normalizeEvent(event(type, data));
		expect(normalized).toMatchObject({
			source: 'keldairHr',
			sourceType: type,
			type: canonical,
			occurredAt: '2022-02-23T18:46:43.000Z',
			valid: true,
		});
		expect(normalized.summary).toBe(summary);
		expect(canonicalEventSchema.safeParse(normalized).success).toBe(true);
	});
});
