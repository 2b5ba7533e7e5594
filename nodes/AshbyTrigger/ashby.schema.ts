import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

/**
 * Ashby's webhook types, from its API reference ("Webhook Payloads"): one Ashby webhook is
 * configured per type, so a node that should hear several types gets several Ashby webhooks
 * pointing at its one URL.
 */
export const ashbyEvents = eventOptions([
	[
		'applicationSubmit',
		'Application Submitted',
		'A candidate applied, or was added to Ashby by hand (not bulk imports or syncs)',
	],
	[
		'applicationUpdate',
		'Application Updated',
		'An application changed (fields, job transfer); also sent with a stage change or hire',
	],
	['candidateHire', 'Candidate Hired', 'A candidate was hired; carries the accepted offer'],
	[
		'candidateStageChange',
		'Candidate Stage Changed',
		'An application moved to another interview stage; also sent with a hire',
	],
	['candidateDelete', 'Candidate Deleted', 'A candidate was deleted'],
	['candidateMerge', 'Candidates Merged', 'Two candidates were merged into one'],
	[
		'interviewPlanTransition',
		'Interview Plan Switched',
		"A job's interview plan was switched to another plan",
	],
	['interviewScheduleCreate', 'Interview Schedule Created', 'An interview schedule was created'],
	[
		'interviewScheduleUpdate',
		'Interview Schedule Updated',
		'An interview schedule changed (interviews scheduled, updated or cancelled)',
	],
	['jobCreate', 'Job Created', 'A job was created'],
	['jobUpdate', 'Job Updated', 'A job was updated'],
	['jobPostingPublish', 'Job Posting Published', 'A job posting was published'],
	['jobPostingUnpublish', 'Job Posting Unpublished', 'A job posting was unpublished'],
	['jobPostingUpdate', 'Job Posting Updated', 'A job posting was updated'],
	['offerCreate', 'Offer Created', 'An offer process was created for a candidate'],
	['offerUpdate', 'Offer Updated', 'An offer was updated'],
	['offerDelete', 'Offer Deleted', 'An offer process was deleted'],
	['openingCreate', 'Opening Created', 'An opening (headcount) was created'],
	['pushToHRIS', 'Pushed to HRIS', 'A candidate was pushed to an HRIS'],
	[
		'signatureRequestUpdate',
		'Signature Request Updated',
		'An e-signature request was sent, cancelled, completed or deleted',
	],
	['surveySubmit', 'Survey Submitted', 'A candidate submitted a non-anonymous survey'],
	['ping', 'Ping', 'Sent by Ashby when a webhook is created or edited, to check the URL'],
]);

const id = z.string().min(1);
const time = z.string();

const contactInfo = z.looseObject({
	value: z.string(),
	type: z.string(),
	isPrimary: z.boolean(),
});

/** The application every application webhook carries (Ashby's pushToHRIS schema, which the others reference). */
export const ashbyApplicationSchema = z.looseObject({
	id,
	createdAt: time,
	updatedAt: time,
	status: z.enum(['Hired', 'Archived', 'Active', 'Lead']),
	candidate: z.looseObject({
		id,
		name: z.string(),
		primaryEmailAddress: contactInfo.nullish(),
		primaryPhoneNumber: contactInfo.nullish(),
	}),
	currentInterviewStage: z.looseObject({}).nullable(),
	job: z.looseObject({ id, title: z.string() }),
	hiringTeam: z.array(z.looseObject({})),
});

const employmentType = z.enum(['FullTime', 'PartTime', 'Intern', 'Contract', 'Temporary']);

export const ashbyJobSchema = z.looseObject({
	id,
	title: z.string(),
	confidential: z.boolean(),
	status: z.string(),
	employmentType,
	updatedAt: time,
});

export const ashbyJobPostingSchema = z.looseObject({
	id,
	title: z.string(),
	jobId: id,
	departmentName: z.string(),
	teamName: z.string(),
	locationName: z.string(),
	locationIds: z.looseObject({ primaryLocationId: id, secondaryLocationIds: z.array(id) }),
	employmentType,
	isListed: z.boolean(),
	publishedDate: z.string(),
	applyLink: z.string(),
	shouldDisplayCompensationOnJobBoard: z.boolean(),
	updatedAt: time,
});

export const ashbyOfferSchema = z.looseObject({
	id,
	formDefinition: z.looseObject({}),
});

export const ashbyInterviewScheduleSchema = z.looseObject({
	id,
	status: z.enum([
		'NeedsScheduling',
		'WaitingOnCandidateBooking',
		'WaitingOnCandidateAvailability',
		'CandidateAvailabilitySubmitted',
		'Scheduled',
		'WaitingOnFeedback',
		'Complete',
		'Cancelled',
		'OnHold',
		'Unknown',
	]),
	applicationId: id,
	interviewStageId: id,
});

const plan = z.looseObject({ id, title: z.string() });

const action = <T extends readonly [string, ...string[]], D extends z.ZodType>(types: T, data: D) =>
	z.looseObject({
		// Ashby's "Common Payload Data": every payload carries it; its per-type schemas do not list it.
		webhookActionId: z.string().optional(),
		action: z.enum(types),
		data,
	});

const applicationData = z.looseObject({ application: ashbyApplicationSchema });

export const ashbyWebhookSchema = z.discriminatedUnion('action', [
	action(
		['applicationSubmit', 'applicationUpdate', 'candidateStageChange', 'pushToHRIS'],
		applicationData,
	),
	action(
		['candidateHire'],
		z.looseObject({ application: ashbyApplicationSchema, offer: ashbyOfferSchema.optional() }),
	),
	action(['candidateDelete'], z.looseObject({ candidate: z.looseObject({ id }) })),
	action(
		['candidateMerge'],
		z.looseObject({
			deletedCandidate: z.looseObject({ id }),
			mergedCandidate: z.looseObject({ id }),
		}),
	),
	action(
		['interviewPlanTransition'],
		z.looseObject({
			jobId: id,
			fromInterviewPlan: plan,
			toInterviewPlan: plan,
			interviewStageMappings: z.array(
				z.looseObject({ fromInterviewStageId: id, toInterviewStageId: id }),
			),
		}),
	),
	action(
		['interviewScheduleCreate', 'interviewScheduleUpdate'],
		z.looseObject({ interviewSchedule: ashbyInterviewScheduleSchema }),
	),
	action(['jobCreate', 'jobUpdate'], z.looseObject({ job: ashbyJobSchema })),
	action(
		['jobPostingPublish', 'jobPostingUnpublish', 'jobPostingUpdate'],
		z.looseObject({ jobPosting: ashbyJobPostingSchema }),
	),
	action(['offerCreate', 'offerUpdate'], z.looseObject({ offer: ashbyOfferSchema })),
	action(
		['offerDelete'],
		z.looseObject({ offer: z.looseObject({ id, applicationId: id.optional() }) }),
	),
	action(
		['openingCreate'],
		z.looseObject({
			opening: z.looseObject({
				id,
				isArchived: z.boolean(),
				openingState: z.enum(['Approved', 'Closed', 'Draft', 'Filled', 'Open']),
			}),
		}),
	),
	action(
		['signatureRequestUpdate'],
		z.looseObject({
			relatedEntityType: z.enum(['application', 'offer']),
			eventType: z.enum(['sent', 'cancelled', 'completed', 'deleted']),
		}),
	),
	action(
		['surveySubmit'],
		z.looseObject({
			surveySubmission: z.looseObject({
				id,
				submittedAt: time,
				candidateId: id,
				surveyType: z.enum([
					'CandidateDataConsent',
					'CandidateExperience',
					'Diversity',
					'EEOC',
					'Questionnaire',
				]),
			}),
		}),
	),
	action(['ping'], z.looseObject({ webhookActionType: z.literal('ping') })),
]);

export type AshbyWebhook = z.infer<typeof ashbyWebhookSchema>;
