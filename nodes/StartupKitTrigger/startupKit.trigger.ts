import { timestampedHmac } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { startupKitEvents } from './startupKit.schema';
import { startupKitVendor } from './startupKit.vendor';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/** X-Webhook-Timestamp is ISO 8601 per the docs; epoch seconds are accepted too. */
export function parseStartupKitTimestamp(value: string): number | undefined {
	if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
	if (!ISO_TIMESTAMP.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Hex HMAC-SHA256 of `<timestamp>.<raw body>`; the timestamp must be inside the tolerance
 * window in both directions, and either the current or the previous secret may have signed.
 */
export const verifyStartupKitSignature = timestampedHmac({
	signatureHeader: 'X-Webhook-Signature',
	timestampHeader: 'X-Webhook-Timestamp',
	secretFields: ['signingSecret', 'previousSigningSecret'],
	encoding: 'hex',
	parseTimestamp: parseStartupKitTimestamp,
});

export const startupKitTrigger: TriggerVendor = {
	vendor: startupKitVendor,
	verify: verifyStartupKitSignature,
	events: startupKitEvents,
	eventList: 'documented',
	testEventType: 'test.ping',
	signedTime: { field: 'X-Webhook-Timestamp' },
};
