import { bodyHmac } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { knitEvents } from './knit.schema';
import { knitVendor } from './knit.vendor';

/** Knit signs the raw body with the account's API key: base64url HMAC-SHA256, no padding. */
export const verifyKnitSignature = bodyHmac({
	header: 'X-Knit-Signature',
	secretField: 'apiKey',
	encoding: 'base64url',
});

export const knitTrigger: TriggerVendor = {
	vendor: knitVendor,
	verify: verifyKnitSignature,
	events: knitEvents,
	eventList: 'documented',
};
