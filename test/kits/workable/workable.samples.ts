import type { VendorSample } from '../vendor.testing';

/**
 * Workable's documented examples, as the trigger's items hold them (workable.readme.io, API
 * reference v3):
 *
 * - Candidate events: "Candidate Events" documents the payload as the candidate details object
 *   under `data`, by its fields only (no example). The candidate below is the example of
 *   "Candidate details" (GET /candidates/:id, Cindy Sawyers), its fields as listed there,
 *   under `data`; its e-mail addresses are placeholders (the stored copy shows them masked).
 *   Workable's candidate payloads do not name their event: `event_type` is the field the
 *   trigger adds from its Event parameter (the subscription's event), so it is in the items.
 * - Employee events: "Employee Events". "Employee Created" is its example, verbatim. The copy
 *   read shows the other examples only in part: "Employee Updated" keeps what it shows (the
 *   employee id, personal_email, the address's id), "Employee Published" carries "only the
 *   Employee ID" as the page says; onboarding_completed and timeoff_updated have no readable
 *   example and are written in the same envelope ({data, id, resource_type, event_type,
 *   fired_at}) with the employee id only.
 */
const candidate = {
	id: '108d1748',
	name: 'Cindy Sawyers',
	firstname: 'Cindy',
	lastname: 'Sawyers',
	headline: 'Operations Manager',
	image_url: null,
	account: { subdomain: 'groove-tech', name: 'Groove Tech' },
	job: { shortcode: 'GROOV005', title: 'Office Manager' },
	stage: 'Applied',
	disqualified: false,
	disqualified_at: null,
	disqualification_reason: null,
	sourced: false,
	profile_url: 'https://groove-tech.workable.com/backend/jobs/376844767/candidates/277680758',
	address: '332 Clemmie Roads, Colorado, USA',
	phone: '(785)991-6256',
	email: 'cindy.sawyers@example.com',
	outbound_mailbox: 'cindy.sawyers@outbound.example.com',
	domain: 'twitter.com',
	uploader_id: null,
	created_at: '2015-07-01T00:00:00Z',
	updated_at: '2015-07-06T12:16:51Z',
	cover_letter: null,
	summary:
		'A focussed, results-driven team player with many year experience in the field. Working my way up to management level, I have experience of every aspect of the role.',
};

const employeeEvent = (eventType: string, data: Record<string, unknown>, firedAt: string) => ({
	data,
	id: '4d3',
	resource_type: 'employee',
	event_type: eventType,
	fired_at: firedAt,
});

export const workableSamples: VendorSample[] = [
	{
		eventType: 'candidate_created',
		title: 'Candidate created (the candidate details example under data)',
		body: { data: candidate, event_type: 'candidate_created' },
	},
	{
		eventType: 'candidate_moved',
		title: 'Candidate moved to Phone Screen',
		body: {
			data: { ...candidate, stage: 'Phone Screen', updated_at: '2015-07-08T09:30:00Z' },
			event_type: 'candidate_moved',
		},
	},
	{
		eventType: 'employee_created',
		title: 'Employee created (the Employee Events example, verbatim)',
		body: employeeEvent(
			'employee_created',
			{
				id: '4d3',
				status: 'status_draft',
				lastname: 'Kydde',
				firstname: 'Obediah',
				job_title: 'Software Engineer',
				department: '4d3',
				start_date: '2022-09-13T16:56:33.000Z',
				phone_group: [
					{
						value: { phone: '+256 873 655 5527', phone_type: 'phone_type_mobile' },
						row_id: '4dc',
						history_of: null,
						is_primary: true,
					},
				],
				legal_entity: '6dd32255-668e-4d7a-9542-086fd65c41b0',
				personal_email: [
					{ value: 'okydde0@answers.com', row_id: '4d7', history_of: null, is_primary: true },
				],
				employee_number: '1',
			},
			'2024-01-08T14:01:06.217Z',
		),
	},
	{
		eventType: 'employee_updated',
		title: 'Employee updated (the changed fields)',
		body: employeeEvent(
			'employee_updated',
			{
				id: '4d3',
				personal_email: [
					{ value: 'johndoe@workable.com', row_id: '403ae', history_of: null, is_primary: true },
				],
				address: { id: 'ChIJ8zG0j26ioRQRQ5IgQ3mRBjY' },
			},
			'2024-01-09T10:12:44.530Z',
		),
	},
	{
		eventType: 'employee_published',
		title: 'Employee published (the employee ID only)',
		body: employeeEvent('employee_published', { id: '4d3' }, '2024-01-10T08:00:12.004Z'),
	},
	{
		eventType: 'onboarding_completed',
		title: 'Onboarding completed',
		body: employeeEvent('onboarding_completed', { id: '4d3' }, '2024-01-12T16:45:00.000Z'),
	},
	{
		eventType: 'timeoff_updated',
		title: 'Time off updated',
		body: employeeEvent('timeoff_updated', { id: '4d3' }, '2024-02-01T07:30:00.000Z'),
	},
];
