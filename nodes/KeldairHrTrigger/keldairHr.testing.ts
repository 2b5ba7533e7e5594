import { hmacSha256 } from '../shared/signatures';
import type { VendorTestKit } from '../shared/vendor.testing';
import { keldairHrSamples } from './keldairHr.samples';
import { KELDAIRHR_DEFAULT_HEADER } from './keldairHr.trigger';

export const testKit: VendorTestKit = {
	secretField: 'signingSecret',
	sign: (rawBody, credentials) => ({
		[credentials.signatureHeader || KELDAIRHR_DEFAULT_HEADER]: `sha256=${hmacSha256(credentials.signingSecret, rawBody).toString('hex')}`,
	}),
	samples: keldairHrSamples,
	freshSample: (sample, sequence, nowMs) => ({
		...sample.body,
		id: `evt-${nowMs.toString(36)}-${sequence}`,
		dateOccurred: new Date(nowMs).toISOString(),
	}),
	// Unauthenticated is the node's default (KeldairHR allows it); tests exercise the signature.
	verifyingParameters: { authentication: 'signature' },
	expectedTypes: {
		'resource.event': 'other',
		'applicant.hired': 'application.hired',
		'applicant.stage_changed': 'application.stage_changed',
		'onboarding.completed': 'other',
	},
};
