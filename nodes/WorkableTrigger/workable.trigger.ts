import { bodyHmac, credentialText, type Verifier } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { WORKABLE_EVENT_FIELD, workableEvents } from './workable.schema';
import { workableVendor } from './workable.vendor';

/**
 * Workable signs every request: `X-Workable-Signature` = HMAC-SHA256 of the payload, keyed with
 * the account's API access token, or with the OAuth application's secret for an OAuth
 * integration. Its document does not say how the digest is written. Both encodings a 32-byte
 * digest is usually written in are accepted, each decoded strictly (64 hex digits, or 43 base64
 * characters and an optional "="): they cannot be mistaken for each other, and neither
 * weakens the check, since either way the 32 bytes must equal the HMAC.
 */
const digest = { header: 'X-Workable-Signature', encoding: ['hex', 'base64'] } as const;
const signedWithToken = bodyHmac({
	...digest,
	encoding: [...digest.encoding],
	secretField: 'apiToken',
});
const signedWithAppSecret = bodyHmac({
	...digest,
	encoding: [...digest.encoding],
	secretField: 'signingSecret',
});

/** The OAuth app's secret where the credential has one (then only it), else the API access token. */
export const verifyWorkableSignature: Verifier = (request) =>
	credentialText(request.credentials.signingSecret).trim() !== ''
		? signedWithAppSecret(request)
		: signedWithToken(request);

export const workableTrigger: TriggerVendor = {
	vendor: workableVendor,
	verify: verifyWorkableSignature,
	events: workableEvents,
	eventList: 'documented',
	// One subscription, one event: the node's Event parameter names what a payload without its
	// own event_type is.
	requestFields: { [WORKABLE_EVENT_FIELD]: { parameter: 'event' } },
};
