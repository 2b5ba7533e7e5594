import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

/**
 * Workable's subscription events (API reference, "Webhook Subscriptions - Candidates &
 * Employees"). One Workable subscription carries one event, chosen when it is created; the
 * node's Event parameter is that choice.
 */
export const workableEvents = eventOptions([
	['candidate_created', 'Candidate Created', 'A candidate was added to a job (applied or sourced)'],
	['candidate_moved', 'Candidate Moved', 'A candidate moved to another pipeline stage'],
	['employee_created', 'Employee Created', 'An employee record was created (minimal fields)'],
	['employee_updated', 'Employee Updated', 'An employee record changed (the changed fields)'],
	['employee_published', 'Employee Published', 'An employee record was published (its ID only)'],
	['onboarding_completed', 'Onboarding Completed', 'An employee completed the onboarding workflow'],
	['timeoff_updated', 'Time Off Updated', "An employee's time off changed"],
]);

export const WORKABLE_CANDIDATE_EVENTS = ['candidate_created', 'candidate_moved'] as const;
export const WORKABLE_EMPLOYEE_EVENTS = [
	'employee_created',
	'employee_updated',
	'employee_published',
	'onboarding_completed',
	'timeoff_updated',
] as const;

/**
 * The item field that names the event. Workable's employee payloads carry it themselves
 * (`event_type`, in the Employee Events examples); its candidate payloads, as documented, do
 * not: there the trigger adds the subscription's event (the node's Event parameter) under the
 * same name, so every item reads alike. A body's own value is always kept.
 */
export const WORKABLE_EVENT_FIELD = 'event_type';

const id = z.union([z.string().min(1), z.number()]);
const text = z.string().nullish();
const time = z.string().nullish();

/** Workable's Candidate object, as its candidate events and the candidate details endpoint document it. */
export const workableCandidateSchema = z.looseObject({
	id,
	name: text,
	firstname: text,
	lastname: text,
	headline: text,
	account: z.looseObject({ subdomain: z.string(), name: text }).optional(),
	job: z.looseObject({ shortcode: z.string(), title: text }).optional(),
	stage: text,
	disqualified: z.boolean().nullish(),
	disqualified_at: time,
	disqualification_reason: text,
	sourced: z.boolean().nullish(),
	profile_url: text,
	email: text,
	phone: text,
	address: text,
	domain: text,
	created_at: time,
	updated_at: time,
	hired_at: time,
	education_entries: z.array(z.looseObject({})).nullish(),
	experience_entries: z.array(z.looseObject({})).nullish(),
	tags: z.array(z.string()).nullish(),
});

/** Workable's employee event payloads: the resource under `data`, with the event named beside it. */
const employeeEnvelope = {
	id: id.optional(),
	resource_type: z.string().optional(),
	fired_at: time,
};

export const workableWebhookSchema = z.discriminatedUnion(WORKABLE_EVENT_FIELD, [
	z.looseObject({
		[WORKABLE_EVENT_FIELD]: z.enum(WORKABLE_CANDIDATE_EVENTS),
		data: workableCandidateSchema,
	}),
	z.looseObject({
		...employeeEnvelope,
		[WORKABLE_EVENT_FIELD]: z.enum(WORKABLE_EMPLOYEE_EVENTS),
		// employee_published carries the employee ID only; the others more (the changed fields).
		data: z.looseObject({ id }),
	}),
]);

export type WorkableWebhook = z.infer<typeof workableWebhookSchema>;
