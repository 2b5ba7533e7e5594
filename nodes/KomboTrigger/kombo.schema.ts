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
	[
		'assessment:order-received',
		'Assessment Order Received',
		'An ATS user ordered an assessment or background check for a candidate',
	],
	[
		'inline-assessment:order-received',
		'Inline Assessment Order Received',
		'A candidate applying on a career page was ordered an inline assessment (Kombo expects an assessment_url in the reply, which this trigger does not send)',
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

/**
 * Kombo's general webhooks, as Kombo's API reference (and its SDK, @kombo-api/sdk) defines
 * them: the fields Kombo marks required are required here, with their types and closed
 * enums. Deliberately looser than Kombo: `changed_models[].name` is any string (Kombo's list of
 * ~50 model names grows with each model it adds), and every object keeps unknown fields.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const category = z.enum(['HRIS', 'ATS', 'ASSESSMENT', 'LMS']);
const endUser = z.looseObject({
	organization_name: z.string(),
	creator_email: z.string().nullable(),
	origin_id: z.string().nullable(),
});

export const komboSyncFinishedSchema = z.looseObject({
	sync_id: z.string(),
	sync_state: z.string(),
	sync_started_at: isoDateTime,
	sync_ended_at: isoDateTime,
	sync_duration_seconds: z.number().int(),
	integration_id: z.string(),
	integration_tool: z.string(),
	integration_category: category,
	end_user: endUser,
	log_url: z.string(),
});

export const komboDataChangedSchema = z.looseObject({
	integration_id: z.string(),
	integration_tool: z.string(),
	integration_category: category,
	changed_models: z.array(z.looseObject({ name: z.string() })),
});

export const komboIntegrationCreatedSchema = z.looseObject({
	id: z.string(),
	tool: z.string(),
	category,
	end_user: endUser,
});

export const komboIntegrationDeletedSchema = komboIntegrationCreatedSchema.extend({
	deleted_at: isoDateTime,
});

export const komboIntegrationStateChangedSchema = z.looseObject({
	integration_tool: z.string(),
	integration_id: z.string(),
	integration_category: category,
	end_user: endUser,
	qa_status: z.enum(['PENDING', 'FAILED', 'PASSED']),
	setup_status: z.enum(['INCOMPLETE', 'FINAL_SYNC_PENDING', 'COMPLETED']),
	state: z.enum(['ACTIVE', 'INVALID', 'INACTIVE']),
	updated_at: isoDateTime,
});

export const komboConnectionFlowFailedSchema = z.looseObject({
	integration_tool: z.string(),
	integration_category: category,
	end_user: endUser,
	log_url: z.string(),
});

const nullableText = z.string().nullable();

/** An assessment (or background check) order; the inline flow sends the same shape. */
export const komboAssessmentOrderSchema = z.looseObject({
	id: z.string(),
	package_id: z.string(),
	status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED', 'REJECTED']),
	integration_id: z.string(),
	candidate: z.looseObject({
		remote_id: nullableText,
		email: z.string(),
		first_name: nullableText,
		last_name: nullableText,
		phone: nullableText,
	}),
	application: z.looseObject({ remote_id: nullableText }),
	job: z.looseObject({
		remote_id: nullableText,
		name: nullableText,
		job_code: nullableText,
		description: nullableText,
		location: z
			.looseObject({
				street_1: nullableText.optional(),
				street_2: nullableText.optional(),
				city: nullableText.optional(),
				state: nullableText.optional(),
				zip_code: nullableText.optional(),
				country: nullableText.optional(),
				raw: nullableText.optional(),
			})
			.nullable(),
		hiring_team: z.array(
			z.looseObject({
				remote_id: nullableText,
				email: nullableText,
				first_name: nullableText,
				last_name: nullableText,
				hiring_team_roles: z.array(z.enum(['RECRUITER', 'HIRING_MANAGER'])),
			}),
		),
	}),
});

/**
 * remote-event-received is in Kombo's webhook guide but not in its API reference or SDK: no
 * documented payload, so only the integration fields Kombo's other webhooks share are checked.
 */
export const komboIntegrationDataSchema = z.looseObject({
	integration_id: z.string().optional(),
	integration_tool: z.string().optional(),
	integration_category: z.string().optional(),
});

/** The event id must be non-empty (stricter than Kombo's `string`): it is the dedupe key. */
const event = <T extends readonly [string, ...string[]], D extends z.ZodType>(types: T, data: D) =>
	z.looseObject({ id: z.string().min(1), type: z.enum(types), data });

export const komboWebhookSchema = z.discriminatedUnion('type', [
	event(['ai-apply-job-posting-status-updated'], komboJobPostingSchema),
	event(['ai-apply-application-status-updated'], komboApplicationSchema),
	event(['sync-finished'], komboSyncFinishedSchema),
	event(['data-changed'], komboDataChangedSchema),
	event(['integration-created'], komboIntegrationCreatedSchema),
	event(['integration-deleted'], komboIntegrationDeletedSchema),
	event(['integration-state-changed'], komboIntegrationStateChangedSchema),
	event(['connection-flow-failed'], komboConnectionFlowFailedSchema),
	event(
		['assessment:order-received', 'inline-assessment:order-received'],
		komboAssessmentOrderSchema,
	),
	event(['remote-event-received'], komboIntegrationDataSchema),
]);

export type KomboWebhook = z.infer<typeof komboWebhookSchema>;
