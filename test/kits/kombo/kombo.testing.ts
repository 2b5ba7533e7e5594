import { signBodyHmacBase64Url, type VendorTestKit } from '../vendor.testing';
import { komboSamples } from './kombo.samples';

export const testKit: VendorTestKit = {
	secretField: 'webhookSecret',
	sign: (rawBody, credentials) => ({
		'X-Kombo-Signature': signBodyHmacBase64Url(credentials.webhookSecret, rawBody),
	}),
	samples: komboSamples,
	freshSample: (sample, sequence, nowMs) => ({
		...sample.body,
		id: `${nowMs.toString(36)}K${sequence}`,
	}),
	expectedTypes: {
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
	},
};
