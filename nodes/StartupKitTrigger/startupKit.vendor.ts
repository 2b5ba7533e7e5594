import { asRecord, emptyApplication, idText, isoTime, textOrNull } from '../shared/canonical';
import type { CanonicalFields } from '../shared/canonical';
import {
	credentialText,
	decodeHexDigest,
	headerValue,
	hmacSha256,
	matchesAnySecret,
	rejected,
	verified,
} from '../shared/signatures';
import type { VendorDefinition, VerifyRequest } from '../shared/vendor';
import { startupKitEvents, startupKitWebhookSchema } from './startupKit.schema';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/** X-Webhook-Timestamp is ISO 8601 per the docs; epoch seconds are accepted too. */
export function parseStartupKitTimestamp(value: string): number | undefined {
	if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
	if (!ISO_TIMESTAMP.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

export function startupKitSignature(secret: string, timestamp: string, rawBody: string | Buffer): Buffer {
	return hmacSha256(secret, `${timestamp}.`, rawBody);
}

/**
 * Hex HMAC-SHA256 of `<timestamp>.<raw body>`; the timestamp must be inside the tolerance
 * window in both directions, and either the current or the previous secret may have signed.
 */
export function verifyStartupKitSignature({ rawBody, headers, credentials, nowMs, toleranceSeconds }: VerifyRequest) {
	const signature = headerValue(headers, 'x-webhook-signature');
	const timestamp = headerValue(headers, 'x-webhook-timestamp');
	if (!signature) return rejected('missing X-Webhook-Signature header');
	if (!timestamp) return rejected('missing X-Webhook-Timestamp header');
	const sentAt = parseStartupKitTimestamp(timestamp);
	if (sentAt === undefined) return rejected('malformed X-Webhook-Timestamp header');
	// Written so that a NaN window rejects: `>` against NaN would be false and let every timestamp in.
	if (!(Math.abs(nowMs - sentAt) <= toleranceSeconds * 1000)) {
		return rejected('timestamp outside the tolerance window');
	}
	const received = decodeHexDigest(signature);
	if (received === undefined) return rejected('malformed X-Webhook-Signature header');
	const secrets = [credentials.signingSecret, credentials.previousSigningSecret].map(credentialText);
	return matchesAnySecret(secrets, received, (secret) => startupKitSignature(secret, timestamp, rawBody))
		? verified
		: rejected('signature mismatch');
}

function normalizeStartupKit(body: Record<string, unknown>): CanonicalFields {
	const event = String(body.event ?? '');
	const data = asRecord(body.data);
	const family = event.split('.')[0];
	const candidate = asRecord(data.candidate);
	const jobPosting = family === 'job_posting' ? data : asRecord(data.job_posting);
	const application = emptyApplication();
	let detail: string | undefined;
	if (family === 'application') {
		application.id = idText(data.id);
		application.stage = textOrNull(data.current_stage);
		application.status = data.withdrawn === true ? 'withdrawn' : data.rejected === true ? 'rejected' : data.offered === true ? 'offered' : 'active';
	} else {
		application.stage = textOrNull(data.stage);
	}
	if (family === 'offer') detail = textOrNull(data.details) ?? undefined;
	if (family === 'interview') detail = isoTime(data.scheduled_at) ?? undefined;
	if (family === 'review') detail = [textOrNull(data.reviewer), textOrNull(data.recommendation)].filter(Boolean).join(': ') || undefined;
	if (family === 'code_assignment') detail = textOrNull(data.repo_url) ?? undefined;
	return {
		occurredAt: isoTime(body.created_at),
		application,
		candidate: { id: idText(candidate.id), name: textOrNull(candidate.name), email: textOrNull(candidate.email) },
		job: {
			id: idText(jobPosting.id),
			title: textOrNull(jobPosting.title),
			url: textOrNull(jobPosting.public_url),
			status: family === 'job_posting' ? textOrNull(data.status) : null,
		},
		detail,
	};
}

export const startupKitVendor: VendorDefinition = {
	key: 'startupKit',
	displayName: 'StartupKit',
	triggerNode: 'StartupKitTrigger',
	credentialType: 'startupKitApi',
	events: startupKitEvents,
	schema: startupKitWebhookSchema,
	eventTypeOf: (body) => textOrNull(asRecord(body).event) ?? undefined,
	eventIdOf: () => undefined,
	verify: verifyStartupKitSignature,
	testEventType: 'test.ping',
	canonicalTypes: {
		'application.submitted': 'application.created',
		'application.rejected': 'application.rejected',
		'application.advanced': 'application.stage_changed',
		'application.withdrawn': 'application.withdrawn',
		'application.offer_extended': 'offer.extended',
		'offer.accepted': 'offer.approved',
		'offer.declined': 'offer.disapproved',
		'offer.candidate_accepted': 'offer.accepted',
		'offer.candidate_declined': 'offer.declined',
		'offer.revised': 'offer.updated',
		'interview.scheduled': 'interview.scheduled',
		'interview.confirmed': 'interview.confirmed',
		'interview.completed': 'interview.completed',
		'interview.cancelled': 'interview.cancelled',
		'interview.no_show': 'interview.no_show',
		'code_assignment.submitted': 'assessment.submitted',
		'code_assignment.auto_submitted': 'assessment.submitted',
		'review.submitted': 'review.submitted',
		'job_posting.published': 'job.published',
		'job_posting.paused': 'job.paused',
		'job_posting.closed': 'job.closed',
		'job_posting.reopened': 'job.reopened',
		'test.ping': 'test.ping',
	},
	normalize: normalizeStartupKit,
	looksLike: (body) => typeof body.event === 'string' && 'created_at' in body && 'data' in body,
};
