import {
	asRecord,
	emptyApplication,
	emptyCandidate,
	emptyJob,
	idText,
	isoTime,
	textOrNull,
} from '../shared/canonical';
import type { CanonicalCandidate, CanonicalFields } from '../shared/canonical';
import { typeFromTable, type Vendor } from '../shared/vendor';
import { greenhouseWebhookSchema } from './greenhouse.schema';

// Greenhouse's actions are lowercase words joined by underscores (hire_candidate, ping).
const GREENHOUSE_ACTION = /^[a-z]+(_[a-z]+)*$/;
const words = (value: string) => value.replace(/_+/g, ' ');

const fullName = (person: Record<string, unknown>) =>
	[textOrNull(person.first_name), textOrNull(person.last_name)].filter(Boolean).join(' ') || null;

function candidateOf(person: Record<string, unknown>): CanonicalCandidate {
	const emails = Array.isArray(person.email_addresses) ? person.email_addresses : [];
	return {
		id: idText(person.id),
		name: fullName(person),
		email: emails.map((entry) => textOrNull(asRecord(entry).value)).find(Boolean) ?? null,
	};
}

/** When an application event happened, by what the event reports. */
function applicationTime(action: string, application: Record<string, unknown>) {
	if (action === 'hire_candidate') return asRecord(application.offer).resolved_at;
	if (action === 'reject_candidate') return application.rejected_at;
	if (action === 'new_candidate_application' || action === 'new_prospect_application')
		return application.applied_at;
	return application.last_activity_at;
}

function normalizeGreenhouse(body: Record<string, unknown>): CanonicalFields {
	const action = String(body.action ?? '');
	const payload = asRecord(body.payload);
	const fields: CanonicalFields = {
		occurredAt: null,
		application: emptyApplication(),
		candidate: emptyCandidate(),
		job: emptyJob(),
	};
	const application = asRecord(payload.application);
	if ('candidate' in application) {
		// Application and candidate events: the application with its candidate and jobs
		// (hire_candidate also has the deprecated `job` and the accepted offer).
		const jobs = Array.isArray(application.jobs) ? application.jobs : [];
		const job = asRecord(jobs[0] ?? application.job);
		fields.occurredAt = isoTime(applicationTime(action, application) ?? null);
		fields.application = {
			id: idText(application.id),
			status: textOrNull(application.status) ?? (action === 'hire_candidate' ? 'hired' : null),
			stage: textOrNull(asRecord(application.current_stage).name),
			error: null,
		};
		fields.candidate = candidateOf(asRecord(application.candidate));
		fields.job = {
			id: idText(job.id),
			title: textOrNull(job.name),
			url: textOrNull(job.url),
			status: textOrNull(job.status),
			code: textOrNull(job.requisition_id),
		};
		const reason = textOrNull(asRecord(application.rejection_reason).name);
		if (action === 'reject_candidate' && reason) fields.detail = reason;
		return fields;
	}
	if (action === 'delete_application') {
		fields.application.id = idText(application.id);
		fields.candidate.id = idText(application.candidate_id);
		fields.job.id = idText(application.job_id);
		return fields;
	}
	if (action.startsWith('offer_')) {
		const offer = action === 'offer_deleted' ? asRecord(payload.offer) : payload;
		fields.application.id = idText(offer.application_id);
		fields.job.id = idText(offer.job_id);
		fields.detail =
			[
				idText(offer.id) ? `offer ${idText(offer.id)}` : null,
				idText(offer.version) ? `version ${idText(offer.version)}` : null,
				textOrNull(offer.offer_status),
			]
				.filter(Boolean)
				.join(', ') || undefined;
		return fields;
	}
	const person = asRecord(payload.person ?? payload.candidate);
	if (Object.keys(person).length > 0) {
		fields.candidate = candidateOf(person);
		const mergedInto = idText(person.new_candidate_id);
		if (mergedInto) fields.detail = `merged into candidate ${mergedInto}`;
		return fields;
	}
	if (action === 'candidate_anonymized') {
		fields.candidate.id = idText(payload.candidate_id);
		return fields;
	}
	if (action === 'scorecard_deleted') {
		fields.candidate.id = idText(asRecord(payload.scorecard).candidate_id);
		return fields;
	}
	if (action === 'interview_deleted') {
		const interview = idText(asRecord(payload.interview).id);
		if (interview) fields.detail = `interview ${interview}`;
		return fields;
	}
	if ('job' in payload) {
		const job = asRecord(payload.job);
		fields.job = {
			id: idText(job.id),
			title: textOrNull(job.name),
			url: null,
			status: textOrNull(job.status),
			code: textOrNull(job.requisition_id),
		};
		if (action === 'job_created') fields.occurredAt = isoTime(job.created_at ?? null);
		const flow = textOrNull(asRecord(payload.approval_flow).approval_flow_type);
		if (flow) fields.detail = words(flow);
		return fields;
	}
	if (action.startsWith('job_post_')) {
		// A job post, or a prospect post (no job_id); created and updated carry it as the payload.
		const post = action === 'job_post_deleted' ? asRecord(payload.job_post) : payload;
		if (action !== 'job_post_deleted') fields.occurredAt = isoTime(post.updated_at ?? null);
		fields.job = {
			id: idText(post.job_id),
			title: textOrNull(post.title),
			url: null,
			status: post.live === true ? 'live' : post.live === false ? 'not live' : null,
		};
		const postId = idText(post.id);
		fields.detail = postId
			? `${'job_id' in post ? 'job post' : 'prospect post'} ${postId}`
			: undefined;
		return fields;
	}
	if (action === 'job_interview_stage_deleted') {
		const stage = asRecord(payload.job_interview_stage);
		fields.job.id = idText(stage.job_id);
		fields.detail = textOrNull(stage.name) ?? undefined;
		return fields;
	}
	const unit = asRecord(payload.department ?? payload.office);
	fields.detail = [textOrNull(unit.name), idText(unit.id)].filter(Boolean).join(', ') || undefined;
	return fields;
}

const greenhouseTypes = {
	new_candidate_application: 'application.created',
	new_prospect_application: 'application.created',
	application_updated: 'application.updated',
	delete_application: 'application.deleted',
	candidate_stage_change: 'application.stage_changed',
	hire_candidate: 'application.hired',
	unhire_candidate: 'application.unhired',
	reject_candidate: 'application.rejected',
	unreject_candidate: 'application.unrejected',
	update_candidate: 'other',
	delete_candidate: 'other',
	merge_candidate: 'other',
	candidate_anonymized: 'other',
	offer_created: 'offer.created',
	offer_approved: 'offer.approved',
	offer_updated: 'offer.updated',
	offer_deleted: 'offer.deleted',
	interview_deleted: 'interview.cancelled',
	scorecard_deleted: 'other',
	job_created: 'job.created',
	job_updated: 'job.updated',
	job_deleted: 'job.deleted',
	job_approved: 'job.approved',
	job_post_created: 'job.post_created',
	job_post_updated: 'job.post_updated',
	job_post_deleted: 'job.post_deleted',
	job_interview_stage_deleted: 'job.stage_deleted',
	department_deleted: 'other',
	office_deleted: 'other',
	ping: 'test.ping',
} as const;

export const greenhouseVendor: Vendor = {
	key: 'greenhouse',
	displayName: 'Greenhouse',
	triggerNode: 'GreenhouseTrigger',
	credentialType: 'greenhouseApi',
	schema: greenhouseWebhookSchema,
	// The body has no event id. Greenhouse-Event-ID is a header, documented as "unique id
	// associated with this delivery", and whether a retry keeps it is not documented: dedupe
	// keys on the body's digest.
	envelope: { eventType: 'action' },
	canonicalTypes: greenhouseTypes,
	canonicalTypeOf: typeFromTable(greenhouseTypes),
	normalize: normalizeGreenhouse,
	// Greenhouse's envelope: a snake_case `action` and an object `payload`.
	looksLike: (body) =>
		typeof body.action === 'string' &&
		GREENHOUSE_ACTION.test(body.action) &&
		body.payload !== null &&
		typeof body.payload === 'object' &&
		!Array.isArray(body.payload),
};
