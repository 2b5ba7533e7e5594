import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

export const startupKitEvents = eventOptions([
	['application.submitted', 'Application Submitted', 'A candidate submitted an application'],
	['application.rejected', 'Application Rejected', 'An application was rejected'],
	[
		'application.advanced',
		'Application Advanced',
		'An application moved to the next pipeline stage',
	],
	['application.withdrawn', 'Application Withdrawn', 'A candidate withdrew'],
	[
		'application.offer_extended',
		'Application Offer Extended',
		'An offer was extended for an application',
	],
	['offer.accepted', 'Offer Accepted', 'An admin accepted an offer'],
	['offer.declined', 'Offer Declined', 'An admin declined an offer'],
	['offer.candidate_accepted', 'Offer Accepted by Candidate', 'The candidate accepted an offer'],
	['offer.candidate_declined', 'Offer Declined by Candidate', 'The candidate declined an offer'],
	['offer.revised', 'Offer Revised', 'An admin revised an offer'],
	['interview.scheduled', 'Interview Scheduled', 'An interview was scheduled'],
	['interview.confirmed', 'Interview Confirmed', 'An interview was confirmed'],
	['interview.completed', 'Interview Completed', 'An interview took place'],
	['interview.cancelled', 'Interview Cancelled', 'An interview was cancelled'],
	['interview.no_show', 'Interview No-Show', 'The candidate did not show up'],
	[
		'code_assignment.submitted',
		'Code Assignment Submitted',
		'A candidate submitted a code assignment',
	],
	[
		'code_assignment.auto_submitted',
		'Code Assignment Auto-Submitted',
		'A code assignment was submitted at its deadline',
	],
	['review.submitted', 'Review Submitted', 'A reviewer submitted a review'],
	['job_posting.published', 'Job Posting Published', 'A job posting was published'],
	['job_posting.paused', 'Job Posting Paused', 'A job posting was paused'],
	['job_posting.closed', 'Job Posting Closed', 'A job posting was closed'],
	['job_posting.reopened', 'Job Posting Reopened', 'A job posting was reopened'],
	['test.ping', 'Test Ping', 'Sent by "Send Test Ping" in StartupKit\'s webhook settings'],
]);

const nullableTime = z.string().nullable();
const candidate = z.looseObject({ id: z.number().int(), name: z.string(), email: z.string() });
const jobPostingRef = z.looseObject({ id: z.number().int(), title: z.string() });

export const startupKitApplicationSchema = z.looseObject({
	id: z.number().int(),
	candidate,
	job_posting: jobPostingRef,
	current_stage: z.string(),
	submitted_at: nullableTime,
	rejected: z.boolean(),
	withdrawn: z.boolean(),
	offered: z.boolean(),
});

export const startupKitOfferSchema = z.looseObject({
	id: z.number().int(),
	status: z.enum([
		'pending',
		'accepted',
		'declined',
		'candidate_accepted',
		'candidate_declined',
		'expired',
	]),
	details: z.string().nullable(),
	extended_at: nullableTime,
	expires_at: nullableTime,
	accepted_at: nullableTime,
	declined_at: nullableTime,
	candidate,
	job_posting: jobPostingRef,
});

export const startupKitInterviewSchema = z.looseObject({
	id: z.number().int(),
	status: z.enum(['scheduled', 'confirmed', 'completed', 'cancelled', 'no_show']),
	scheduled_at: nullableTime,
	duration_minutes: z.number().int(),
	candidate,
	job_posting: jobPostingRef,
});

export const startupKitCodeAssignmentSchema = z.looseObject({
	id: z.number().int(),
	repo_url: z.string(),
	submitted_at: nullableTime,
	deadline_at: nullableTime,
	candidate,
	job_posting: jobPostingRef,
});

export const startupKitReviewSchema = z.looseObject({
	id: z.number().int(),
	recommendation: z.string(),
	reviewer: z.string(),
	candidate,
	job_posting: jobPostingRef,
	stage: z.string(),
});

export const startupKitJobPostingSchema = z.looseObject({
	id: z.number().int(),
	title: z.string(),
	status: z.enum(['published', 'paused', 'closed']),
	location: z.string(),
	department: z.string(),
	employment_type: z.string(),
	published_at: nullableTime,
	closed_at: nullableTime,
	public_url: z.string(),
});

const envelope = <E extends readonly [string, ...string[]], D extends z.ZodType>(
	events: E,
	data: D,
) => z.looseObject({ event: z.enum(events), created_at: z.string(), data });

export const startupKitWebhookSchema = z.discriminatedUnion('event', [
	envelope(
		[
			'application.submitted',
			'application.rejected',
			'application.advanced',
			'application.withdrawn',
			'application.offer_extended',
		],
		startupKitApplicationSchema,
	),
	envelope(
		[
			'offer.accepted',
			'offer.declined',
			'offer.candidate_accepted',
			'offer.candidate_declined',
			'offer.revised',
		],
		startupKitOfferSchema,
	),
	envelope(
		[
			'interview.scheduled',
			'interview.confirmed',
			'interview.completed',
			'interview.cancelled',
			'interview.no_show',
		],
		startupKitInterviewSchema,
	),
	envelope(
		['code_assignment.submitted', 'code_assignment.auto_submitted'],
		startupKitCodeAssignmentSchema,
	),
	envelope(['review.submitted'], startupKitReviewSchema),
	envelope(
		['job_posting.published', 'job_posting.paused', 'job_posting.closed', 'job_posting.reopened'],
		startupKitJobPostingSchema,
	),
	envelope(['test.ping'], z.looseObject({})),
]);

export type StartupKitWebhook = z.infer<typeof startupKitWebhookSchema>;
