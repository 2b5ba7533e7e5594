import type { CanonicalFields } from '../shared/canonical';
import { ownEntry } from '../shared/canonical';

const words = (value: string) => value.replace(/[_-]+/g, ' ');

const interviewOutcome: Record<string, string> = {
	scheduled: 'was scheduled',
	confirmed: 'was confirmed',
	completed: 'took place',
	cancelled: 'was cancelled',
	no_show: 'was missed (no-show)',
};

const offerOutcome: Record<string, (who: string, forJob: string) => string> = {
	extended: (who, forJob) => `An offer${forJob} was extended to ${who}`,
	accepted: (who, forJob) => `${who} accepted the offer${forJob}`,
	declined: (who, forJob) => `${who} declined the offer${forJob}`,
	approved: (who, forJob) => `The offer to ${who}${forJob} was approved`,
	disapproved: (who, forJob) => `The offer to ${who}${forJob} was declined internally`,
	updated: (who, forJob) => `The offer to ${who}${forJob} was revised`,
};

/**
 * One sentence a recruiter can read in Slack, e.g. "Jane Smith's application for Senior
 * Engineer moved to Technical Interview (StartupKit)". Every branch falls back to ids or
 * neutral words, so no "undefined" or "null" ever reaches the text.
 */
export function summarize(
	type: string,
	fields: CanonicalFields,
	vendorName: string,
	sourceType: string,
): string {
	const { application, candidate, job, detail } = fields;
	const who = candidate.name ?? (candidate.id ? `Candidate ${candidate.id}` : null);
	// A job without a title (Kombo's job postings carry only a code) is named by its code, else its id.
	const jobRef = job.code ?? job.id;
	const jobName = job.title ?? (jobRef ? `job ${jobRef}` : null);
	const forJob = jobName ? ` for ${jobName}` : '';
	const theApplication = who
		? `${who}'s application${forJob}`
		: application.id
			? `Application ${application.id}${forJob}`
			: `An application${forJob}`;
	const [family, action = ''] = type.split('.');
	const extra = detail ? ` (${detail})` : '';
	let sentence: string;
	switch (family) {
		case 'application':
			sentence =
				action === 'created'
					? who
						? `${who} applied${forJob}`
						: `New application${application.id ? ` ${application.id}` : ''}${forJob}`
					: action === 'stage_changed'
						? `${theApplication} moved to ${application.stage ?? 'a new stage'}`
						: action === 'status_changed'
							? `${theApplication} is now ${application.status ?? 'in a new status'}${application.error ? `: ${application.error}` : ''}`
							: action === 'hired'
								? `${who ?? 'A candidate'} was hired${forJob}`
								: action === 'withdrawn' && who
									? `${who} withdrew${jobName ? ` from ${jobName}` : ''}`
									: `${theApplication} was ${words(action)}`;
			break;
		case 'offer':
			sentence = (
				ownEntry(offerOutcome, action) ?? ((w, f) => `The offer to ${w}${f}: ${words(action)}`)
			)(who ?? 'the candidate', forJob);
			sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1) + extra;
			break;
		case 'interview':
			sentence = `${who ? `${who}'s interview` : 'An interview'}${forJob} ${ownEntry(interviewOutcome, action) ?? words(action)}${extra}`;
			break;
		case 'assessment':
			sentence =
				action === 'ordered'
					? `${who ?? 'A candidate'} was sent an assessment${forJob}${extra}`
					: `${who ?? 'A candidate'} submitted an assessment${forJob}${extra}`;
			break;
		case 'review':
			sentence = `New review of ${who ?? 'a candidate'}${forJob}${detail ? `: ${detail}` : ''}`;
			break;
		case 'job': {
			const subject = job.title
				? `Job ${job.title}`
				: jobRef
					? `Job ${jobRef}`
					: job.url
						? `The job at ${job.url}`
						: 'A job';
			sentence =
				action === 'status_changed'
					? `${subject} is now ${job.status ?? 'in a new status'}${extra}`
					: `${subject} was ${words(action)}${extra}`;
			break;
		}
		case 'sync':
			sentence = `Sync ${action === 'completed' ? 'completed' : words(action)}${detail ? `: ${detail}` : ''}`;
			break;
		case 'integration':
			sentence = `Integration ${words(action)}${detail ? `: ${detail}` : ''}`;
			break;
		case 'test':
			sentence = 'Test ping received';
			break;
		default:
			sentence = `${vendorName} event ${sourceType} received${theApplication !== 'An application' && (who || application.id) ? ` about ${theApplication}` : ''}`;
	}
	return `${sentence} (${vendorName})`;
}
