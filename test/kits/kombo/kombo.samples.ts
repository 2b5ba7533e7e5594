import type { VendorSample } from '../../../nodes/shared/vendor';

const jobPosting = {
	id: '9QGNv3B98kL3hyELE1qsZ86s',
	career_site: { id: 'Chc4dua5asAQ48KUERDVF1bs', label: 'Acme' },
	url: 'https://careers.acme.com/jobs/fullstack-engineer-ai-infra-14102',
	job_code: 'ACME_13',
	created_at: '2025-01-01T00:00:00.000Z',
	updated_at: '2025-03-02T23:12:32.000Z',
	archived_at: null,
	archived_reason: null,
};
const application = {
	id: 'ADbmw5XSkeCSE1fAucoxEGnwZ',
	job_posting_id: 'JDn252PEYa4rMhKbJBjtn3ng',
	created_at: '2025-01-01T00:00:00.000Z',
};
const endUser = {
	organization_name: 'Acme',
	creator_email: 'it@acme.example',
	origin_id: 'acme-1',
};
const integration = {
	integration_id: 'acme:personio',
	integration_tool: 'personio',
	integration_category: 'HRIS',
};

/** Kombo's example assessment order (Assessment API → Webhooks → assessment:order-received). */
const assessmentOrder = {
	id: 'B5KQKhAgTv6ZwzrfAbqbhipd',
	integration_id: 'workday:CBNMt7dSNCzBdnRTx87dev4E',
	package_id: 'typescript_test',
	status: 'OPEN',
	candidate: {
		remote_id: '12345',
		email: 'john.doe@gmail.com',
		first_name: 'John',
		last_name: 'Doe',
		phone: '+1 123 456 7890',
	},
	application: { remote_id: '54321' },
	job: {
		remote_id: '67890',
		name: 'Bottle Opener',
		job_code: 'BO-2024-01',
		description:
			'<p>We are looking for a skilled and energetic individual to join our team as the chief bottle open officer. This unique role requires precision, attention to detail, and the ability to handle a high volume of beverage bottles in a fast-paced environment. The ideal candidate will ensure bottles are opened swiftly and safely while maintaining hygiene standards.</p>',
		location: {
			street_1: 'Lohmühlenstraße 65',
			city: 'Berlin',
			state: 'Berlin',
			zip_code: '12435',
			country: 'DE',
			raw: 'Berlin, Germany',
		},
		hiring_team: [
			{
				first_name: 'Jane',
				last_name: 'Doe',
				remote_id: '78901',
				email: 'jane.doe@gmail.com',
				hiring_team_roles: ['RECRUITER'],
			},
		],
	},
};

const kombo = (type: string, data: Record<string, unknown>) => ({
	id: '2Cv6VeT4efBfzvQRudprNx5z',
	type,
	data,
});

/**
 * The six AI Apply examples and the two assessment orders are Kombo's, verbatim (the inline one
 * from Kombo's Inline Assessment Flow guide); the other general ones follow Kombo's API
 * reference, with every field it marks required.
 */
export const komboSamples: VendorSample[] = [
	{
		eventType: 'ai-apply-job-posting-status-updated',
		title: 'Job posting parsed',
		body: kombo('ai-apply-job-posting-status-updated', {
			...jobPosting,
			availability: 'APPLYABLE',
		}),
	},
	{
		eventType: 'ai-apply-job-posting-status-updated',
		title: 'Job posting failed to parse',
		body: kombo('ai-apply-job-posting-status-updated', {
			...jobPosting,
			availability: 'UNAVAILABLE',
		}),
	},
	{
		eventType: 'ai-apply-job-posting-status-updated',
		title: 'Job posting taken offline',
		body: kombo('ai-apply-job-posting-status-updated', {
			...jobPosting,
			archived_at: '2025-03-10T08:15:00.000Z',
			archived_reason: 'JOB_POSTING_TAKEN_OFFLINE',
			availability: 'ARCHIVED',
		}),
	},
	{
		eventType: 'ai-apply-application-status-updated',
		title: 'Application submitted automatically',
		body: kombo('ai-apply-application-status-updated', {
			...application,
			status: 'SUBMITTED',
			updated_at: '2025-03-02T23:12:32.000Z',
		}),
	},
	{
		eventType: 'ai-apply-application-status-updated',
		title: 'Application submitted after QA',
		body: kombo('ai-apply-application-status-updated', {
			...application,
			status: 'SUBMITTED',
			updated_at: '2025-03-03T10:41:02.000Z',
		}),
	},
	{
		eventType: 'ai-apply-application-status-updated',
		title: 'Application failed QA',
		body: kombo('ai-apply-application-status-updated', {
			...application,
			status: 'FAILED',
			updated_at: '2025-03-10T08:15:00.000Z',
		}),
	},
	{
		eventType: 'sync-finished',
		title: 'Sync finished',
		body: kombo('sync-finished', {
			sync_id: 'sync_1',
			sync_state: 'SUCCEEDED',
			sync_started_at: '2025-03-10T08:00:00Z',
			sync_ended_at: '2025-03-10T08:05:00Z',
			sync_duration_seconds: 300,
			...integration,
			end_user: endUser,
			log_url: 'https://app.kombo.dev/logs/sync_1',
		}),
	},
	{
		eventType: 'data-changed',
		title: 'Data changed',
		body: kombo('data-changed', { ...integration, changed_models: [{ name: 'ats_applications' }] }),
	},
	{
		eventType: 'integration-created',
		title: 'Integration created',
		body: kombo('integration-created', {
			id: 'acme:personio',
			tool: 'personio',
			category: 'HRIS',
			end_user: endUser,
		}),
	},
	{
		eventType: 'integration-deleted',
		title: 'Integration deleted',
		body: kombo('integration-deleted', {
			id: 'acme:personio',
			tool: 'personio',
			category: 'HRIS',
			end_user: endUser,
			deleted_at: '2025-03-10T09:30:00Z',
		}),
	},
	{
		eventType: 'integration-state-changed',
		title: 'Integration state changed',
		body: kombo('integration-state-changed', {
			...integration,
			end_user: endUser,
			qa_status: 'PENDING',
			setup_status: 'COMPLETED',
			state: 'INVALID',
			updated_at: '2025-03-10T09:00:00Z',
		}),
	},
	{
		eventType: 'connection-flow-failed',
		title: 'Connection flow failed',
		body: kombo('connection-flow-failed', {
			integration_tool: 'personio',
			integration_category: 'HRIS',
			end_user: endUser,
			log_url: 'https://app.kombo.dev/logs/c_1',
		}),
	},
	{
		eventType: 'remote-event-received',
		title: 'Remote event received',
		body: kombo('remote-event-received', {
			...integration,
			remote_event_type: 'application.created',
			payload: {},
		}),
	},
	{
		eventType: 'assessment:order-received',
		title: 'Assessment ordered',
		body: {
			id: 'Cbfk5sHtDxrSrJBRjsDtbaN9',
			type: 'assessment:order-received',
			data: assessmentOrder,
		},
	},
	{
		eventType: 'inline-assessment:order-received',
		title: 'Inline assessment ordered',
		body: {
			id: '8KNLzKfRXjJ3Xjfaz5FkgdPA',
			type: 'inline-assessment:order-received',
			data: assessmentOrder,
		},
	},
];
