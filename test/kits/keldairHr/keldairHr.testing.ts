import { hmacSha256 } from '../../../nodes/shared/signatures';
import { KELDAIRHR_DEFAULT_HEADER } from '../../../nodes/KeldairHrTrigger/keldairHr.trigger';
import type { VendorTestKit } from '../vendor.testing';
import { keldairHrSamples } from './keldairHr.samples';

export const testKit: VendorTestKit = {
	secretField: 'signingSecret',
	sign: (rawBody, credentials) => ({
		[credentials.signatureHeader || KELDAIRHR_DEFAULT_HEADER]:
			`sha256=${hmacSha256(credentials.signingSecret, rawBody).toString('hex')}`,
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
