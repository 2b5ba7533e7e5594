import { hmacSha256 } from '../../../nodes/shared/signatures';
import type { VendorTestKit } from '../vendor.testing';
import { ashbySamples } from './ashby.samples';

/** A UUID-shaped webhookActionId, distinct per delivery (Ashby's are UUIDs, one per event). */
const actionId = (sequence: number, nowMs: number) => {
	const hex =
		`${nowMs.toString(16).padStart(12, '0')}${sequence.toString(16).padStart(20, '0')}`.slice(-32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};

export const testKit: VendorTestKit = {
	secretField: 'webhookSecret',
	sign: (rawBody, credentials) => ({
		'Ashby-Signature': `sha256=${hmacSha256(credentials.webhookSecret, rawBody).toString('hex')}`,
	}),
	samples: ashbySamples,
	freshSample: (sample, sequence, nowMs) => ({
		...sample.body,
		webhookActionId: actionId(sequence, nowMs),
	}),
	// Written from Ashby's webhook reference, type by type; candidates, surveys and e-signature
	// requests have no canonical family, so they are `other`.
	expectedTypes: {
		applicationSubmit: 'application.created',
		applicationUpdate: 'application.updated',
		candidateStageChange: 'application.stage_changed',
		candidateHire: 'application.hired',
		pushToHRIS: 'application.pushed_to_hris',
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
		signatureRequestUpdate: 'other',
		surveySubmit: 'other',
		ping: 'test.ping',
	},
};
