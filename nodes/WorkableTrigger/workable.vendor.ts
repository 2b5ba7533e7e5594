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
import {
	WORKABLE_CANDIDATE_EVENTS,
	WORKABLE_EMPLOYEE_EVENTS,
	WORKABLE_EVENT_FIELD,
	workableWebhookSchema,
} from './workable.schema';

/**
 * Workable's events as canonical types. Its candidate is the person in one job (what the other
 * vendors call an application), so a new candidate is a new application and a move is a stage
 * change. The employee, onboarding and time-off events belong to Workable's HR side, which no
 * canonical family covers: `other`.
 */
const workableTypes = {
	candidate_created: 'application.created',
	candidate_moved: 'application.stage_changed',
	employee_created: 'other',
	employee_updated: 'other',
	employee_published: 'other',
	onboarding_completed: 'other',
	timeoff_updated: 'other',
} as const;

const isCandidateEvent = (type: unknown) =>
	(WORKABLE_CANDIDATE_EVENTS as readonly unknown[]).includes(type);
const isEmployeeEvent = (type: unknown) =>
	(WORKABLE_EMPLOYEE_EVENTS as readonly unknown[]).includes(type);

function fullName(record: Record<string, unknown>): string | null {
	const name = textOrNull(record.name);
	if (name) return name;
	const parts = [textOrNull(record.firstname), textOrNull(record.lastname)].filter(Boolean);
	return parts.length > 0 ? parts.join(' ') : null;
}

function normalizeWorkable(body: Record<string, unknown>): CanonicalFields {
	const data = asRecord(body.data);
	const fields: CanonicalFields = {
		// Employee events say when they fired; a candidate payload only when it last changed.
		occurredAt: isoTime(body.fired_at ?? data.updated_at ?? data.created_at ?? null),
		application: emptyApplication(),
		candidate: emptyCandidate(),
		job: emptyJob(),
	};
	if (isEmployeeEvent(body[WORKABLE_EVENT_FIELD])) {
		// An employee is not a candidate: no candidate or application fields, the employee in words.
		const who = fullName(data);
		const title = textOrNull(data.job_title);
		fields.detail =
			[who ?? (idText(data.id) ? `employee ${idText(data.id)}` : null), title]
				.filter(Boolean)
				.join(', ') || undefined;
		return fields;
	}
	const job = asRecord(data.job);
	const shortcode = textOrNull(job.shortcode);
	fields.application = {
		id: idText(data.id),
		status:
			data.disqualified === true ? 'disqualified' : textOrNull(data.hired_at) ? 'hired' : null,
		stage: textOrNull(data.stage) ?? textOrNull(data.stage_kind),
		error: textOrNull(data.disqualification_reason),
	};
	fields.candidate = {
		id: idText(data.id),
		name: fullName(data),
		email: textOrNull(data.email),
	};
	// Workable names a job by its shortcode (its API's job id: /jobs/:shortcode).
	fields.job = {
		id: shortcode,
		title: textOrNull(job.title),
		url: null,
		status: null,
		code: shortcode,
	};
	return fields;
}

export const workableVendor: Vendor = {
	key: 'workable',
	displayName: 'Workable',
	triggerNode: 'WorkableTrigger',
	credentialType: 'workableApi',
	schema: workableWebhookSchema,
	// No event id: an employee payload's `id` is the employee's, repeated from `data.id`, and a
	// candidate payload has none, so dedupe keys on the body's digest. `event_type` is Workable's
	// own on employee payloads and the subscription's event (added by the trigger) on the others.
	envelope: { eventType: WORKABLE_EVENT_FIELD },
	canonicalTypes: workableTypes,
	canonicalTypeOf: typeFromTable(workableTypes),
	normalize: normalizeWorkable,
	// Workable's shapes only: an employee event names its resource type and event, a candidate
	// carries its account's subdomain and its job's shortcode.
	looksLike: (body) => {
		const data = asRecord(body.data);
		if (Object.keys(data).length === 0) return false;
		if (isEmployeeEvent(body[WORKABLE_EVENT_FIELD]) && 'fired_at' in body) return true;
		return (
			(body[WORKABLE_EVENT_FIELD] === undefined || isCandidateEvent(body[WORKABLE_EVENT_FIELD])) &&
			typeof asRecord(data.account).subdomain === 'string' &&
			typeof asRecord(data.job).shortcode === 'string'
		);
	},
};
