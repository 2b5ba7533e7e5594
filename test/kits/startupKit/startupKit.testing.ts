import { asRecord, textOrNull } from '../../../nodes/shared/canonical';
import { hmacSha256 } from '../../../nodes/shared/signatures';
import type { VendorTestKit } from '../vendor.testing';
import { startupKitSamples } from './startupKit.samples';

const secondsPrecision = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const testKit: VendorTestKit = {
	secretField: 'signingSecret',
	sign: (rawBody, credentials, nowMs) => {
		const timestamp = secondsPrecision(nowMs);
		let event = '';
		try {
			event = textOrNull(asRecord(JSON.parse(rawBody.toString())).event) ?? '';
		} catch {
			// The simulator and fuzz tests sign non-JSON bodies too; the header is informative only.
		}
		return {
			'X-Webhook-Event': event,
			'X-Webhook-Timestamp': timestamp,
			'X-Webhook-Signature': hmacSha256(
				credentials.signingSecret,
				`${timestamp}.`,
				rawBody,
			).toString('hex'),
			'User-Agent': 'Kit-Webhooks/1.0',
		};
	},
	samples: startupKitSamples,
	freshSample: (sample, sequence, nowMs) => ({
		...sample.body,
		created_at: secondsPrecision(nowMs),
		data: { ...asRecord(sample.body.data), id: 500_000 + sequence },
	}),
	expectedTypes: {
		'application.submitted': 'application.created',
		'application.rejected': 'application.rejected',
		'application.advanced': 'application.stage_changed',
		'application.withdrawn': 'application.withdrawn',
		'application.offer_extended': 'offer.extended',
		'offer.accepted': 'offer.approved',
		'offer.declined': 'offer.disapproved',
		'offer.candidate_accepted': 'offer.accepted',
		'offer.candidate_declined': 'offer.declined',
		'offer.revised': 'offer.updated',
		'interview.scheduled': 'interview.scheduled',
		'interview.confirmed': 'interview.confirmed',
		'interview.completed': 'interview.completed',
		'interview.cancelled': 'interview.cancelled',
		'interview.no_show': 'interview.no_show',
		'code_assignment.submitted': 'assessment.submitted',
		'code_assignment.auto_submitted': 'assessment.submitted',
		'review.submitted': 'review.submitted',
		'job_posting.published': 'job.published',
		'job_posting.paused': 'job.paused',
		'job_posting.closed': 'job.closed',
		'job_posting.reopened': 'job.reopened',
		'test.ping': 'test.ping',
	},
};
