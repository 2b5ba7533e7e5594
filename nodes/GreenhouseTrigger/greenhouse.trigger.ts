import { bodyHmac } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { greenhouseEvents } from './greenhouse.schema';
import { greenhouseVendor } from './greenhouse.vendor';

/**
 * Greenhouse signs the raw body with the web hook's secret key: `Signature: sha256 <hex>`
 * (the algorithm, a space, the hex HMAC-SHA256). The body escapes HTML characters as
 * `\u003c…` and is signed exactly as sent, so only the raw bytes are verified.
 */
export const verifyGreenhouseSignature = bodyHmac({
	header: 'Signature',
	secretField: 'secretKey',
	encoding: 'hex',
	prefix: 'sha256 ',
});

export const greenhouseTrigger: TriggerVendor = {
	vendor: greenhouseVendor,
	verify: verifyGreenhouseSignature,
	events: greenhouseEvents,
	eventList: 'documented',
	testEventType: 'ping',
};
