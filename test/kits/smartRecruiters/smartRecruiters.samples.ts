import type { VendorSample } from '../vendor.testing';

/**
 * SmartRecruiters documents one notification shape ("Receiving webhook notifications",
 * developers.smartrecruiters.com/docs/receiving-webhook-notifications): the body is
 * `{"id": "<changed resource>"}`; the event's name and version come as `event-name` /
 * `event-version` headers, its id as `event-id`, and a `Link` header points at the resource in
 * the Customer API. Its signature example ("Generate a secret key for a webhook subscription")
 * gives the header values `event-name: application.created`, `event-version: v201910`,
 * `event-id: 123` and `link: <http://smartrecruiters.com/endpoint>; rel=self`.
 *
 * An example here is the item the trigger emits: that body plus the header fields
 * (eventName, eventId, eventVersion, link), one per event of the trigger's list
 * (smartRecruiters.schema.ts). The resource ids and Link paths are ours: SmartRecruiters
 * documents neither per event (its Link example is a placeholder), so the Link of each points
 * where the Customer API keeps that resource kind. The version is the signature example's.
 */
const API = 'https://api.smartrecruiters.com';
const JOB = 'a6f6a3f4-6c2e-4b63-9a0e-3b2f1d4c5e61';
const CANDIDATE = '5b0f7e0e-2d8f-4c0b-9e6b-8e1f0f6b2a17';

const resourceOf: Record<string, (id: string) => string> = {
	application: () => `${API}/candidates/${CANDIDATE}/jobs/${JOB}`,
	offer: (id) => `${API}/candidates/${CANDIDATE}/jobs/${JOB}/offers/${id}`,
	interview: (id) => `${API}/interviews-api/v201904/interviews/${id}`,
	job: (id) => `${API}/jobs/${id}`,
	position: (id) => `${API}/jobs/${JOB}/positions/${id}`,
	candidate: (id) => `${API}/candidates/${id}`,
};

const idOf: Record<string, string> = {
	application: 'f2c1d7e4-0b8a-4a1e-9d33-7c52a1e0b9d4',
	offer: '3d9a6b1c-52e7-4f08-8a6d-0e4b7c9f1a25',
	interview: '9e7c5a3b-1d2f-4e6a-8b0c-2f4d6e8a0c13',
	job: JOB,
	position: 'REQ-2041-01',
	candidate: CANDIDATE,
};

const eventNames = [
	'application.created',
	'application.status.updated',
	'application.fields.updated',
	'application.onboarding-status.updated',
	'application.attachment.created',
	'application.source.updated',
	'application.screening-answers.created',
	'application.screening-answers.updated',
	'offer.created',
	'offer.updated',
	'offer.approval.created',
	'offer.approval.approved',
	'offer.approval.rejected',
	'offer.approval.abandoned',
	'offer.approval.step.approved',
	'offer.approval.step.rejected',
	'offer.approver.skipped',
	'offer.approver.delegated',
	'offer.approval.comment.created',
	'interview.created',
	'interview.updated',
	'interview.canceled',
	'job.created',
	'job.updated',
	'job.status.updated',
	'job.hiring-team.updated',
	'job.ad.created',
	'job.ad.updated',
	'job.ad.postings.updated',
	'job.approval.created',
	'job.approval.approved',
	'job.approval.rejected',
	'job.approval.abandoned',
	'job.approval.step.approved',
	'job.approval.step.rejected',
	'job.approver.skipped',
	'job.approver.delegated',
	'job.approval.comment.created',
	'position.created',
	'position.updated',
	'position.deleted',
	'candidate.created',
	'candidate.updated',
	'candidate.deleted',
];

export const smartRecruitersSamples: VendorSample[] = eventNames.map((eventName, index) => {
	const family = eventName.split('.')[0];
	const id = idOf[family];
	return {
		eventType: eventName,
		title: `${eventName} notification`,
		body: {
			id,
			eventName,
			eventId: String(123 + index),
			eventVersion: 'v201910',
			link: `<${resourceOf[family](id)}>; rel=self`,
		},
	};
});
