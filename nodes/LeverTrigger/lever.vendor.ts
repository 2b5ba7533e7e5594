import {
	asRecord,
	emptyApplication,
	emptyCandidate,
	emptyJob,
	idText,
	isoTime,
} from '../shared/canonical';
import type { CanonicalFields } from '../shared/canonical';
import { typeFromTable, type Vendor } from '../shared/vendor';
import { leverWebhookSchema } from './lever.schema';

/** Lever's event codes are camelCase words: applicationCreated, candidateStageChange, … */
const LEVER_EVENT = /^[a-z]+(?:[A-Z][a-z]+)+$/;

/**
 * Lever's `data` carries ids only (its document shows opportunityId, candidateId, contactId,
 * toStageId and fromStageId). An opportunity is Lever's candidacy for one job, so it is the
 * canonical application; the candidate is `candidateId` (deprecated by Lever in favour of the
 * contact), else `contactId`.
 */
function normalizeLever(body: Record<string, unknown>): CanonicalFields {
	const data = asRecord(body.data);
	const fromStage = idText(data.fromStageId);
	return {
		occurredAt: isoTime(body.triggeredAt ?? null),
		application: {
			...emptyApplication(),
			id: idText(data.opportunityId) ?? idText(data.applicationId),
			stage: idText(data.toStageId),
		},
		candidate: { ...emptyCandidate(), id: idText(data.candidateId) ?? idText(data.contactId) },
		job: { ...emptyJob(), id: idText(data.postingId) ?? idText(data.posting) },
		detail: fromStage ? `from stage ${fromStage}` : undefined,
	};
}

const leverTypes = {
	applicationCreated: 'application.created',
	candidateHired: 'application.hired',
	candidateStageChange: 'application.stage_changed',
	candidateArchiveChange: 'application.archive_changed',
	candidateDeleted: 'application.deleted',
	interviewCreated: 'interview.scheduled',
	interviewUpdated: 'interview.updated',
	interviewDeleted: 'interview.deleted',
	// A contact is the person behind candidates: no canonical family holds people on their own.
	contactCreated: 'other',
	contactUpdated: 'other',
} as const;

export const leverVendor: Vendor = {
	key: 'lever',
	displayName: 'Lever',
	triggerNode: 'LeverTrigger',
	credentialType: 'leverApi',
	schema: leverWebhookSchema,
	envelope: { eventType: 'event', eventId: 'id' },
	canonicalTypes: leverTypes,
	canonicalTypeOf: typeFromTable(leverTypes),
	normalize: normalizeLever,
	// Lever's own envelope: a camelCase `event`, `triggeredAt` in epoch milliseconds, the
	// delivery's random `token` and a `data` object.
	looksLike: (body) =>
		typeof body.event === 'string' &&
		LEVER_EVENT.test(body.event) &&
		typeof body.triggeredAt === 'number' &&
		typeof body.token === 'string' &&
		body.data !== null &&
		typeof body.data === 'object' &&
		!Array.isArray(body.data),
};
