import { asRecord, emptyCandidate, idText, textOrNull } from '../shared/canonical';
import { credentialText, headerValue, rejected, secretsEqual, verified } from '../shared/signatures';
import type { VendorDefinition, VerifyRequest } from '../shared/vendor';
import { kiniEvents, kiniStatusWebhookSchema } from './kini.schema';

const BEARER = /^Bearer\s+(.+)$/i;

/** Kini authenticates with the shared API key as a Bearer token. */
export function verifyKiniRequest({ headers, credentials }: VerifyRequest) {
	const authorization = headerValue(headers, 'authorization');
	if (authorization === undefined || authorization === '') return rejected('missing Authorization header');
	const token = BEARER.exec(authorization)?.[1]?.trim();
	if (token === undefined || token === '') return rejected('Authorization is not a Bearer token');
	return secretsEqual(credentialText(credentials.apiKey), token) ? verified : rejected('invalid API key');
}

export const kiniVendor: VendorDefinition = {
	key: 'kini',
	displayName: 'Kini',
	triggerNode: 'KiniTrigger',
	credentialType: 'kiniApi',
	events: kiniEvents,
	schema: kiniStatusWebhookSchema,
	eventTypeOf: (body) => textOrNull(asRecord(body).status) ?? undefined,
	eventIdOf: () => undefined,
	// Kini reports an application's sync status: the same status again is a redelivery, a
	// different one (FAILURE after SUCCESS after FAILURE) is news.
	dedupeSubjectOf: (body) => {
		const application = idText(body.application_id);
		return application ? `${idText(body.company_id) ?? ''}/${application}` : undefined;
	},
	verify: verifyKiniRequest,
	canonicalTypes: {
		SUCCESS: 'application.status_changed',
		FAILURE: 'application.status_changed',
		EXPECTED_FAILURE: 'application.status_changed',
		NOTSENT: 'application.status_changed',
	},
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
		detail: idText(body.partner_application_id) ? `partner application ${idText(body.partner_application_id)}` : undefined,
	}),
	looksLike: (body) => 'application_id' in body && 'status' in body && 'company_id' in body,
};
