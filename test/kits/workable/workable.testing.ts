import { hmacSha256 } from '../../../nodes/shared/signatures';
import type { VendorTestKit } from '../vendor.testing';
import { workableSamples } from './workable.samples';

const isoAfter = (nowMs: number, sequence: number) => new Date(nowMs + sequence).toISOString();

/**
 * The suites hold Workable's examples as the trigger's items: a candidate payload with the
 * `event_type` the trigger adds from its Event parameter. They are sent as held (no `deliver`):
 * a body that names its event keeps it, so one trigger can be sent every type, as the generic
 * suites do. That Workable's candidate payloads arrive without `event_type` and get the
 * parameter's is tested in test/unit/workable.test.ts and test/e2e/workable.test.ts.
 */
export const testKit: VendorTestKit = {
	secretField: 'apiToken',
	// Hex: the first encoding the verifier accepts (it accepts base64 as well).
	sign: (rawBody, credentials) => ({
		'X-Workable-Signature': hmacSha256(credentials.apiToken, rawBody).toString('hex'),
	}),
	samples: workableSamples,
	freshSample: (sample, sequence, nowMs) => {
		const data = sample.body.data as Record<string, unknown>;
		return 'fired_at' in sample.body
			? { ...sample.body, fired_at: isoAfter(nowMs, sequence) }
			: {
					...sample.body,
					data: {
						...data,
						id: `${(nowMs % 0x10000000).toString(16)}${sequence.toString(16).padStart(6, '0')}`,
						updated_at: isoAfter(nowMs, sequence),
					},
				};
	},
	// Its defaults verify every request (no verifyingParameters). Activation creates the
	// subscription through Workable's API, which the suites' n8n has not: they receive only.
	activationParameters: { createSubscription: false },
	// Written from Workable's event list: a candidate is the person in one job (an application);
	// employee, onboarding and time-off events have no canonical family.
	expectedTypes: {
		candidate_created: 'application.created',
		candidate_moved: 'application.stage_changed',
		employee_created: 'other',
		employee_updated: 'other',
		employee_published: 'other',
		onboarding_completed: 'other',
		timeoff_updated: 'other',
	},
};
