import { hmacSha256 } from '../../../nodes/shared/signatures';
import { SR_FIELDS } from '../../../nodes/SmartRecruitersTrigger/smartRecruiters.schema';
import { secretKeysOf } from '../../../nodes/SmartRecruitersTrigger/smartRecruiters.trigger';
import type { VendorTestKit } from '../vendor.testing';
import { smartRecruitersSamples } from './smartRecruiters.samples';

/** Item field → the header SmartRecruiters sends it in, in the order the v1 signature covers them. */
export const HEADER_OF = [
	[SR_FIELDS.eventId, 'event-id'],
	[SR_FIELDS.eventName, 'event-name'],
	[SR_FIELDS.eventVersion, 'event-version'],
	[SR_FIELDS.link, 'link'],
] as const;

/** The key a genuine sender signs with: the first of the credential's Signing Keys. */
const keyOf = (credentials: Record<string, string>) => secretKeysOf(credentials)[0] ?? '';

/**
 * SmartRecruiters' v1 headers for these bytes and event headers: the timestamp in seconds and
 * `v1=` hex HMAC-SHA256 of `timestamp.body.event-id.event-name.event-version.link`.
 */
export function signV1(
	rawBody: string | Buffer,
	eventHeaders: Record<string, string>,
	key: string,
	nowMs: number,
): Record<string, string> {
	const timestamp = String(Math.floor(nowMs / 1000));
	const trailer = HEADER_OF.map(([, header]) => `.${eventHeaders[header] ?? ''}`).join('');
	const signature = hmacSha256(key, `${timestamp}.`, rawBody, trailer).toString('hex');
	return {
		...eventHeaders,
		'smartrecruiters-timestamp': timestamp,
		'smartrecruiters-signature': `v1=${signature}`,
	};
}

/** The event headers named by an item's fields (those it has, as text). */
function eventHeadersOf(item: Record<string, unknown>): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [field, header] of HEADER_OF)
		if (typeof item[field] === 'string') headers[header] = item[field] as string;
	return headers;
}

export const testKit: VendorTestKit = {
	secretField: 'secretKeys',
	/**
	 * For suites that hold raw bytes only. A SmartRecruiters request's envelope is in its
	 * headers, so these bytes are taken as the body as sent; where they are an item (JSON with
	 * the header fields, as the generic suites send examples), those fields are sent as the
	 * headers too and signed there, which is what SmartRecruiters signs. The body keeps them: the
	 * trigger emits a field the body has as sent. Other bytes are signed with empty event headers,
	 * as SmartRecruiters signs a missing header.
	 */
	sign: (rawBody, credentials, nowMs) => {
		let parsed: unknown;
		try {
			parsed = JSON.parse(Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody);
		} catch {
			parsed = undefined;
		}
		const item =
			parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
				? (parsed as Record<string, unknown>)
				: {};
		return signV1(rawBody, eventHeadersOf(item), keyOf(credentials), nowMs);
	},
	/** What SmartRecruiters sends for an item: the body without the header fields, and the headers. */
	deliver: (example, credentials, nowMs) => {
		const body = { ...example };
		for (const [field] of HEADER_OF) delete body[field];
		const payload = JSON.stringify(body);
		return {
			payload,
			headers: signV1(payload, eventHeadersOf(example), keyOf(credentials), nowMs),
		};
	},
	samples: smartRecruitersSamples,
	freshSample: (sample, sequence, nowMs) => ({
		...sample.body,
		// event-id is SmartRecruiters' per-event id (dedupe keys on it): distinct per delivery.
		eventId: `${nowMs.toString(36)}-${sequence}`,
	}),
	// The real-n8n suites verify with the credential's Signing Keys, without a subscription
	// (verification never depends on this switch: every request is verified).
	activationParameters: { createSubscription: false },
	// Written from SmartRecruiters' event names, family by family; candidates have no canonical
	// family, so they are `other`.
	expectedTypes: {
		'application.created': 'application.created',
		'application.status.updated': 'application.stage_changed',
		'application.fields.updated': 'application.updated',
		'application.onboarding-status.updated': 'application.onboarding_status_changed',
		'application.attachment.created': 'application.attachment_added',
		'application.source.updated': 'application.updated',
		'application.screening-answers.created': 'application.screening_answers_added',
		'application.screening-answers.updated': 'application.updated',
		'offer.created': 'offer.created',
		'offer.updated': 'offer.updated',
		'offer.approval.created': 'offer.approval_requested',
		'offer.approval.approved': 'offer.approved',
		'offer.approval.rejected': 'offer.disapproved',
		'offer.approval.abandoned': 'offer.approval_abandoned',
		'offer.approval.step.approved': 'offer.approval_step_approved',
		'offer.approval.step.rejected': 'offer.approval_step_rejected',
		'offer.approver.skipped': 'offer.approver_skipped',
		'offer.approver.delegated': 'offer.approver_delegated',
		'offer.approval.comment.created': 'offer.approval_commented',
		'interview.created': 'interview.scheduled',
		'interview.updated': 'interview.updated',
		'interview.canceled': 'interview.cancelled',
		'job.created': 'job.created',
		'job.updated': 'job.updated',
		'job.status.updated': 'job.status_changed',
		'job.hiring-team.updated': 'job.hiring_team_updated',
		'job.ad.created': 'job.ad_created',
		'job.ad.updated': 'job.ad_updated',
		'job.ad.postings.updated': 'job.posting_updated',
		'job.approval.created': 'job.approval_requested',
		'job.approval.approved': 'job.approved',
		'job.approval.rejected': 'job.disapproved',
		'job.approval.abandoned': 'job.approval_abandoned',
		'job.approval.step.approved': 'job.approval_step_approved',
		'job.approval.step.rejected': 'job.approval_step_rejected',
		'job.approver.skipped': 'job.approver_skipped',
		'job.approver.delegated': 'job.approver_delegated',
		'job.approval.comment.created': 'job.approval_commented',
		'position.created': 'job.opening_created',
		'position.updated': 'job.opening_updated',
		'position.deleted': 'job.opening_deleted',
		'candidate.created': 'other',
		'candidate.updated': 'other',
		'candidate.deleted': 'other',
	},
};
