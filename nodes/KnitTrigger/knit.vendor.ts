import {
	asRecord,
	emptyApplication,
	emptyCandidate,
	emptyJob,
	idText,
	isoTime,
	ownEntry,
	textOrNull,
} from '../shared/canonical';
import type { CanonicalFields } from '../shared/canonical';
import type { Vendor } from '../shared/vendor';
import { knitWebhookSchema } from './knit.schema';

const isJobSync = (body: Record<string, unknown>) =>
	String(body.syncDataType ?? '').includes('job');

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

/** Knit's record events say which data type synced: a job's is mapped apart from an application's. */
const knitTypes = {
	'record.new': 'application.created',
	'record.modified': 'application.updated',
	'record.deleted': 'application.deleted',
	'record.new (ats_jobs)': 'job.created',
	'record.modified (ats_jobs)': 'job.updated',
	'record.deleted (ats_jobs)': 'job.deleted',
	'sync.events.processed': 'sync.progressed',
	'sync.events.allConsumed': 'sync.completed',
} as const;

export const knitVendor: Vendor = {
	key: 'knit',
	displayName: 'Knit',
	triggerNode: 'KnitTrigger',
	credentialType: 'knitApi',
	schema: knitWebhookSchema,
	envelope: { eventType: 'eventType', eventId: 'eventId' },
	canonicalTypes: knitTypes,
	canonicalTypeOf: (body, eventType) =>
		ownEntry(
			knitTypes,
			eventType.startsWith('record.') && isJobSync(body) ? `${eventType} (ats_jobs)` : eventType,
		),
	normalize: normalizeKnit,
	looksLike: (body) => typeof body.eventType === 'string' && 'syncJobId' in body,
};
