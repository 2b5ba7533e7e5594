import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

/**
 * Lever's webhook events, from its developer documentation (Webhooks → Event payloads). The
 * stored value is Lever's own code (what it sends in `event`).
 */
export const leverEvents = eventOptions([
	['applicationCreated', 'Application Created', 'A candidate application was created in Lever'],
	['candidateHired', 'Candidate Hired', 'A candidate was marked as hired'],
	[
		'candidateStageChange',
		'Candidate Stage Change',
		"A candidate's opportunity moved from one stage to another",
	],
	[
		'candidateArchiveChange',
		'Candidate Archive State Change',
		"A candidate's opportunity was archived or unarchived",
	],
	['candidateDeleted', 'Candidate Deleted', 'A candidate was deleted'],
	['interviewCreated', 'Interview Created', 'An interview was created (beta in Lever)'],
	['interviewUpdated', 'Interview Updated', 'An interview was updated (beta in Lever)'],
	['interviewDeleted', 'Interview Deleted', 'An interview was deleted (beta in Lever)'],
	['contactCreated', 'Contact Created', 'A contact (the person behind candidates) was created'],
	['contactUpdated', 'Contact Updated', 'A contact was updated'],
]);

const LEVER_EVENT_TYPES = [
	'applicationCreated',
	'candidateHired',
	'candidateStageChange',
	'candidateArchiveChange',
	'candidateDeleted',
	'interviewCreated',
	'interviewUpdated',
	'interviewDeleted',
	'contactCreated',
	'contactUpdated',
] as const;

const id = z.string().min(1);

/**
 * The `data` object. Lever's document shows its fields only for a stage change (opportunityId,
 * candidateId, contactId, toStageId, fromStageId); its test request sends `{}`. So every field
 * is optional here, and unknown ones are kept.
 */
export const leverDataSchema = z.looseObject({
	opportunityId: id.optional(),
	candidateId: id.optional(),
	contactId: id.optional(),
	toStageId: id.optional(),
	fromStageId: id.nullable().optional(),
});

/**
 * The envelope: `event`, `triggeredAt` (epoch milliseconds), `token` (48 random characters),
 * `signature` (hex HMAC-SHA256 of token + triggeredAt; absent when no signature token was
 * generated in Lever), `data`, and an event `id` Lever documents but leaves out of its examples.
 */
export const leverWebhookSchema = z.looseObject({
	id: id.optional(),
	event: z.enum(LEVER_EVENT_TYPES),
	triggeredAt: z.number().int().nonnegative(),
	token: id,
	signature: z.string().optional(),
	data: leverDataSchema,
});

export type LeverWebhook = z.infer<typeof leverWebhookSchema>;
