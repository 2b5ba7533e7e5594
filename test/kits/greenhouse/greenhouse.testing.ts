import { asRecord } from '../../../nodes/shared/canonical';
import { hmacSha256 } from '../../../nodes/shared/signatures';
import type { VendorTestKit } from '../vendor.testing';
import { greenhouseSamples } from './greenhouse.samples';

/**
 * The payload with its subject's id made fresh: the payload's own `id` (offers, job posts),
 * else the id of its one object with an id (application, person, job, scorecard, …), else the
 * ping's web_hook_id or candidate_anonymized's candidate_id. Greenhouse sends no event id, so
 * a distinct delivery is a distinct body.
 */
function withFreshId(payload: Record<string, unknown>, id: number): Record<string, unknown> {
	if (typeof payload.id === 'number') return { ...payload, id };
	for (const [key, value] of Object.entries(payload)) {
		const inner = asRecord(value);
		if (typeof inner.id === 'number') return { ...payload, [key]: { ...inner, id } };
	}
	for (const key of ['web_hook_id', 'candidate_id'])
		if (key in payload) return { ...payload, [key]: id };
	return { ...payload, id };
}

export const testKit: VendorTestKit = {
	secretField: 'secretKey',
	sign: (rawBody, credentials) => ({
		// "the SHA algorithm used to generate the signature, a space, and the signature". The
		// Greenhouse-Event-ID header (per delivery) is left out: nothing reads it, and a value
		// that changes per call would read as a signed send time to the fuzz tests.
		Signature: `sha256 ${hmacSha256(credentials.secretKey, rawBody).toString('hex')}`,
	}),
	samples: greenhouseSamples,
	freshSample: (sample, sequence, nowMs) => ({
		...sample.body,
		payload: withFreshId(asRecord(sample.body.payload), nowMs * 1000 + sequence),
	}),
	// Written from Greenhouse's descriptions of each event, not read from the mapping.
	expectedTypes: {
		new_candidate_application: 'application.created',
		delete_application: 'application.deleted',
		application_updated: 'application.updated',
		offer_created: 'offer.created',
		offer_approved: 'offer.approved',
		offer_updated: 'offer.updated',
		offer_deleted: 'offer.deleted',
		new_prospect_application: 'application.created',
		delete_candidate: 'other',
		hire_candidate: 'application.hired',
		merge_candidate: 'other',
		candidate_stage_change: 'application.stage_changed',
		unhire_candidate: 'application.unhired',
		reject_candidate: 'application.rejected',
		unreject_candidate: 'application.unrejected',
		update_candidate: 'other',
		candidate_anonymized: 'other',
		interview_deleted: 'interview.cancelled',
		scorecard_deleted: 'other',
		job_created: 'job.created',
		job_deleted: 'job.deleted',
		job_updated: 'job.updated',
		job_approved: 'job.approved',
		job_post_created: 'job.post_created',
		job_post_updated: 'job.post_updated',
		job_post_deleted: 'job.post_deleted',
		job_interview_stage_deleted: 'job.stage_deleted',
		department_deleted: 'other',
		office_deleted: 'other',
		ping: 'test.ping',
	},
};
