import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

export const startupKitEvents = eventOptions([
	['application.submitted', 'A candidate submitted an application'],
	['application.rejected', 'An application was rejected'],
	['application.advanced', 'An application moved to the next pipeline stage'],
	['application.withdrawn', 'A candidate withdrew'],
	['application.offer_extended', 'An offer was extended for an application'],
	['offer.accepted', 'An admin accepted an offer'],
	['offer.declined', 'An admin declined an offer'],
	['offer.candidate_accepted', 'The candidate accepted an offer'],
	['offer.candidate_declined', 'The candidate declined an offer'],
	['offer.revised', 'An admin revised an offer'],
	['interview.scheduled', 'An interview was scheduled'],
	['interview.confirmed', 'An interview was confirmed'],
	['interview.completed', 'An interview took place'],
	['interview.cancelled', 'An interview was cancelled'],
	['interview.no_show', 'The candidate did not show up'],
	['code_assignment.submitted', 'A candidate submitted a code assignment'],
	['code_assignment.auto_submitted', 'A code assignment was submitted at its deadline'],
	['review.submitted', 'A reviewer submitted a review'],
	['job_posting.published', 'A job posting was published'],
	['job_posting.paused', 'A job posting was paused'],
	['job_posting.closed', 'A job posting was closed'],
	['job_posting.reopened', 'A job posting was reopened'],
	['test.ping', 'Sent by "Send Test Ping" in StartupKit\'s webhook settings'],
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
	status: z.enum(['pending', 'accepted', 'declined', 'candidate_accepted', 'candidate_declined', 'expired']),
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

const envelope = <E extends readonly [string, ...string[]], D extends z.ZodType>(events: E, data: D) =>
	z.looseObject({ event: z.enum(events), created_at: z.string(), data });

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
		['offer.accepted', 'offer.declined', 'offer.candidate_accepted', 'offer.candidate_declined', 'offer.revised'],
		startupKitOfferSchema,
	),
	envelope(
		['interview.scheduled', 'interview.confirmed', 'interview.completed', 'interview.cancelled', 'interview.no_show'],
		startupKitInterviewSchema,
	),
	envelope(['code_assignment.submitted', 'code_assignment.auto_submitted'], startupKitCodeAssignmentSchema),
	envelope(['review.submitted'], startupKitReviewSchema),
	envelope(
		['job_posting.published', 'job_posting.paused', 'job_posting.closed', 'job_posting.reopened'],
		startupKitJobPostingSchema,
	),
	envelope(['test.ping'], z.looseObject({})),
]);

export type StartupKitWebhook = z.infer<typeof startupKitWebhookSchema>;
