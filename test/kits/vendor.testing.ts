/**
 * A vendor's test kit: what the simulator, the benchmark and the tests need of a vendor
 * besides its shipped definition. Each vendor's lives with the tests as
 * `test/kits/<key>/<key>.testing.ts` and exports `testKit`; scripts/vendor-kits.js finds it
 * from the registry. Kits are never compiled into dist/ (tsconfig.build.json), only into
 * .kits/ for the scripts (tsconfig.kits.json): nothing that ships may import them.
 */
import type { CanonicalType } from '../../nodes/shared/canonical';
import { hmacSha256 } from '../../nodes/shared/signatures';
import type { VendorSample } from '../../nodes/shared/vendor';

export type { VendorSample };

export interface VendorTestKit {
	/** The credential field holding the secret the sender signs or authenticates with. */
	secretField: string;
	/** Opposite of the vendor's verifier (its test double): the headers a genuine sender adds. */
	sign(
		rawBody: string | Buffer,
		credentials: Record<string, string>,
		nowMs: number,
	): Record<string, string>;
	/**
	 * Only where a genuine request is not "the example's JSON plus `sign`'s headers": the
	 * request a genuine sender makes for an example as the suites hold it (the item's shape).
	 * Lever signs fields inside the body; SmartRecruiters sends its envelope as signed headers.
	 * `scripts/signing.js` (simulator, e2e, bench) uses it where present.
	 */
	deliver?(
		example: Record<string, unknown>,
		credentials: Record<string, string>,
		nowMs: number,
	): { payload: string; headers: Record<string, string> };
	/**
	 * Only where the signature is a field of the body computed over other body fields (Lever:
	 * `signature`, the HMAC of `token + triggeredAt`), not a header over the raw bytes. The
	 * generic suites assume a signature covers the whole body; for such a vendor they assert what
	 * its verifier does instead:
	 * - bytes that are not a JSON object cannot carry the signature: 401, never 400 "not JSON";
	 * - the other fields are not signed: a body changed after signing verifies, and only the
	 *   verifier's memory of delivery tokens refuses it (401, a replay) once the genuine body was
	 *   seen; a re-serialised retry is such a changed body;
	 * - the signed time is a body field, so a genuine retry keeps it (a header signer re-signs
	 *   at sending time): past the Timestamp Tolerance a redelivery is refused;
	 * - a delivery that lacks the covered fields is no genuine sender's, so the suites that send
	 *   made-up bodies as authentic ones give them the covered fields of a fresh example first.
	 * Absent: the signature (if any) travels in headers and covers the raw body.
	 * `field`: the signature's; `covers`: the fields it is computed over; `time`: the one of them
	 * holding the time of sending, where one does.
	 */
	bodySignature?: { field: string; covers: string[]; time?: string };
	/** The vendor's documented examples (the first of each event type is the one the simulator sends). */
	samples: VendorSample[];
	/** Turns an example into a distinct delivery (fresh ids and timestamps). */
	freshSample(sample: VendorSample, sequence: number, nowMs: number): Record<string, unknown>;
	/** Node parameters under which the trigger verifies every request, where its defaults do not. */
	verifyingParameters?: Record<string, unknown>;
	/**
	 * Node parameters under which activating a workflow calls no vendor API, where the trigger's
	 * defaults register themselves with the vendor (Workable and SmartRecruiters create a
	 * subscription): the workflows the e2e suites, the dev server and the benchmarks activate
	 * have no vendor API. Not a verification setting, so suites that read `verifyingParameters`
	 * as "the defaults accept unsigned requests" stay right.
	 */
	activationParameters?: Record<string, unknown>;
	/**
	 * The canonical type of every example's event type, written out by hand from the vendor's
	 * document: the oracle the vendor's mapping is tested against (not read from it).
	 */
	expectedTypes: Record<string, CanonicalType>;
}

/** base64url (no padding) HMAC-SHA256 of the raw body, as Knit and Kombo sign. */
export const signBodyHmacBase64Url = (secret: string, rawBody: string | Buffer): string =>
	hmacSha256(secret, rawBody).toString('base64url');

/**
 * The request a genuine sender makes for `body`, for every suite that signs: where the kit has
 * `deliver` and the body is (or parses to) a JSON object, `deliver`'s (its bytes, possibly not
 * `body`'s); otherwise the bytes unchanged, with the kit's `sign` headers. No Content-Type:
 * callers add theirs. A Buffer stays a Buffer (non-UTF-8 bytes survive).
 */
export function signedDelivery(
	kit: Pick<VendorTestKit, 'sign' | 'deliver'>,
	body: Buffer,
	credentials: Record<string, string>,
	nowMs: number,
): { rawBody: Buffer; headers: Record<string, string> };
export function signedDelivery(
	kit: Pick<VendorTestKit, 'sign' | 'deliver'>,
	body: string | Record<string, unknown>,
	credentials: Record<string, string>,
	nowMs: number,
): { rawBody: string; headers: Record<string, string> };
export function signedDelivery(
	kit: Pick<VendorTestKit, 'sign' | 'deliver'>,
	body: Buffer | string | Record<string, unknown>,
	credentials: Record<string, string>,
	nowMs: number,
): { rawBody: Buffer | string; headers: Record<string, string> } {
	const example = kit.deliver === undefined ? undefined : jsonObjectOf(body);
	if (kit.deliver !== undefined && example !== undefined) {
		const { payload, headers } = kit.deliver(example, credentials, nowMs);
		return { rawBody: Buffer.isBuffer(body) ? Buffer.from(payload, 'utf8') : payload, headers };
	}
	const rawBody = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
	return { rawBody, headers: kit.sign(rawBody, credentials, nowMs) };
}

/** The body as a JSON object (parsed where it is bytes), or undefined where it is none. */
export function jsonObjectOf(
	body: Buffer | string | Record<string, unknown>,
): Record<string, unknown> | undefined {
	let value: unknown = body;
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		try {
			value = JSON.parse(body.toString('utf8'));
		} catch {
			return undefined;
		}
	}
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/**
 * For a kit with a `bodySignature`: the body with the covered fields of a fresh example (what a
 * genuine sender always sends), its own fields kept otherwise. Any other kit: the body as is.
 */
export function withSignedFields(
	kit: Pick<VendorTestKit, 'bodySignature' | 'freshSample' | 'samples'>,
	body: Record<string, unknown>,
	sequence: number,
	nowMs: number,
): Record<string, unknown> {
	if (kit.bodySignature === undefined) return body;
	const fresh = kit.freshSample(kit.samples[0], sequence, nowMs);
	const covered = Object.fromEntries(
		kit.bodySignature.covers.map((field) => [field, fresh[field]]),
	);
	return { ...body, ...covered };
}

/**
 * A genuine signature of another body, replayed on this one: the other's signature headers, and
 * for a kit with a `bodySignature` its signature field copied into this body as well.
 */
export function replayedSignature(
	kit: Pick<VendorTestKit, 'sign' | 'deliver' | 'bodySignature'>,
	rawBody: string,
	otherRawBody: string,
	credentials: Record<string, string>,
	nowMs: number,
): { rawBody: string; headers: Record<string, string> } {
	const other = signedDelivery(kit, otherRawBody, credentials, nowMs);
	if (kit.bodySignature === undefined) return { rawBody, headers: other.headers };
	const { field } = kit.bodySignature;
	return {
		rawBody: JSON.stringify({
			...jsonObjectOf(rawBody),
			[field]: jsonObjectOf(other.rawBody)?.[field],
		}),
		headers: other.headers,
	};
}

/** The signature field a kit with a `bodySignature` put into a delivery's body (else undefined). */
export function bodySignatureOf(
	kit: Pick<VendorTestKit, 'bodySignature'>,
	rawBody: string | Buffer,
): string | undefined {
	if (kit.bodySignature === undefined) return undefined;
	const value = jsonObjectOf(rawBody)?.[kit.bodySignature.field];
	return typeof value === 'string' ? value : undefined;
}
