import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

/**
 * KeldairHR's document describes the envelope (`type` is `resource.event`) and lists no event
 * types at all; it only mentions, in prose, "when an applicant get hired, or an onboarding
 * file gets completed". These eight are EXAMPLES we chose (those two plus a usual ATS
 * lifecycle), not types KeldairHR documents: any other well-formed type is accepted, passes
 * the default filter and normalizes by its resource and action (see keldairHr.vendor.ts).
 */
export const keldairHrEvents = eventOptions([
	['applicant.created', 'A new applicant applied'],
	['applicant.updated', 'An applicant changed'],
	['applicant.stage_changed', 'An applicant moved to another stage'],
	['applicant.rejected', 'An applicant was rejected'],
	['applicant.hired', 'An applicant was hired'],
	['onboarding.completed', 'An onboarding file was completed'],
	['job.created', 'A job was opened'],
	['job.closed', 'A job was closed'],
]);

export const KELDAIRHR_EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export const keldairHrWebhookSchema = z.looseObject({
	id: z.string().min(1),
	type: z.string().regex(KELDAIRHR_EVENT_TYPE, 'expected a resource.event type'),
	version: z.string(),
	dateOccurred: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 time'),
	// Any object (the resource's shape is undocumented); cheaper than z.record for the same check.
	data: z.looseObject({}),
});

export type KeldairHrWebhook = z.infer<typeof keldairHrWebhookSchema>;
