import { bearerKey } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { kiniEvents } from './kini.schema';
import { kiniVendor } from './kini.vendor';

/** Kini authenticates with the shared API key as a Bearer token. */
export const verifyKiniRequest = bearerKey({ secretField: 'apiKey' });

export const kiniTrigger: TriggerVendor = {
	vendor: kiniVendor,
	verify: verifyKiniRequest,
	events: kiniEvents,
	eventList: 'documented',
};
