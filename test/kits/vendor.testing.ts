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
	/** The vendor's documented examples (the first of each event type is the one the simulator sends). */
	samples: VendorSample[];
	/** Turns an example into a distinct delivery (fresh ids and timestamps). */
	freshSample(sample: VendorSample, sequence: number, nowMs: number): Record<string, unknown>;
	/** Node parameters under which the trigger verifies every request, where its defaults do not. */
	verifyingParameters?: Record<string, unknown>;
	/**
	 * Node parameters under which activating a workflow calls no vendor API, where the trigger's
	 * defaults register themselves with the vendor (SmartRecruiters creates a subscription): the
	 * real-n8n suites activate every vendor's trigger with these. Not a verification setting, so
	 * suites that read `verifyingParameters` as "the defaults accept unsigned requests" stay right.
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
