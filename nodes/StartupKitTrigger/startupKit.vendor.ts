import { asRecord, emptyApplication, idText, isoTime, textOrNull } from '../shared/canonical';
import type { CanonicalFields } from '../shared/canonical';
import { typeFromTable, type Vendor } from '../shared/vendor';
import { startupKitWebhookSchema } from './startupKit.schema';

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
		application.status =
			data.withdrawn === true
				? 'withdrawn'
				: data.rejected === true
					? 'rejected'
					: data.offered === true
						? 'offered'
						: 'active';
	} else {
		application.stage = textOrNull(data.stage);
	}
	if (family === 'offer') detail = textOrNull(data.details) ?? undefined;
	if (family === 'interview') detail = isoTime(data.scheduled_at) ?? undefined;
	if (family === 'review')
		detail =
			[textOrNull(data.reviewer), textOrNull(data.recommendation)].filter(Boolean).join(': ') ||
			undefined;
	if (family === 'code_assignment') detail = textOrNull(data.repo_url) ?? undefined;
	return {
		occurredAt: isoTime(body.created_at),
		application,
		candidate: {
			id: idText(candidate.id),
			name: textOrNull(candidate.name),
			email: textOrNull(candidate.email),
		},
		job: {
			id: idText(jobPosting.id),
			title: textOrNull(jobPosting.title),
			url: textOrNull(jobPosting.public_url),
			status: family === 'job_posting' ? textOrNull(data.status) : null,
		},
		detail,
	};
}

const startupKitTypes = {
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
} as const;

export const startupKitVendor: Vendor = {
	key: 'startupKit',
	displayName: 'StartupKit',
	triggerNode: 'StartupKitTrigger',
	credentialType: 'startupKitApi',
	schema: startupKitWebhookSchema,
	// StartupKit's payload has no event id: dedupe keys on the body's digest.
	envelope: { eventType: 'event' },
	canonicalTypes: startupKitTypes,
	canonicalTypeOf: typeFromTable(startupKitTypes),
	normalize: normalizeStartupKit,
	looksLike: (body) => typeof body.event === 'string' && 'created_at' in body && 'data' in body,
};
