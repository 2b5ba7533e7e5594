import { asRecord, emptyApplication, emptyCandidate, emptyJob, idText, isoTime, textOrNull } from '../shared/canonical';
import type { CanonicalFields } from '../shared/canonical';
import { credentialText, decodeBase64UrlDigest, verifyBodyHmac } from '../shared/signatures';
import type { VendorDefinition, VerifyRequest } from '../shared/vendor';
import { knitEvents, knitWebhookSchema } from './knit.schema';

/** Knit signs the raw body with the account's API key: base64url HMAC-SHA256, no padding. */
export function verifyKnitSignature({ rawBody, headers, credentials }: VerifyRequest) {
	return verifyBodyHmac(rawBody, headers, 'X-Knit-Signature', credentialText(credentials.apiKey), decodeBase64UrlDigest);
}

const isJobSync = (body: Record<string, unknown>) => String(body.syncDataType ?? '').includes('job');

function normalizeKnit(body: Record<string, unknown>): CanonicalFields {
	const data = asRecord(body.eventData);
	const info = asRecord(data.info);
	const fields: CanonicalFields = {
		occurredAt: isoTime(data.completedAt ?? data.processedAt ?? info.updatedAt ?? null),
		application: emptyApplication(),
		candidate: emptyCandidate(),
		job: emptyJob(),
	};
	if (String(body.eventType ?? '').startsWith('sync.')) {
		fields.detail = `${String(body.syncDataType ?? 'records')}: ${Number(data.processed ?? 0)} processed`;
		return fields;
	}
	if (isJobSync(body)) {
		fields.job = {
			id: idText(body.recordId) ?? idText(info.id) ?? idText(data.jobId),
			title: textOrNull(info.title) ?? textOrNull(info.name),
			url: textOrNull(info.url) ?? textOrNull(info.publicUrl),
			status: textOrNull(info.status),
		};
		return fields;
	}
	const stage = asRecord(data.currentStage);
	fields.application = {
		id: idText(body.recordId) ?? idText(info.id) ?? idText(data.applicationId),
		status: textOrNull(info.status),
		stage: textOrNull(stage.name) ?? textOrNull(stage.stageName),
		error: null,
	};
	fields.candidate.id = idText(info.candidateId) ?? idText(data.candidateId);
	fields.job.id = idText(info.jobId) ?? idText(data.jobId);
	return fields;
}

export const knitVendor: VendorDefinition = {
	key: 'knit',
	displayName: 'Knit',
	triggerNode: 'KnitTrigger',
	credentialType: 'knitApi',
	events: knitEvents,
	schema: knitWebhookSchema,
	eventTypeOf: (body) => textOrNull(asRecord(body).eventType) ?? undefined,
	eventIdOf: (body) => textOrNull(asRecord(body).eventId) ?? undefined,
	verify: verifyKnitSignature,
	canonicalTypes: {
		'record.new': 'application.created',
		'record.modified': 'application.updated',
		'record.deleted': 'application.deleted',
		'record.new (ats_jobs)': 'job.created',
		'record.modified (ats_jobs)': 'job.updated',
		'record.deleted (ats_jobs)': 'job.deleted',
		'sync.events.processed': 'sync.progressed',
		'sync.events.allConsumed': 'sync.completed',
	},
	mappingKeyOf: (body, eventType) =>
		eventType.startsWith('record.') && isJobSync(body) ? `${eventType} (ats_jobs)` : eventType,
	normalize: normalizeKnit,
	looksLike: (body) => typeof body.eventType === 'string' && 'syncJobId' in body,
};
