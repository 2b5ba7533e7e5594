import { asRecord, idText, isoTime, ownEntry, textOrNull } from '../shared/canonical';
import type { CanonicalFields, CanonicalType } from '../shared/canonical';
import type { Vendor } from '../shared/vendor';
import { keldairHrWebhookSchema } from './keldairHr.schema';

const applicationResources = new Set(['applicant', 'application', 'candidate']);
const applicationActions = new Set([
	'created',
	'updated',
	'deleted',
	'status_changed',
	'stage_changed',
	'rejected',
	'withdrawn',
	'hired',
]);
const openFamilies: Record<string, string> = {
	job: 'job',
	job_posting: 'job',
	requisition: 'job',
	offer: 'offer',
	interview: 'interview',
};

/** Types not in the table: `applicant.hired` → application.hired, `offer.sent` → offer.sent. */
function keldairHrTypeRule(eventType: string): CanonicalType | undefined {
	const [resource, action] = eventType.split('.');
	if (action === undefined) return undefined;
	if (applicationResources.has(resource)) {
		return applicationActions.has(action) ? (`application.${action}` as CanonicalType) : undefined;
	}
	const family = ownEntry(openFamilies, resource);
	return family === undefined ? undefined : (`${family}.${action}` as CanonicalType);
}

function fullName(record: Record<string, unknown>): string | null {
	const name =
		textOrNull(record.name) ??
		[textOrNull(record.firstName), textOrNull(record.lastName)].filter(Boolean).join(' ');
	return name === '' ? null : name;
}

/** KeldairHR's event types and resource shapes are undocumented: read the common field names, else leave null. */
function normalizeKeldairHr(body: Record<string, unknown>): CanonicalFields {
	const data = asRecord(body.data);
	const resource = String(body.type ?? '').split('.')[0];
	const isJob = ownEntry(openFamilies, resource) === 'job';
	const person = Object.keys(asRecord(data.candidate)).length > 0 ? asRecord(data.candidate) : data;
	const job = isJob ? data : asRecord(data.job);
	return {
		occurredAt: isoTime(body.dateOccurred),
		application: {
			id: applicationResources.has(resource) ? idText(data.id) : idText(data.applicationId),
			status: isJob ? null : textOrNull(data.status),
			stage: textOrNull(data.stage),
			error: null,
		},
		candidate: {
			id: idText(person === data ? (data.candidateId ?? data.employeeId) : person.id),
			name: isJob ? null : fullName(person),
			email: isJob ? null : textOrNull(person.email),
		},
		job: {
			id: idText(job.id ?? data.jobId),
			title: textOrNull(job.title) ?? textOrNull(data.jobTitle),
			url: textOrNull(job.url),
			status: isJob ? textOrNull(data.status) : null,
		},
	};
}

// Example types (KeldairHR documents none, see keldairHr.schema.ts); every other type goes
// through keldairHrTypeRule (resource.action), else `other`.
const keldairHrTypes = {
	'applicant.created': 'application.created',
	'applicant.updated': 'application.updated',
	'applicant.stage_changed': 'application.stage_changed',
	'applicant.rejected': 'application.rejected',
	'applicant.hired': 'application.hired',
	'onboarding.completed': 'other',
	'job.created': 'job.created',
	'job.closed': 'job.closed',
} as const;

export const keldairHrVendor: Vendor = {
	key: 'keldairHr',
	displayName: 'KeldairHR',
	triggerNode: 'KeldairHrTrigger',
	credentialType: 'keldairHrApi',
	schema: keldairHrWebhookSchema,
	envelope: { eventType: 'type', eventId: 'id' },
	canonicalTypes: keldairHrTypes,
	canonicalTypeOf: (_body, eventType) =>
		ownEntry(keldairHrTypes, eventType) ?? keldairHrTypeRule(eventType),
	normalize: normalizeKeldairHr,
	looksLike: (body) => typeof body.type === 'string' && 'dateOccurred' in body && 'version' in body,
};
