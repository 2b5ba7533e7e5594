import { asRecord, idText, isoTime, ownEntry, textOrNull } from '../shared/canonical';
import type { CanonicalFields, CanonicalType } from '../shared/canonical';
import {
	credentialText,
	decodeBase64Digest,
	decodeBase64UrlDigest,
	decodeHexDigest,
	verifyBodyHmac,
} from '../shared/signatures';
import type { VendorDefinition, VerifyRequest } from '../shared/vendor';
import { keldairHrEvents, keldairHrWebhookSchema } from './keldairHr.schema';

export const KELDAIRHR_DEFAULT_HEADER = 'X-Signature';

/** `sha256=` prefix optional; hex or base64 (standard or URL alphabet, padded or not). */
export function decodeKeldairHrSignature(value: string): Buffer | undefined {
	const digest = value.replace(/^sha256=/i, '');
	return decodeHexDigest(digest) ?? decodeBase64Digest(digest) ?? decodeBase64UrlDigest(digest);
}

export function verifyKeldairHrSignature({ rawBody, headers, credentials }: VerifyRequest) {
	const headerName = credentialText(credentials.signatureHeader) || KELDAIRHR_DEFAULT_HEADER;
	return verifyBodyHmac(rawBody, headers, headerName, credentialText(credentials.signingSecret), decodeKeldairHrSignature);
}

/** The node's event filter takes patterns: `applicant.*` matches every applicant event. */
export function keldairHrEventMatches(selected: string, eventType: string): boolean {
	return selected.endsWith('.*') ? eventType.startsWith(selected.slice(0, -1)) : selected === eventType;
}

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
const openFamilies: Record<string, string> = { job: 'job', job_posting: 'job', requisition: 'job', offer: 'offer', interview: 'interview' };

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
	const name = textOrNull(record.name) ?? [textOrNull(record.firstName), textOrNull(record.lastName)].filter(Boolean).join(' ');
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

export const keldairHrVendor: VendorDefinition = {
	key: 'keldairHr',
	displayName: 'KeldairHR',
	triggerNode: 'KeldairHrTrigger',
	credentialType: 'keldairHrApi',
	events: keldairHrEvents,
	openEventTypes: true,
	eventMatches: keldairHrEventMatches,
	// KeldairHR allows unauthenticated webhooks; the node's Authentication parameter decides.
	acceptsUnverified: (node) => node.getNodeParameter('authentication', 'none') !== 'signature',
	schema: keldairHrWebhookSchema,
	eventTypeOf: (body) => textOrNull(asRecord(body).type) ?? undefined,
	eventIdOf: (body) => textOrNull(asRecord(body).id) ?? undefined,
	verify: verifyKeldairHrSignature,
	// Example types (KeldairHR documents none, see keldairHr.schema.ts); every other type goes
	// through canonicalTypeFallback (resource.action), else `other`.
	canonicalTypes: {
		'applicant.created': 'application.created',
		'applicant.updated': 'application.updated',
		'applicant.stage_changed': 'application.stage_changed',
		'applicant.rejected': 'application.rejected',
		'applicant.hired': 'application.hired',
		'onboarding.completed': 'other',
		'job.created': 'job.created',
		'job.closed': 'job.closed',
	},
	canonicalTypeFallback: keldairHrTypeRule,
	normalize: normalizeKeldairHr,
	looksLike: (body) => typeof body.type === 'string' && 'dateOccurred' in body && 'version' in body,
};
