import type { VendorTestKit } from '../vendor.testing';
import { kiniSamples } from './kini.samples';

export const testKit: VendorTestKit = {
	secretField: 'apiKey',
	sign: (_rawBody, credentials) => ({ Authorization: `Bearer ${credentials.apiKey}` }),
	samples: kiniSamples,
	freshSample: (sample, sequence) => ({ ...sample.body, application_id: 900_000_000 + sequence }),
	expectedTypes: {
		SUCCESS: 'application.status_changed',
		FAILURE: 'application.status_changed',
		EXPECTED_FAILURE: 'application.status_changed',
		NOTSENT: 'application.status_changed',
	},
};
