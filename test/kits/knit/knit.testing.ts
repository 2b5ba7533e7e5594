import { signBodyHmacBase64Url, type VendorTestKit } from '../vendor.testing';
import { knitSamples } from './knit.samples';

export const testKit: VendorTestKit = {
	secretField: 'apiKey',
	sign: (rawBody, credentials) => ({
		'X-Knit-Signature': signBodyHmacBase64Url(credentials.apiKey, rawBody),
	}),
	samples: knitSamples,
	freshSample: (sample, sequence, nowMs) => ({
		...sample.body,
		eventId: `ev_${nowMs.toString(36)}_${sequence}`,
		...('recordId' in sample.body ? { recordId: String(700_000 + sequence) } : {}),
	}),
	expectedTypes: {
		'record.new': 'application.created',
		'record.modified': 'application.updated',
		'record.deleted': 'application.deleted',
		'sync.events.processed': 'sync.progressed',
		'sync.events.allConsumed': 'sync.completed',
	},
};
