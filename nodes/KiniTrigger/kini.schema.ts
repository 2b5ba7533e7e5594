import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

export const kiniStatuses = ['SUCCESS', 'FAILURE', 'EXPECTED_FAILURE', 'NOTSENT'] as const;

/** Kini sends one kind of event, the application sync status; its status is the event type. */
export const kiniEvents = eventOptions([
	['SUCCESS', 'Application Synced', 'The application was synchronized successfully'],
	['FAILURE', 'Application Sync Failed', 'Synchronization failed; details in failure_error'],
	[
		'EXPECTED_FAILURE',
		'Application Sync Failed (Expected)',
		'Synchronization failed for an expected reason (e.g. duplicate application)',
	],
	['NOTSENT', 'Application Not Sent Yet', 'Not sent to the ATS yet, or still in progress'],
]);

export const kiniStatusWebhookSchema = z.looseObject({
	company_id: z.number().int(),
	partner_id: z.number().int(),
	application_id: z.number().int(),
	partner_application_id: z.string().nullable().optional(),
	external_job_id: z.string(),
	status: z.enum(kiniStatuses),
	failure_error: z.string().nullable(),
});

export type KiniStatusWebhook = z.infer<typeof kiniStatusWebhookSchema>;
