import { bodyHmac } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { ashbyEvents } from './ashby.schema';
import { ashbyVendor } from './ashby.vendor';

/**
 * Ashby signs the raw body with the webhook's secret token: `Ashby-Signature: sha256=<hex>`
 * (HMAC-SHA256). The secret is optional on Ashby's side; this node always requires it.
 */
export const verifyAshbySignature = bodyHmac({
	header: 'Ashby-Signature',
	secretField: 'webhookSecret',
	encoding: 'hex',
	prefix: 'sha256=',
});

export const ashbyTrigger: TriggerVendor = {
	vendor: ashbyVendor,
	verify: verifyAshbySignature,
	events: ashbyEvents,
	eventList: 'documented',
	testEventType: 'ping',
};
