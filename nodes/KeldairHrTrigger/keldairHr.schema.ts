import type { INodePropertyOptions } from 'n8n-workflow';
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
	['applicant.created', 'Applicant Created', 'A new applicant applied'],
	['applicant.updated', 'Applicant Updated', 'An applicant changed'],
	['applicant.stage_changed', 'Applicant Stage Changed', 'An applicant moved to another stage'],
	['applicant.rejected', 'Applicant Rejected', 'An applicant was rejected'],
	['applicant.hired', 'Applicant Hired', 'An applicant was hired'],
	['onboarding.completed', 'Onboarding Completed', 'An onboarding file was completed'],
	['job.created', 'Job Created', 'A job was opened'],
	['job.closed', 'Job Closed', 'A job was closed'],
]);

/**
 * Patterns offered beside the listed types: `resource.*` matches every event of a resource,
 * also types KeldairHR adds later (the trigger's filter matches the `.*` suffix).
 */
export const keldairHrEventPatterns: INodePropertyOptions[] = [
	{
		name: 'All Applicant Events',
		value: 'applicant.*',
		description: 'Every applicant.… event, listed or not (applicant.*)',
	},
	{
		name: 'All Job Events',
		value: 'job.*',
		description: 'Every job.… event, listed or not (job.*)',
	},
	{
		name: 'All Onboarding Events',
		value: 'onboarding.*',
		description: 'Every onboarding.… event, listed or not (onboarding.*)',
	},
];

export const KELDAIRHR_EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export const keldairHrWebhookSchema = z.looseObject({
	id: z.string().min(1),
	type: z.string().regex(KELDAIRHR_EVENT_TYPE, 'expected a resource.event type'),
	version: z.string(),
	dateOccurred: z
		.string()
		.refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 time'),
	// Any object (the resource's shape is undocumented); cheaper than z.record for the same check.
	data: z.looseObject({}),
});

export type KeldairHrWebhook = z.infer<typeof keldairHrWebhookSchema>;
