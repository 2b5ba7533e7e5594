import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

/**
 * KeldairHR documents the envelope (`resource.event` types) but publishes no list of types.
 * These are the ones its documents describe (hires, onboarding) and the usual ATS lifecycle;
 * any other well-formed type is accepted as well.
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
