import type { VendorSample } from '../../../nodes/shared/vendor';

/**
 * Lever's developer documentation (hire.lever.co/developer/documentation, Webhooks) gives two
 * examples, kept here as it writes them, field for field and in its order:
 *
 * - the test request Lever sends from the webhook settings page ("Our test POST request looks
 *   like this"), a candidateHired with an empty `data`. Its `signature` is a placeholder: it
 *   holds `m`, which is not a hex digit, so no verifier can accept it;
 * - the "Example delivery", a candidateStageChange. As printed it is not JSON: a comma is
 *   missing after `toStageId` and one too many follows `fromStageId`. Those two commas are the
 *   only change.
 *
 * Lever documents the other eight events by name and description only (their child fields are
 * not in the document's text), so their examples below are constructed: Lever's envelope with
 * the ids its stage-change example carries. They are marked "constructed" in their titles.
 */
const ids = {
	opportunityId: '3410c8b9-5c31-4bab-b7e9-9f710206d647',
	candidateId: 'daeaa038-cddb-4d69-9b8c-74b6c23be3f3',
	contactId: '05c248f9-ccb1-435f-bab5-0ec608aec263',
};

const constructed = (event: string, data: Record<string, unknown>, title: string) => ({
	eventType: event,
	title: `${title} (constructed: Lever documents no example)`,
	body: {
		triggeredAt: 1431454330072,
		event,
		data,
		signature: '28e3fbb90ce869c3695c4a9559ff43eae998389a48b42c509d1adbeea0897c16',
		token: 'be58f711f349c7780e4579cd7c63341ac6f881e4dccc3154',
	},
});

export const leverSamples: VendorSample[] = [
	{
		eventType: 'candidateStageChange',
		title: 'Example delivery: candidate stage change',
		body: {
			triggeredAt: 1431454330072,
			event: 'candidateStageChange',
			data: {
				opportunityId: '3410c8b9-5c31-4bab-b7e9-9f710206d647',
				candidateId: 'daeaa038-cddb-4d69-9b8c-74b6c23be3f3',
				contactId: '05c248f9-ccb1-435f-bab5-0ec608aec263',
				toStageId: '7c2690d8-6308-4ed9-ae2a-cbfe7db26593',
				fromStageId: '992f01a9-ee19-41d2-ae79-1040701b195c',
			},
			signature: '28e3fbb90ce869c3695c4a9559ff43eae998389a48b42c509d1adbeea0897c16',
			token: 'be58f711f349c7780e4579cd7c63341ac6f881e4dccc3154',
		},
	},
	{
		eventType: 'candidateHired',
		title: 'Test request from the webhook settings page',
		body: {
			triggeredAt: 1431458021951,
			event: 'candidateHired',
			data: {},
			signature: 'm3e73080553bcbf65f66c90b6m4ac0mb664c6am763efb1899653808864456b36',
			token: '657fd5a0759c87d35660b096dbc388d1d31058869f08ce3f',
		},
	},
	constructed('applicationCreated', { ...ids }, 'Application created'),
	constructed('candidateArchiveChange', { ...ids }, 'Candidate archive state change'),
	constructed('candidateDeleted', { ...ids }, 'Candidate deleted'),
	constructed('interviewCreated', { ...ids }, 'Interview created'),
	constructed('interviewUpdated', { ...ids }, 'Interview updated'),
	constructed('interviewDeleted', { ...ids }, 'Interview deleted'),
	constructed('contactCreated', { contactId: ids.contactId }, 'Contact created'),
	constructed('contactUpdated', { contactId: ids.contactId }, 'Contact updated'),
];
