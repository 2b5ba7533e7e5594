import { bodyHmac } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { komboEvents } from './kombo.schema';
import { komboVendor } from './kombo.vendor';

/** Kombo signs the raw body with the webhook secret: base64url HMAC-SHA256, no padding. */
export const verifyKomboSignature = bodyHmac({
	header: 'X-Kombo-Signature',
	secretField: 'webhookSecret',
	encoding: 'base64url',
});

export const komboTrigger: TriggerVendor = {
	vendor: komboVendor,
	verify: verifyKomboSignature,
	events: komboEvents,
	eventList: 'documented',
};
