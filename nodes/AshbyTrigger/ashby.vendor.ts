import {
	asRecord,
	emptyApplication,
	emptyCandidate,
	emptyJob,
	idText,
	isoTime,
	textOrNull,
} from '../shared/canonical';
import type { CanonicalFields } from '../shared/canonical';
import { typeFromTable, type Vendor } from '../shared/vendor';
import { ashbyWebhookSchema } from './ashby.schema';

/** Ashby's webhook types are single camelCase words (applicationSubmit, pushToHRIS, ping). */
const ASHBY_ACTION = /^[a-z]+[A-Za-z0-9]*$/;
const words = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** The fields of Ashby's application object (candidate, stage, job), where a webhook carries one. */
function fromApplication(fields: CanonicalFields, application: Record<string, unknown>): void {
	const candidate = asRecord(application.candidate);
	const job = asRecord(application.job);
	fields.application = {
		...fields.application,
		id: idText(application.id),
		status: textOrNull(application.status),
		stage: textOrNull(asRecord(application.currentInterviewStage).title),
	};
	fields.candidate = {
		id: idText(candidate.id),
		name: textOrNull(candidate.name),
		email: textOrNull(asRecord(candidate.primaryEmailAddress).value),
	};
	fields.job = { ...fields.job, id: idText(job.id), title: textOrNull(job.title) };
	fields.occurredAt = isoTime(application.updatedAt ?? application.createdAt ?? null);
}

function normalizeAshby(body: Record<string, unknown>): CanonicalFields {
	const type = String(body.action ?? '');
	const data = asRecord(body.data);
	const fields: CanonicalFields = {
		// Ashby's envelope carries no time: each type's own record dates it, where it has one.
		occurredAt: null,
		application: emptyApplication(),
		candidate: emptyCandidate(),
		job: emptyJob(),
	};
	if ('application' in data) fromApplication(fields, asRecord(data.application));
	if (type === 'candidateHire' || type.startsWith('offer')) {
		const offer = asRecord(data.offer);
		const latest = asRecord(offer.latestVersion);
		fields.application.id ??= idText(offer.applicationId);
		fields.occurredAt ??= isoTime(offer.decidedAt ?? latest.createdAt ?? null);
		if (type.startsWith('offer'))
			fields.detail =
				[textOrNull(offer.offerStatus), textOrNull(offer.acceptanceStatus)]
					.filter(Boolean)
					.map((value) => words(value!))
					.join(', ') || undefined;
	}
	if (type === 'candidateDelete') fields.candidate.id = idText(asRecord(data.candidate).id);
	if (type === 'candidateMerge') {
		fields.candidate.id = idText(asRecord(data.mergedCandidate).id);
		const deleted = idText(asRecord(data.deletedCandidate).id);
		fields.detail = deleted ? `merged from candidate ${deleted}` : undefined;
	}
	if (type.startsWith('interviewSchedule')) {
		const schedule = asRecord(data.interviewSchedule);
		fields.application.id = idText(schedule.applicationId);
		fields.candidate.id = idText(schedule.candidateId);
		fields.occurredAt = isoTime(schedule.updatedAt ?? schedule.createdAt ?? null);
		fields.detail = textOrNull(schedule.status) ? words(String(schedule.status)) : undefined;
	}
	if (type === 'interviewPlanTransition') {
		fields.job.id = idText(data.jobId);
		const from = textOrNull(asRecord(data.fromInterviewPlan).title);
		const to = textOrNull(asRecord(data.toInterviewPlan).title);
		fields.detail = from && to ? `interview plan ${from} → ${to}` : undefined;
	}
	if (type === 'jobCreate' || type === 'jobUpdate') {
		const job = asRecord(data.job);
		fields.job = {
			id: idText(job.id),
			title: textOrNull(job.title),
			url: null,
			status: textOrNull(job.status),
			code: textOrNull(job.customRequisitionId),
		};
		fields.occurredAt = isoTime(job.updatedAt ?? job.createdAt ?? null);
	}
	if (type.startsWith('jobPosting')) {
		const posting = asRecord(data.jobPosting);
		fields.job = {
			id: idText(posting.jobId),
			title: textOrNull(posting.title),
			url: textOrNull(posting.externalLink) ?? textOrNull(posting.applyLink),
			status:
				typeof posting.isListed === 'boolean' ? (posting.isListed ? 'listed' : 'unlisted') : null,
		};
		fields.occurredAt = isoTime(posting.updatedAt ?? null);
		fields.detail = textOrNull(posting.locationName) ?? undefined;
	}
	if (type === 'openingCreate') {
		const opening = asRecord(data.opening);
		const latest = asRecord(opening.latestVersion);
		const jobIds = Array.isArray(latest.jobIds) ? latest.jobIds : [];
		fields.job = {
			...fields.job,
			id: idText(jobIds[0]),
			status: textOrNull(opening.openingState),
			code: textOrNull(latest.identifier),
		};
		fields.occurredAt = isoTime(opening.openedAt ?? latest.createdAt ?? null);
	}
	if (type === 'signatureRequestUpdate') {
		fields.application.id = idText(data.applicationId);
		const entity = textOrNull(data.relatedEntityType);
		const event = textOrNull(data.eventType);
		fields.detail = entity && event ? `${entity} signature request ${event}` : undefined;
	}
	if (type === 'surveySubmit') {
		const submission = asRecord(data.surveySubmission);
		fields.application.id = idText(submission.applicationId);
		fields.candidate.id = idText(submission.candidateId);
		fields.occurredAt = isoTime(submission.submittedAt ?? null);
		fields.detail = textOrNull(submission.surveyType) ?? undefined;
	}
	return fields;
}

const ashbyTypes = {
	applicationSubmit: 'application.created',
	applicationUpdate: 'application.updated',
	candidateHire: 'application.hired',
	candidateStageChange: 'application.stage_changed',
	candidateDelete: 'other',
	candidateMerge: 'other',
	interviewPlanTransition: 'job.interview_plan_changed',
	interviewScheduleCreate: 'interview.created',
	interviewScheduleUpdate: 'interview.updated',
	jobCreate: 'job.created',
	jobUpdate: 'job.updated',
	jobPostingPublish: 'job.published',
	jobPostingUnpublish: 'job.unpublished',
	jobPostingUpdate: 'job.posting_updated',
	offerCreate: 'offer.created',
	offerUpdate: 'offer.updated',
	offerDelete: 'offer.deleted',
	openingCreate: 'job.opening_created',
	pushToHRIS: 'application.pushed_to_hris',
	signatureRequestUpdate: 'other',
	surveySubmit: 'other',
	ping: 'test.ping',
} as const;

export const ashbyVendor: Vendor = {
	key: 'ashby',
	displayName: 'Ashby',
	triggerNode: 'AshbyTrigger',
	credentialType: 'ashbyApi',
	schema: ashbyWebhookSchema,
	// No eventId: Ashby's webhookActionId is per event and kept by retries, but related webhooks
	// (candidateStageChange + applicationUpdate, …) share it, and one node URL often hears several
	// Ashby webhooks: keyed on it alone, dedupe would drop the second of two distinct webhooks.
	// Dedupe keys on the body's digest instead (the body holds both webhookActionId and action).
	envelope: { eventType: 'action' },
	canonicalTypes: ashbyTypes,
	canonicalTypeOf: typeFromTable(ashbyTypes),
	normalize: normalizeAshby,
	// Ashby's envelope: a camelCase `action` beside a `data` object.
	looksLike: (body) =>
		typeof body.action === 'string' &&
		ASHBY_ACTION.test(body.action) &&
		body.data !== null &&
		typeof body.data === 'object' &&
		!Array.isArray(body.data),
};
