import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

/**
 * Greenhouse Recruiting's web hook events, from its document (grnhse/greenhouse-api-docs,
 * source/includes/webhooks/_*_events.md), plus the ping it sends when a web hook is saved.
 * In Greenhouse each web hook has one event ("When"); the codes are its `action` values.
 */
export const greenhouseEvents = eventOptions([
	[
		'new_candidate_application',
		'Application Created',
		'A new application was created for a candidate',
	],
	['delete_application', 'Application Deleted', 'An individual application was deleted'],
	['application_updated', 'Application Updated', 'An application was updated'],
	['offer_created', 'Offer Created', 'An offer, or a new version of one, was created'],
	['offer_approved', 'Offer Approved', 'An offer that needed approval was approved'],
	['offer_updated', 'Offer Updated', 'An offer was updated (or deprecated by a new version)'],
	['offer_deleted', 'Offer Deleted', 'An offer was deleted'],
	['new_prospect_application', 'Prospect Created', 'A new prospect application was created'],
	['delete_candidate', 'Candidate Deleted', 'A candidate or prospect was deleted'],
	['hire_candidate', 'Candidate Hired', 'An offer was accepted: the candidate is hired'],
	['merge_candidate', 'Candidate Merged', 'A candidate or prospect was merged into another'],
	['candidate_stage_change', 'Candidate Stage Changed', "An application's stage changed"],
	['unhire_candidate', 'Candidate Unhired', 'A hired candidate was unhired'],
	['reject_candidate', 'Candidate Rejected', 'A candidate or prospect was rejected'],
	['unreject_candidate', 'Candidate Unrejected', 'A candidate or prospect was unrejected'],
	['update_candidate', 'Candidate Updated', "A candidate's or prospect's field was updated"],
	['candidate_anonymized', 'Candidate Anonymized', "Some of a candidate's data was anonymized"],
	['interview_deleted', 'Interview Deleted', 'A scheduled interview was cancelled or deleted'],
	['scorecard_deleted', 'Scorecard Deleted', 'A scorecard was deleted'],
	['job_created', 'Job Created', 'A job was created or copied'],
	['job_deleted', 'Job Deleted', 'A job was deleted'],
	['job_updated', 'Job Updated', 'A job was updated'],
	['job_approved', 'Job Approved', "A job's approval flow received its final approval"],
	['job_post_created', 'Job Post Created', 'A job post or prospect post was created'],
	['job_post_updated', 'Job Post Updated', 'A job post or prospect post was updated'],
	['job_post_deleted', 'Job Post Deleted', 'A job post or prospect post was deleted'],
	['job_interview_stage_deleted', 'Job Stage Deleted', 'An interview stage was removed from a job'],
	['department_deleted', 'Department Deleted', 'A department was deleted'],
	['office_deleted', 'Office Deleted', 'An office was deleted'],
	['ping', 'Ping', 'Sent by Greenhouse when a web hook is saved or updated'],
]);

const id = z.number().int();
const text = z.string();
const nullableText = z.string().nullable();

const emailAddress = z.looseObject({ value: text, type: text.optional() });

/** A candidate as application events and update_candidate carry it. */
export const greenhouseCandidateSchema = z.looseObject({
	id,
	first_name: nullableText,
	last_name: nullableText,
	email_addresses: z.array(emailAddress),
});

const jobRef = z.looseObject({ id, name: text, requisition_id: nullableText.optional() });

/** The application of application and candidate events (Greenhouse's common attributes). */
export const greenhouseApplicationSchema = z.looseObject({
	id,
	status: z.enum(['rejected', 'hired', 'active']).optional(),
	prospect: z.boolean().optional(),
	current_stage: z.looseObject({ id, name: text }).nullable().optional(),
	candidate: greenhouseCandidateSchema,
	jobs: z.array(jobRef),
});

const offer = z.looseObject({
	id,
	application_id: id,
	job_id: id,
	version: id,
	offer_status: text,
});

export const greenhouseJobSchema = z.looseObject({
	id,
	name: text,
	requisition_id: nullableText,
	status: text,
});

const person = z.looseObject({ id, first_name: nullableText, last_name: nullableText });

/** A job post or prospect post; a prospect post has no job_id. */
const jobPost = z.looseObject({ id, title: text, job_id: id.optional(), live: z.boolean() });

const event = <T extends readonly [string, ...string[]], P extends z.ZodType>(
	actions: T,
	payload: P,
) => z.looseObject({ action: z.enum(actions), payload });

export const greenhouseWebhookSchema = z.discriminatedUnion('action', [
	event(
		[
			'new_candidate_application',
			'application_updated',
			'new_prospect_application',
			'hire_candidate',
			'candidate_stage_change',
			'unhire_candidate',
			'reject_candidate',
			'unreject_candidate',
		],
		z.looseObject({ application: greenhouseApplicationSchema }),
	),
	event(
		['delete_application'],
		z.looseObject({
			application: z.looseObject({ id, candidate_id: id, job_id: id }),
		}),
	),
	event(['offer_created', 'offer_approved', 'offer_updated'], offer),
	event(['offer_deleted'], z.looseObject({ offer })),
	event(['delete_candidate'], z.looseObject({ person })),
	event(['merge_candidate'], z.looseObject({ person: person.extend({ new_candidate_id: id }) })),
	event(['update_candidate'], z.looseObject({ candidate: greenhouseCandidateSchema })),
	event(
		['candidate_anonymized'],
		z.looseObject({ candidate_id: id, anonymized_fields: z.array(text) }),
	),
	event(['interview_deleted'], z.looseObject({ interview: z.looseObject({ id }) })),
	event(
		['scorecard_deleted'],
		z.looseObject({ scorecard: z.looseObject({ id, candidate_id: id }) }),
	),
	event(['job_created', 'job_updated'], z.looseObject({ job: greenhouseJobSchema })),
	event(
		['job_approved'],
		z.looseObject({
			approval_flow: z.looseObject({ approval_flow_type: text }),
			job: greenhouseJobSchema,
		}),
	),
	event(['job_deleted'], z.looseObject({ job: z.looseObject({ id, name: text }) })),
	event(['job_post_created', 'job_post_updated'], jobPost),
	event(['job_post_deleted'], z.looseObject({ job_post: jobPost })),
	event(
		['job_interview_stage_deleted'],
		z.looseObject({ job_interview_stage: z.looseObject({ id, job_id: id, name: text }) }),
	),
	event(['department_deleted'], z.looseObject({ department: z.looseObject({ id, name: text }) })),
	event(['office_deleted'], z.looseObject({ office: z.looseObject({ id, name: text }) })),
	// The ping's settings are not documented: any object.
	event(['ping'], z.looseObject({})),
]);

export type GreenhouseWebhook = z.infer<typeof greenhouseWebhookSchema>;
