import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

/**
 * The item fields the trigger adds from SmartRecruiters' headers (its body is thin: the changed
 * resource's id). Flat names no SmartRecruiters body has; `requestFields` in
 * smartRecruiters.trigger.ts maps each to its header.
 */
export const SR_FIELDS = {
	eventName: 'eventName',
	eventId: 'eventId',
	eventVersion: 'eventVersion',
	link: 'link',
} as const;

/**
 * SmartRecruiters' webhook events. SmartRecruiters lists them under the "Callbacks" tab of
 * POST /subscriptions in its Live Docs ("Creating webhook subscriptions"), which was not
 * readable here; the names are those of Knit's table of SmartRecruiters webhook events
 * (developers.getknit.dev, "SmartRecruiters ATS Real Time Events"), which agree with the
 * families SmartRecruiters' own pages name (application.created, application.status.updated,
 * job.*, candidate.*, offer.*, interview.*). A name not listed still passes the filter.
 */
export const smartRecruitersEvents = eventOptions([
	['application.created', 'Application Created', 'A candidate applied or was added to a job'],
	[
		'application.status.updated',
		'Application Status Updated',
		'An application moved to another hiring step (status or sub-status)',
	],
	['application.fields.updated', 'Application Fields Updated', "An application's fields changed"],
	[
		'application.onboarding-status.updated',
		'Application Onboarding Status Updated',
		"An application's onboarding status changed",
	],
	[
		'application.attachment.created',
		'Application Attachment Created',
		'An attachment was added to an application',
	],
	['application.source.updated', 'Application Source Updated', "An application's source changed"],
	[
		'application.screening-answers.created',
		'Application Screening Answers Created',
		"A candidate's screening answers were saved",
	],
	[
		'application.screening-answers.updated',
		'Application Screening Answers Updated',
		"A candidate's screening answers changed",
	],
	['offer.created', 'Offer Created', 'An offer was created'],
	['offer.updated', 'Offer Updated', 'An offer changed'],
	['offer.approval.created', 'Offer Approval Requested', 'An offer was sent for approval'],
	['offer.approval.approved', 'Offer Approved', "An offer's approval was granted"],
	['offer.approval.rejected', 'Offer Approval Rejected', "An offer's approval was refused"],
	['offer.approval.abandoned', 'Offer Approval Abandoned', "An offer's approval was abandoned"],
	[
		'offer.approval.step.approved',
		'Offer Approval Step Approved',
		'One step of an offer approval was approved',
	],
	[
		'offer.approval.step.rejected',
		'Offer Approval Step Rejected',
		'One step of an offer approval was rejected',
	],
	['offer.approver.skipped', 'Offer Approver Skipped', 'An approver of an offer was skipped'],
	[
		'offer.approver.delegated',
		'Offer Approver Delegated',
		'An approver of an offer delegated the approval',
	],
	[
		'offer.approval.comment.created',
		'Offer Approval Comment Created',
		'A comment was added to an offer approval',
	],
	['interview.created', 'Interview Created', 'An interview was scheduled'],
	['interview.updated', 'Interview Updated', 'An interview changed'],
	['interview.canceled', 'Interview Canceled', 'An interview was canceled'],
	['job.created', 'Job Created', 'A job was created'],
	['job.updated', 'Job Updated', 'A job changed'],
	[
		'job.status.updated',
		'Job Status Updated',
		"A job's status changed (sourcing, on hold, filled…)",
	],
	['job.hiring-team.updated', 'Job Hiring Team Updated', "A job's hiring team changed"],
	['job.ad.created', 'Job Ad Created', 'A job ad was created'],
	['job.ad.updated', 'Job Ad Updated', 'A job ad changed'],
	['job.ad.postings.updated', 'Job Ad Postings Updated', "A job ad's postings changed"],
	['job.approval.created', 'Job Approval Requested', 'A job was sent for approval'],
	['job.approval.approved', 'Job Approved', "A job's approval was granted"],
	['job.approval.rejected', 'Job Approval Rejected', "A job's approval was refused"],
	['job.approval.abandoned', 'Job Approval Abandoned', "A job's approval was abandoned"],
	[
		'job.approval.step.approved',
		'Job Approval Step Approved',
		'One step of a job approval was approved',
	],
	[
		'job.approval.step.rejected',
		'Job Approval Step Rejected',
		'One step of a job approval was rejected',
	],
	['job.approver.skipped', 'Job Approver Skipped', 'An approver of a job was skipped'],
	[
		'job.approver.delegated',
		'Job Approver Delegated',
		'An approver of a job delegated the approval',
	],
	[
		'job.approval.comment.created',
		'Job Approval Comment Created',
		'A comment was added to a job approval',
	],
	['position.created', 'Position Created', 'A position (headcount) was created on a job'],
	['position.updated', 'Position Updated', 'A position changed'],
	['position.deleted', 'Position Deleted', 'A position was deleted'],
	['candidate.created', 'Candidate Created', 'A candidate was created'],
	['candidate.updated', 'Candidate Updated', "A candidate's profile changed"],
	['candidate.deleted', 'Candidate Deleted', 'A candidate was deleted'],
]);

/**
 * One SmartRecruiters notification as the trigger emits it: the body as sent (SmartRecruiters
 * documents `{"id": "<changed resource>"}`; its signature example carries other ids instead, so
 * `id` is optional and other fields are kept) plus the event's headers as flat fields. The event
 * name and id are required: without them SmartRecruiters did not send the notification it
 * documents.
 *
 * Lean, because SmartRecruiters' floor in `npm run bench` (a) is the smallest (a 45-byte body)
 * and each zod check counts (docs/performance.md):
 * - `z.object`, not `z.looseObject`: both accept fields not named here, and the item is the
 *   body as sent whatever the parse returns (the pipeline emits the body); looseObject's pass
 *   over the keys was 0.09 of the ratio.
 * - No `min(1)` on the header fields: the trigger adds a header's field only when its value is
 *   not empty (withRequestFields), and SmartRecruiters' body has none of these names.
 */
export const smartRecruitersWebhookSchema = z.object({
	id: z.string().min(1).optional(),
	[SR_FIELDS.eventName]: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/),
	[SR_FIELDS.eventId]: z.string(),
	[SR_FIELDS.eventVersion]: z.string().optional(),
	[SR_FIELDS.link]: z.string().optional(),
});

export type SmartRecruitersWebhook = z.infer<typeof smartRecruitersWebhookSchema>;
