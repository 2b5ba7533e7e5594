import type { VendorSample } from '../../../nodes/shared/vendor';

// The documented examples, verbatim (the e-mail address is as the vendor's page shows it).
const candidate = { id: 7, name: 'Jane Smith', email: '[email protected]' };
const jobPosting = { id: 3, title: 'Senior Engineer' };

const application = {
	id: 42,
	candidate,
	job_posting: jobPosting,
	current_stage: 'Applied',
	submitted_at: '2025-01-15T14:30:00Z',
	rejected: false,
	withdrawn: false,
	offered: false,
};
const offer = {
	id: 15,
	status: 'candidate_accepted',
	details: 'Senior Engineer — $150k base',
	extended_at: '2025-01-18T09:00:00Z',
	expires_at: '2025-01-25T23:59:59Z',
	accepted_at: null,
	declined_at: null,
	candidate,
	job_posting: jobPosting,
};
const interview = {
	id: 28,
	status: 'scheduled',
	scheduled_at: '2025-01-20T14:00:00Z',
	duration_minutes: 60,
	candidate,
	job_posting: jobPosting,
};
const codeAssignment = {
	id: 11,
	repo_url: 'https://github.com/org/assignment-jane-smith',
	submitted_at: '2025-01-22T16:45:00Z',
	deadline_at: '2025-01-25T23:59:59Z',
	candidate,
	job_posting: jobPosting,
};
const review = {
	id: 9,
	recommendation: 'strong_yes',
	reviewer: 'Alex Johnson',
	candidate,
	job_posting: jobPosting,
	stage: 'Technical Interview',
};
const jobPostingData = {
	id: 3,
	title: 'Senior Engineer',
	status: 'published',
	location: 'Remote',
	department: 'Engineering',
	employment_type: 'Full-time',
	published_at: '2025-01-10T08:00:00Z',
	closed_at: null,
	public_url: 'https://careers.example.com/senior-engineer',
};

const documented: Array<[string, string, Record<string, unknown>]> = [
	['application.submitted', '2025-01-15T14:30:00Z', application],
	['offer.candidate_accepted', '2025-01-20T10:00:00Z', offer],
	['interview.scheduled', '2025-01-16T09:00:00Z', interview],
	['code_assignment.submitted', '2025-01-22T16:45:00Z', codeAssignment],
	['review.submitted', '2025-01-23T11:00:00Z', review],
	['job_posting.published', '2025-01-10T08:00:00Z', jobPostingData],
	['test.ping', '2025-01-15T14:30:00Z', {}],
];

/**
 * Sibling events share their family's documented data shape, so each gets the documented
 * example of its family with the fields the event implies (stage, status) adjusted.
 */
const siblings: Array<[string, string, Record<string, unknown>]> = [
	['application.rejected', '2025-01-17T10:00:00Z', { ...application, rejected: true }],
	[
		'application.advanced',
		'2025-01-16T10:00:00Z',
		{ ...application, current_stage: 'Technical Interview' },
	],
	['application.withdrawn', '2025-01-17T12:00:00Z', { ...application, withdrawn: true }],
	[
		'application.offer_extended',
		'2025-01-18T09:00:00Z',
		{ ...application, current_stage: 'Offer', offered: true },
	],
	[
		'offer.accepted',
		'2025-01-18T08:00:00Z',
		{ ...offer, status: 'accepted', accepted_at: '2025-01-18T08:00:00Z' },
	],
	[
		'offer.declined',
		'2025-01-18T08:00:00Z',
		{ ...offer, status: 'declined', declined_at: '2025-01-18T08:00:00Z' },
	],
	['offer.candidate_declined', '2025-01-20T10:00:00Z', { ...offer, status: 'candidate_declined' }],
	[
		'offer.revised',
		'2025-01-19T10:00:00Z',
		{ ...offer, status: 'pending', details: 'Senior Engineer — $160k base' },
	],
	['interview.confirmed', '2025-01-17T09:00:00Z', { ...interview, status: 'confirmed' }],
	['interview.completed', '2025-01-20T15:00:00Z', { ...interview, status: 'completed' }],
	['interview.cancelled', '2025-01-19T09:00:00Z', { ...interview, status: 'cancelled' }],
	['interview.no_show', '2025-01-20T14:30:00Z', { ...interview, status: 'no_show' }],
	['code_assignment.auto_submitted', '2025-01-25T23:59:59Z', codeAssignment],
	['job_posting.paused', '2025-02-01T08:00:00Z', { ...jobPostingData, status: 'paused' }],
	[
		'job_posting.closed',
		'2025-03-01T08:00:00Z',
		{ ...jobPostingData, status: 'closed', closed_at: '2025-03-01T08:00:00Z' },
	],
	['job_posting.reopened', '2025-03-05T08:00:00Z', jobPostingData],
];

export const startupKitSamples: VendorSample[] = [
	...documented.map(([event, createdAt, data]) => ({
		eventType: event,
		title: `Documented ${event} example`,
		body: { event, created_at: createdAt, data },
	})),
	...siblings.map(([event, createdAt, data]) => ({
		eventType: event,
		title: `${event} (family example)`,
		body: { event, created_at: createdAt, data },
	})),
];
