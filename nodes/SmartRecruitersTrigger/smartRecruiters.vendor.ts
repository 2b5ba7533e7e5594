import {
	emptyApplication,
	emptyCandidate,
	emptyJob,
	idText,
	type CanonicalFields,
	type CanonicalType,
} from '../shared/canonical';
import { typeFromTable, type Vendor } from '../shared/vendor';
import { SR_FIELDS, smartRecruitersWebhookSchema } from './smartRecruiters.schema';

/**
 * The first URI of a `Link` header (`<https://api.smartrecruiters.com/…>; rel=self`), where
 * SmartRecruiters says the resource's current state can be fetched with the API key.
 */
export function linkUri(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const bracketed = /<([^<>\s]+)>/.exec(value)?.[1];
	const uri = bracketed ?? value.split(';')[0].trim();
	return /^https?:\/\/\S+$/i.test(uri) ? uri : null;
}

/** The id after `/<segment>/` in the link's path (`/jobs/{id}/candidates/{id}`), if any. */
function pathId(uri: string | null, segment: string): string | null {
	if (uri === null) return null;
	let path: string;
	try {
		path = new URL(uri).pathname;
	} catch {
		return null;
	}
	const parts = path.split('/');
	const index = parts.indexOf(segment);
	const id = index >= 0 ? parts[index + 1] : undefined;
	return id !== undefined && id !== '' ? decodeURIComponent(id) : null;
}

/**
 * SmartRecruiters' body names only the changed resource (its `id`), the event name says which
 * kind it is, and the `Link` header's path may name the job and candidate too. Nothing dates
 * the event itself (the signed timestamp is when the request was sent), so occurredAt is null.
 */
function normalizeSmartRecruiters(body: Record<string, unknown>): CanonicalFields {
	const name = String(body[SR_FIELDS.eventName] ?? '');
	const family = name.split('.')[0];
	const link = linkUri(body[SR_FIELDS.link]);
	const id = idText(body.id);
	const jobId = pathId(link, 'jobs') ?? idText(body.jobId) ?? idText(body.job_id);
	const candidateId =
		pathId(link, 'candidates') ?? idText(body.candidateId) ?? idText(body.candidate_id);
	const fields: CanonicalFields = {
		occurredAt: null,
		application: emptyApplication(),
		candidate: { ...emptyCandidate(), id: candidateId },
		job: { ...emptyJob(), id: jobId },
	};
	switch (family) {
		case 'application':
		case 'offer':
		case 'interview':
			// An offer's or interview's own id is in the body; the application is the link's.
			fields.application.id =
				family === 'application'
					? (id ?? pathId(link, 'applications'))
					: pathId(link, 'applications');
			if (family !== 'application' && id) fields.detail = `${family} ${id}`;
			break;
		case 'job':
			fields.job.id = id ?? jobId;
			break;
		case 'position':
			fields.job.id = jobId;
			fields.detail = id ? `position ${id}` : undefined;
			break;
		case 'candidate':
			fields.candidate.id = id ?? candidateId;
			break;
	}
	return fields;
}

/** SmartRecruiters event name → canonical type (README table); `other` where no family fits. */
const smartRecruitersTypes: Record<string, CanonicalType> = {
	'application.created': 'application.created',
	// SmartRecruiters' application status is the hiring step (New, In Review, Interview, Offer,
	// Hired…, with sub-statuses): a move along the pipeline.
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
	// Candidates have no canonical family (as Ashby's candidateDelete).
	'candidate.created': 'other',
	'candidate.updated': 'other',
	'candidate.deleted': 'other',
};

export const smartRecruitersVendor: Vendor = {
	key: 'smartRecruiters',
	displayName: 'SmartRecruiters',
	triggerNode: 'SmartRecruitersTrigger',
	credentialType: 'smartRecruitersApi',
	schema: smartRecruitersWebhookSchema,
	// Both from headers (event-name, event-id), added to the item by the trigger's requestFields.
	envelope: { eventType: SR_FIELDS.eventName, eventId: SR_FIELDS.eventId },
	canonicalTypes: smartRecruitersTypes,
	canonicalTypeOf: typeFromTable(smartRecruitersTypes),
	normalize: normalizeSmartRecruiters,
	// The item's shape: the header fields beside a thin body, a dotted lower-case event name.
	looksLike: (body) =>
		typeof body[SR_FIELDS.eventName] === 'string' &&
		/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(body[SR_FIELDS.eventName] as string) &&
		typeof body[SR_FIELDS.eventId] === 'string' &&
		(SR_FIELDS.link in body || SR_FIELDS.eventVersion in body),
};
