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
import { komboWebhookSchema } from './kombo.schema';

// Hyphenated words, optionally after a product prefix: sync-finished, assessment:order-received.
const KOMBO_TYPE = /^([a-z0-9]+(-[a-z0-9]+)*:)?[a-z0-9]+(-[a-z0-9]+)+$/;
const words = (value: string) => value.toLowerCase().replace(/_+/g, ' ');

function normalizeKombo(body: Record<string, unknown>): CanonicalFields {
	const type = String(body.type ?? '');
	const data = asRecord(body.data);
	const fields: CanonicalFields = {
		occurredAt: isoTime(
			data.updated_at ?? data.sync_ended_at ?? data.deleted_at ?? data.created_at ?? null,
		),
		application: emptyApplication(),
		candidate: emptyCandidate(),
		job: emptyJob(),
	};
	if (type === 'ai-apply-job-posting-status-updated') {
		const availability = textOrNull(data.availability);
		// The payload is the job posting (Kombo's get-job-posting schema): it has no title, and
		// updated_at is the last parse. An ARCHIVED event reports the archiving, dated archived_at
		// (in Kombo's own example eight days after updated_at); the other states report a parse.
		if (availability === 'ARCHIVED' && isoTime(data.archived_at ?? null) !== null)
			fields.occurredAt = isoTime(data.archived_at);
		fields.job = {
			id: idText(data.id),
			title: null,
			url: textOrNull(data.url),
			status: availability,
			code: textOrNull(data.job_code),
		};
		const site = textOrNull(asRecord(data.career_site).label);
		const reason = textOrNull(data.archived_reason);
		fields.detail =
			[site ? `career site ${site}` : null, reason ? words(reason) : null]
				.filter(Boolean)
				.join(', ') || undefined;
	} else if (type === 'ai-apply-application-status-updated') {
		fields.application = {
			...fields.application,
			id: idText(data.id),
			status: textOrNull(data.status),
		};
		fields.job.id = idText(data.job_posting_id);
	} else if (type === 'assessment:order-received' || type === 'inline-assessment:order-received') {
		// An order carries no time of its own: occurredAt stays null (the trigger's receivedAt is when).
		const candidate = asRecord(data.candidate);
		const job = asRecord(data.job);
		const name = [textOrNull(candidate.first_name), textOrNull(candidate.last_name)]
			.filter(Boolean)
			.join(' ');
		fields.candidate = {
			id: idText(candidate.remote_id),
			name: name || null,
			email: textOrNull(candidate.email),
		};
		fields.application.id = idText(asRecord(data.application).remote_id);
		fields.job = {
			id: idText(job.remote_id),
			title: textOrNull(job.name),
			url: null,
			status: null,
			code: textOrNull(job.job_code),
		};
		const pkg = textOrNull(data.package_id);
		fields.detail =
			[pkg ? `package ${pkg}` : null, textOrNull(data.status)].filter(Boolean).join(', ') ||
			undefined;
	} else {
		const tool = textOrNull(data.integration_tool) ?? textOrNull(data.tool);
		const state = textOrNull(data.state) ?? textOrNull(data.sync_state);
		fields.detail =
			[tool, textOrNull(data.integration_id) ?? textOrNull(data.id), state]
				.filter(Boolean)
				.join(', ') || undefined;
	}
	return fields;
}

const komboTypes = {
	'ai-apply-job-posting-status-updated': 'job.status_changed',
	'ai-apply-application-status-updated': 'application.status_changed',
	'sync-finished': 'sync.completed',
	'data-changed': 'integration.data_changed',
	'integration-created': 'integration.created',
	'integration-deleted': 'integration.deleted',
	'integration-state-changed': 'integration.state_changed',
	'connection-flow-failed': 'integration.connection_failed',
	'remote-event-received': 'integration.remote_event',
	'assessment:order-received': 'assessment.ordered',
	'inline-assessment:order-received': 'assessment.ordered',
} as const;

export const komboVendor: Vendor = {
	key: 'kombo',
	displayName: 'Kombo',
	triggerNode: 'KomboTrigger',
	credentialType: 'komboApi',
	schema: komboWebhookSchema,
	envelope: { eventType: 'type', eventId: 'id' },
	canonicalTypes: komboTypes,
	canonicalTypeOf: typeFromTable(komboTypes),
	normalize: normalizeKombo,
	// Kombo's event types are lowercase words joined by hyphens (ai-apply-…, sync-finished,
	// assessment:order-received).
	looksLike: (body) =>
		typeof body.type === 'string' &&
		KOMBO_TYPE.test(body.type) &&
		typeof body.id === 'string' &&
		'data' in body,
};
