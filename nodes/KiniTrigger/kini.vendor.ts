import { emptyCandidate, idText, textOrNull } from '../shared/canonical';
import { typeFromTable, type Vendor } from '../shared/vendor';
import { kiniStatusWebhookSchema } from './kini.schema';

const kiniTypes = {
	SUCCESS: 'application.status_changed',
	FAILURE: 'application.status_changed',
	EXPECTED_FAILURE: 'application.status_changed',
	NOTSENT: 'application.status_changed',
} as const;

export const kiniVendor: Vendor = {
	key: 'kini',
	displayName: 'Kini',
	triggerNode: 'KiniTrigger',
	credentialType: 'kiniApi',
	schema: kiniStatusWebhookSchema,
	// Kini sends no event id and reports an application's sync status: the same status again is a
	// redelivery, a different one (FAILURE after SUCCESS after FAILURE) is news.
	envelope: { eventType: 'status', dedupeSubject: ['company_id', 'application_id'] },
	canonicalTypes: kiniTypes,
	canonicalTypeOf: typeFromTable(kiniTypes),
	normalize: (body) => ({
		occurredAt: null,
		application: {
			id: idText(body.application_id),
			status: textOrNull(body.status),
			stage: null,
			error: textOrNull(body.failure_error),
		},
		candidate: emptyCandidate(),
		job: { id: idText(body.external_job_id), title: null, url: null, status: null },
		detail: idText(body.partner_application_id)
			? `partner application ${idText(body.partner_application_id)}`
			: undefined,
	}),
	looksLike: (body) => 'application_id' in body && 'status' in body && 'company_id' in body,
};
