import type { VendorSample } from '../../../nodes/shared/vendor';

/**
 * Ashby publishes no literal example bodies for its webhooks: its API reference ("Webhook
 * Payloads", developers.ashbyhq.com/reference/<type>webhook) gives one OpenAPI schema per type,
 * and its guide "Common Payload Data" the one envelope example
 * `{"webhookActionId": "75395d87-4044-4dc4-bc29-0cec185e5f06", "action": "candidateStageChange", "data": {...}}`.
 * These examples are that envelope around each type's documented schema: every required field,
 * with Ashby's own `example` values where the schema gives one (James, test@ashbyhq.com,
 * 222-222-3344, First Designer and its job id, the job posting's links and compensation text,
 * the interview plan titles, `_systemfield_name: Gob Bluth`, …); the ids and times the schema
 * leaves without an example are ours (UUIDs in Ashby's form, ISO 8601 UTC times).
 */
const WEBHOOK_ACTION_ID = '75395d87-4044-4dc4-bc29-0cec185e5f06';

const ashby = (
	action: string,
	data: Record<string, unknown>,
	webhookActionId = WEBHOOK_ACTION_ID,
) => ({
	webhookActionId,
	action,
	data,
});

const user = {
	id: '3ae2b801-19f6-41ef-ad28-214bd731948f',
	firstName: 'Test',
	lastName: 'User',
	email: 'test@ashbyhq.com',
	globalRole: 'Admin',
	isEnabled: true,
	updatedAt: '2022-08-12T20:29:56.964Z',
};

const application = (status: string, stage: string, updatedAt: string) => ({
	id: 'e9ed20fd-d45f-4aad-8a00-a19bfba0083e',
	createdAt: '2022-08-12T20:29:56.964Z',
	updatedAt,
	status,
	customFields: [],
	candidate: {
		id: '5b591aac-0d77-4a7e-b3c6-9c1b5a6d1f0e',
		name: 'James',
		primaryEmailAddress: { value: 'test@ashbyhq.com', type: 'Work', isPrimary: true },
		primaryPhoneNumber: { value: '222-222-3344', type: 'Work', isPrimary: true },
	},
	currentInterviewStage: {
		id: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
		title: stage,
		type: stage === 'Offer' ? 'Offer' : stage === 'Hired' ? 'Hired' : 'Active',
		orderInInterviewPlan: stage === 'Application Review' ? 0 : 3,
		interviewStageGroupId: '2c8f1b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b',
		interviewPlanId: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
	},
	source: null,
	archiveReason: null,
	job: {
		id: '4071538b-3cac-4fbf-ac76-f78ed250ffdd',
		title: 'First Designer',
		locationId: 'e5a0f7b2-8c1d-4e3f-9a6b-7c8d9e0f1a2b',
		departmentId: 'c3b2a190-8f7e-4d6c-b5a4-93827160f5e4',
	},
	creditedToUser: user,
	hiringTeam: [
		{
			email: 'test@ashbyhq.com',
			firstName: 'Test',
			lastName: 'User',
			role: 'Recruiter',
			userId: user.id,
		},
	],
	appliedViaJobPostingId: 'd5a6bc97-4259-4bc5-b3fe-6d3edfd538e3',
	submitterClientIp: '79.255.55.222',
	submitterUserAgent:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36',
});

const offer = (offerStatus: string, acceptanceStatus: string, decidedAt: string | null) => ({
	id: '1f7a2b3c-4d5e-4f60-8172-93a4b5c6d7e8',
	decidedAt,
	applicationId: 'e9ed20fd-d45f-4aad-8a00-a19bfba0083e',
	acceptanceStatus,
	offerStatus,
	latestVersion: {
		id: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
		startDate: '2022-09-12T00:00:00.000Z',
		salary: { currencyCode: 'USD', value: 120000 },
		createdAt: '2022-08-20T17:03:11.412Z',
		openingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d',
		customFields: [],
		fileHandles: [],
		author: user,
		approvalStatus: null,
	},
	versions: [
		{
			id: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
			startDate: '2022-09-12T00:00:00.000Z',
			salary: { currencyCode: 'USD', value: 120000 },
			createdAt: '2022-08-20T17:03:11.412Z',
		},
	],
	formDefinition: { sections: [] },
});

const job = (status: string, updatedAt: string) => ({
	id: '4071538b-3cac-4fbf-ac76-f78ed250ffdd',
	title: 'First Designer',
	confidential: false,
	status,
	employmentType: 'FullTime',
	locationId: 'e5a0f7b2-8c1d-4e3f-9a6b-7c8d9e0f1a2b',
	departmentId: 'c3b2a190-8f7e-4d6c-b5a4-93827160f5e4',
	defaultInterviewPlanId: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
	interviewPlanIds: ['6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f'],
	customFields: [],
	jobPostingIds: ['d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3'],
	customRequisitionId: 'REQ-42',
	hiringTeam: [],
	author: user,
	createdAt: '2022-08-01T09:00:00.000Z',
	updatedAt,
	openedAt: '2022-08-02T09:00:00.000Z',
	closedAt: null,
});

const jobPosting = (isListed: boolean, updatedAt: string) => ({
	id: 'd5a6bc97-4259-4bc5-b3fe-6d3edfd538e3',
	title: 'Posting Title',
	jobId: '4071538b-3cac-4fbf-ac76-f78ed250ffdd',
	departmentName: 'Engineering department',
	teamName: 'Data engineering team',
	locationName: 'Springfield',
	locationIds: {
		primaryLocationId: 'e5a0f7b2-8c1d-4e3f-9a6b-7c8d9e0f1a2b',
		secondaryLocationIds: [],
	},
	workplaceType: 'Remote',
	employmentType: 'FullTime',
	isListed,
	publishedDate: '2021-11-19',
	applicationDeadline: '2024-08-12T20:00:00.000Z',
	externalLink:
		'https://jobs.ashbyhq.com/6eec82ac-9713-512d-ac2e-405618935375/d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3',
	applyLink:
		'https://jobs.ashbyhq.com/6eec82ac-9713-512d-ac2e-405618935375/d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3',
	compensationTierSummary: '$120K – $270K • 0% – 2.25% • Offers Bonus • Multiple Ranges',
	shouldDisplayCompensationOnJobBoard: true,
	updatedAt,
});

const interviewSchedule = (status: string, updatedAt: string) => ({
	id: '7c6b5a49-3827-4160-95e4-d3c2b1a09f8e',
	status,
	applicationId: 'e9ed20fd-d45f-4aad-8a00-a19bfba0083e',
	interviewStageId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
	scheduledBy: user,
	createdAt: '2022-08-14T10:00:00.000Z',
	updatedAt,
	interviewEvents: [],
});

export const ashbySamples: VendorSample[] = [
	{
		eventType: 'applicationSubmit',
		title: 'Application submitted',
		body: ashby(
			'applicationSubmit',
			{ application: application('Active', 'Application Review', '2022-08-12T20:29:56.964Z') },
			'0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
		),
	},
	{
		eventType: 'applicationUpdate',
		title: 'Application updated (sent with the stage change)',
		body: ashby('applicationUpdate', {
			application: application('Active', 'Technical Interview', '2022-08-15T11:42:10.118Z'),
		}),
	},
	{
		eventType: 'candidateStageChange',
		title: 'Candidate stage changed (the Common Payload Data example)',
		body: ashby('candidateStageChange', {
			application: application('Active', 'Technical Interview', '2022-08-15T11:42:10.118Z'),
		}),
	},
	{
		eventType: 'candidateHire',
		title: 'Candidate hired, with the accepted offer',
		body: ashby(
			'candidateHire',
			{
				application: application('Hired', 'Hired', '2022-08-25T15:00:00.000Z'),
				offer: offer('CandidateAccepted', 'Accepted', '2022-08-25T14:58:31.000Z'),
			},
			'2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b',
		),
	},
	{
		eventType: 'pushToHRIS',
		title: 'Candidate pushed to an HRIS',
		body: ashby(
			'pushToHRIS',
			{ application: application('Hired', 'Hired', '2022-08-26T09:00:00.000Z') },
			'3e4f5061-7283-49a4-b5c6-d7e8f90a1b2c',
		),
	},
	{
		eventType: 'candidateDelete',
		title: 'Candidate deleted',
		body: ashby(
			'candidateDelete',
			{ candidate: { id: '5b591aac-0d77-4a7e-b3c6-9c1b5a6d1f0e' } },
			'4f506172-8394-4ab5-86d7-e8f90a1b2c3d',
		),
	},
	{
		eventType: 'candidateMerge',
		title: 'Candidates merged',
		body: ashby(
			'candidateMerge',
			{
				deletedCandidate: { id: 'a1b2c3d4-e5f6-4789-8abc-def012345678' },
				mergedCandidate: { id: '5b591aac-0d77-4a7e-b3c6-9c1b5a6d1f0e' },
			},
			'50617283-94a5-4bc6-97e8-f90a1b2c3d4e',
		),
	},
	{
		eventType: 'interviewPlanTransition',
		title: 'Interview plan switched',
		body: ashby(
			'interviewPlanTransition',
			{
				jobId: '4071538b-3cac-4fbf-ac76-f78ed250ffdd',
				fromInterviewPlan: {
					id: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
					title: 'Custom Interview Plan',
				},
				toInterviewPlan: {
					id: 'b7c8d9e0-f1a2-4b3c-9d4e-5f60718293a4',
					title: 'Engineering Interview Plan',
				},
				interviewStageMappings: [
					{
						fromInterviewStageId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
						toInterviewStageId: 'c8d9e0f1-a2b3-4c4d-8e5f-60718293a4b5',
					},
				],
			},
			'61728394-a5b6-4cd7-a8f9-0a1b2c3d4e5f',
		),
	},
	{
		eventType: 'interviewScheduleCreate',
		title: 'Interview schedule created',
		body: ashby(
			'interviewScheduleCreate',
			{ interviewSchedule: interviewSchedule('NeedsScheduling', '2022-08-14T10:00:00.000Z') },
			'72839405-b6c7-4de8-b9fa-1b2c3d4e5f60',
		),
	},
	{
		eventType: 'interviewScheduleUpdate',
		title: 'Interview schedule updated',
		body: ashby(
			'interviewScheduleUpdate',
			{
				interviewSchedule: {
					...interviewSchedule('Scheduled', '2022-08-14T16:20:00.000Z'),
					candidateId: '5b591aac-0d77-4a7e-b3c6-9c1b5a6d1f0e',
				},
			},
			'8394a5b6-c7d8-4ef9-8a0b-2c3d4e5f6071',
		),
	},
	{
		eventType: 'jobCreate',
		title: 'Job created',
		body: ashby(
			'jobCreate',
			{ job: job('Draft', '2022-08-01T09:00:00.000Z') },
			'94a5b6c7-d8e9-4f0a-9b1c-3d4e5f607182',
		),
	},
	{
		eventType: 'jobUpdate',
		title: 'Job updated',
		body: ashby(
			'jobUpdate',
			{ job: job('Open', '2022-08-02T09:00:00.000Z') },
			'a5b6c7d8-e9f0-401b-8c2d-4e5f60718293',
		),
	},
	{
		eventType: 'jobPostingPublish',
		title: 'Job posting published',
		body: ashby(
			'jobPostingPublish',
			{ jobPosting: jobPosting(true, '2022-08-02T09:05:00.000Z') },
			'b6c7d8e9-f001-412c-9d3e-5f60718293a4',
		),
	},
	{
		eventType: 'jobPostingUnpublish',
		title: 'Job posting unpublished',
		body: ashby(
			'jobPostingUnpublish',
			{ jobPosting: jobPosting(false, '2022-09-30T17:00:00.000Z') },
			'c7d8e9f0-0112-423d-8e4f-60718293a4b5',
		),
	},
	{
		eventType: 'jobPostingUpdate',
		title: 'Job posting updated',
		body: ashby(
			'jobPostingUpdate',
			{ jobPosting: jobPosting(true, '2022-08-10T12:00:00.000Z') },
			'd8e9f001-1223-434e-9f50-718293a4b5c6',
		),
	},
	{
		eventType: 'offerCreate',
		title: 'Offer created',
		body: ashby(
			'offerCreate',
			{ offer: offer('WaitingOnOfferApproval', 'Pending', null) },
			'e9f00112-2334-445f-a061-8293a4b5c6d7',
		),
	},
	{
		eventType: 'offerUpdate',
		title: 'Offer updated',
		body: ashby(
			'offerUpdate',
			{ offer: offer('WaitingOnCandidateResponse', 'Pending', null) },
			'f0011223-3445-4560-b172-93a4b5c6d7e8',
		),
	},
	{
		eventType: 'offerDelete',
		title: 'Offer deleted',
		body: ashby(
			'offerDelete',
			{
				offer: {
					id: '1f7a2b3c-4d5e-4f60-8172-93a4b5c6d7e8',
					applicationId: 'e9ed20fd-d45f-4aad-8a00-a19bfba0083e',
				},
			},
			'01122334-4556-4671-8283-a4b5c6d7e8f9',
		),
	},
	{
		eventType: 'openingCreate',
		title: 'Opening created',
		body: ashby(
			'openingCreate',
			{
				opening: {
					id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d',
					openedAt: '2022-08-02T09:00:00.000Z',
					closedAt: null,
					isArchived: false,
					archivedAt: null,
					closeReasonId: null,
					openingState: 'Open',
					latestVersion: {
						id: '0f1e2d3c-4b5a-4697-8877-665544332211',
						identifier: 'OPEN-7',
						description: 'Second product designer',
						authorId: user.id,
						createdAt: '2022-08-02T09:00:00.000Z',
						teamId: 'c3b2a190-8f7e-4d6c-b5a4-93827160f5e4',
						jobIds: ['4071538b-3cac-4fbf-ac76-f78ed250ffdd'],
						targetHireDate: '2022-10-01',
						targetStartDate: '2022-11-01',
						isBackfill: false,
						employmentType: 'FullTime',
						locationIds: ['e5a0f7b2-8c1d-4e3f-9a6b-7c8d9e0f1a2b'],
						hiringTeam: [],
						customFields: [],
					},
				},
			},
			'12233445-5667-4782-9394-b5c6d7e8f90a',
		),
	},
	{
		eventType: 'signatureRequestUpdate',
		title: 'Offer signature request completed',
		body: ashby(
			'signatureRequestUpdate',
			{
				relatedEntityType: 'offer',
				offerId: '1f7a2b3c-4d5e-4f60-8172-93a4b5c6d7e8',
				offerVersionId: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
				eventType: 'completed',
			},
			'23344556-6778-4893-a4a5-c6d7e8f90a1b',
		),
	},
	{
		eventType: 'signatureRequestUpdate',
		title: 'Application signature request sent',
		body: ashby(
			'signatureRequestUpdate',
			{
				relatedEntityType: 'application',
				applicationId: 'e9ed20fd-d45f-4aad-8a00-a19bfba0083e',
				eventType: 'sent',
			},
			'34455667-7889-49a4-b5b6-d7e8f90a1b2c',
		),
	},
	{
		eventType: 'surveySubmit',
		title: 'Questionnaire submitted',
		body: ashby(
			'surveySubmit',
			{
				surveySubmission: {
					id: '45566778-899a-4ab5-86c7-e8f90a1b2c3d',
					surveyFormDefinitionId: '56677889-9aab-4bc6-97d8-f90a1b2c3d4e',
					submittedAt: '2022-08-13T08:30:00.000Z',
					candidateId: '5b591aac-0d77-4a7e-b3c6-9c1b5a6d1f0e',
					applicationId: 'e9ed20fd-d45f-4aad-8a00-a19bfba0083e',
					surveyType: 'Questionnaire',
					formDefinition: { sections: [] },
					submittedValues: { _systemfield_name: 'Gob Bluth' },
				},
			},
			'45566778-899a-4ab5-96c7-e8f90a1b2c3d',
		),
	},
	{
		eventType: 'ping',
		title: 'Ping (sent when a webhook is created or edited)',
		body: ashby('ping', { webhookActionType: 'ping' }, '56677889-9aab-4bc6-a7d8-f90a1b2c3d4e'),
	},
];
