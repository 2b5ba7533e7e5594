/**
 * Lever's test kit. Lever signs inside the body: `signature` is the hex HMAC-SHA256 of
 * `token + triggeredAt` (body fields) under the webhook's signature token, and no header
 * carries anything but `User-Agent: Lever-Webhooks`. So `sign` adds only that header (it is
 * given bytes it cannot change), and `deliver` is the request a genuine sender makes: the
 * example with its `signature` added by `signLeverBody`, as Lever signs.
 */
import { createHash, createHmac } from 'node:crypto';

import { asRecord } from '../../../nodes/shared/canonical';
import type { VendorTestKit } from '../vendor.testing';
import { leverSamples } from './lever.samples';

/** The body signed as Lever signs it: `signature` = hex HMAC-SHA256(token + triggeredAt). */
export function signLeverBody(
	body: Record<string, unknown>,
	signatureToken: string,
): Record<string, unknown> {
	const signature = createHmac('sha256', signatureToken)
		.update(`${String(body.token)}${String(body.triggeredAt)}`)
		.digest('hex');
	return { ...body, signature };
}

/** A delivery token as Lever makes them: 48 random-looking hex characters, here derived. */
export const deliveryToken = (seed: string): string =>
	createHash('sha256').update(seed).digest('hex').slice(0, 48);

export const testKit: VendorTestKit = {
	secretField: 'signatureTokens',
	sign: () => ({ 'User-Agent': 'Lever-Webhooks' }),
	deliver: (example, credentials) => ({
		payload: JSON.stringify(signLeverBody(example, credentials.signatureTokens.split(/[\s,]+/)[0])),
		headers: { 'User-Agent': 'Lever-Webhooks' },
	}),
	// What the generic suites assert instead of "the signature covers the body": see VendorTestKit.
	bodySignature: { field: 'signature', covers: ['token', 'triggeredAt'], time: 'triggeredAt' },
	samples: leverSamples,
	freshSample: (sample, sequence, nowMs) => {
		const token = deliveryToken(`${sample.title}:${sequence}:${nowMs}`);
		// No signature: only the holder of a signature token can add one (see signLeverBody).
		const body = Object.fromEntries(
			Object.entries(sample.body).filter(([field]) => field !== 'signature'),
		);
		return {
			...body,
			id: `${token.slice(0, 8)}-${token.slice(8, 12)}-4${token.slice(13, 16)}-a${token.slice(17, 20)}-${token.slice(20, 32)}`,
			triggeredAt: nowMs,
			token,
			data: { ...asRecord(sample.body.data) },
		};
	},
	expectedTypes: {
		applicationCreated: 'application.created',
		candidateHired: 'application.hired',
		candidateStageChange: 'application.stage_changed',
		candidateArchiveChange: 'application.archive_changed',
		candidateDeleted: 'application.deleted',
		interviewCreated: 'interview.scheduled',
		interviewUpdated: 'interview.updated',
		interviewDeleted: 'interview.deleted',
		contactCreated: 'other',
		contactUpdated: 'other',
	},
};
