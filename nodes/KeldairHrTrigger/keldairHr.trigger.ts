import { bodyHmac } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { keldairHrEvents } from './keldairHr.schema';
import { keldairHrVendor } from './keldairHr.vendor';

export const KELDAIRHR_DEFAULT_HEADER = 'X-Signature';

/**
 * HMAC-SHA256 of the body in the header the credential names; `sha256=` optional; hex or base64
 * (standard or URL alphabet, padded or not).
 */
export const verifyKeldairHrSignature = bodyHmac({
	header: { credentialField: 'signatureHeader', fallback: KELDAIRHR_DEFAULT_HEADER },
	secretField: 'signingSecret',
	encoding: ['hex', 'base64', 'base64url'],
	prefix: 'sha256=',
	prefixOptional: true,
});

/** KeldairHR publishes no closed list of types (its list holds examples): the filter applies to every type. */
export const keldairHrTrigger: TriggerVendor = {
	vendor: keldairHrVendor,
	verify: verifyKeldairHrSignature,
	events: keldairHrEvents,
	eventList: 'open',
};
