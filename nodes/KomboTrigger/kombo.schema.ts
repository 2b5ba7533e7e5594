import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

export const komboEvents = eventOptions([
	[
		'ai-apply-job-posting-status-updated',
		'AI Apply Job Posting Status Updated',
		'AI Apply: a job posting became applyable, unavailable or archived',
	],
	[
		'ai-apply-application-status-updated',
		'AI Apply Application Status Updated',
		'AI Apply: an application was submitted or failed',
	],
	['sync-finished', 'Sync Finished', 'A sync of an integration finished'],
	['data-changed', 'Data Changed', 'Data of an integration changed'],
	['integration-created', 'Integration Created', 'A customer connected an integration'],
	['integration-deleted', 'Integration Deleted', 'An integration was deleted'],
	[
		'integration-state-changed',
		'Integration State Changed',
		'An integration became active, invalid or inactive',
	],
	[
		'connection-flow-failed',
		'Connection Flow Failed',
		'A customer could not complete the connection flow',
	],
	[
		'remote-event-received',
		'Remote Event Received',
		'Kombo received a webhook from the connected tool',
	],
]);

const time = z.string();

export const komboJobPostingSchema = z.looseObject({
	id: z.string(),
	career_site: z.looseObject({ id: z.string(), label: z.string() }),
	url: z.string(),
	job_code: z.string().nullable(),
	created_at: time,
	updated_at: time,
	archived_at: time.nullable(),
	archived_reason: z.string().nullable(),
	availability: z.enum(['PENDING', 'APPLYABLE', 'UNAVAILABLE', 'ARCHIVED']),
});

export const komboApplicationSchema = z.looseObject({
	id: z.string(),
	job_posting_id: z.string(),
	status: z.enum(['PENDING', 'SUBMITTED', 'FAILED']),
	created_at: time,
	updated_at: time,
});

/** Kombo's general webhooks share these integration fields; the rest varies per type. */
export const komboIntegrationDataSchema = z.looseObject({
	integration_id: z.string().optional(),
	integration_tool: z.string().optional(),
	integration_category: z.string().optional(),
});

const event = <T extends readonly [string, ...string[]], D extends z.ZodType>(types: T, data: D) =>
	z.looseObject({ id: z.string().min(1), type: z.enum(types), data });

export const komboWebhookSchema = z.discriminatedUnion('type', [
	event(['ai-apply-job-posting-status-updated'], komboJobPostingSchema),
	event(['ai-apply-application-status-updated'], komboApplicationSchema),
	event(
		[
			'sync-finished',
			'data-changed',
			'integration-created',
			'integration-deleted',
			'integration-state-changed',
			'connection-flow-failed',
			'remote-event-received',
		],
		komboIntegrationDataSchema,
	),
]);

export type KomboWebhook = z.infer<typeof komboWebhookSchema>;
