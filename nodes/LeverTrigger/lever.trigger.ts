import { TOLERANCE_SECONDS } from '../shared/pipeline';
import {
	decodeHexDigest,
	hmacSha256,
	matchesAnySecret,
	rejected,
	secretListOf,
	type Verifier,
	type VerifyResult,
} from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { leverEvents } from './lever.schema';
import { leverVendor } from './lever.vendor';

/**
 * Lever signs inside the body, not in a header: `signature` is the hex HMAC-SHA256 of
 * `token + triggeredAt` (two other body fields) under the webhook's signature token. Nothing
 * else of the body is signed: `event`, `id` and `data` could be changed by anyone holding one
 * genuine delivery. What this verifier adds against that:
 *
 * - `triggeredAt` must be inside the node's Timestamp Tolerance window (either way), so a
 *   captured delivery is only usable for that long;
 * - within the window, a `token` already accepted with a different body is a replay (401);
 *   the same body again is a redelivery, passed on to the pipeline's dedupe (200 duplicate,
 *   keyed on the event `id`). "The same body" is the same text, as JSON.parse reads it: a retry
 *   Lever re-serialised would be refused (Lever resends what it stored, as far as its document
 *   says).
 *
 * The token memory is per n8n process (in queue mode: per webhook process). It keeps each
 * accepted body's text itself, the parse's own input: a digest of the body cost a tenth of
 * verify + parse + schema (npm run bench), and Lever's bodies are ids only, well under a
 * kilobyte. It holds no secret (delivery tokens and bodies, which Lever sends in the clear), is
 * bounded in entries and in characters, and forgets each entry once no node's window could
 * accept its `triggeredAt` any more.
 */

/** At most this many delivery tokens are remembered; the oldest go first. */
export const TOKENS_REMEMBERED = 10_000;
/**
 * At most this many characters of bodies are remembered (n8n's default body limit is 16 MiB);
 * the oldest go first. A body longer than this on its own is still remembered, alone.
 */
export const BODY_CHARACTERS_REMEMBERED = 16 * 1024 * 1024;
/** Longer than any token Lever sends (48 characters); longer ones are refused unread. */
const MAX_TOKEN_LENGTH = 256;

interface SeenToken {
	body: string;
	/** After this, `triggeredAt` is outside every node's window: the entry is useless. */
	expiresAtMs: number;
}

const seenTokens = new Map<string, SeenToken>();
let bodyCharacters = 0;

/** The process-wide memory of accepted delivery tokens (exported for tests). */
export const leverTokenMemory = {
	get size() {
		return seenTokens.size;
	},
	get bodyCharacters() {
		return bodyCharacters;
	},
	clear() {
		seenTokens.clear();
		bodyCharacters = 0;
	},
};

function forget(token: string, seen: SeenToken) {
	seenTokens.delete(token);
	bodyCharacters -= seen.body.length;
}

function forgetExpired(nowMs: number) {
	// Insertion order is close to expiry order; a later entry that expired sooner is caught on look-up.
	for (const [token, seen] of seenTokens) {
		if (seen.expiresAtMs > nowMs) break;
		forget(token, seen);
	}
}

/** Whether `token` may be accepted with this body, remembering it if so. */
function claimToken(token: string, body: string, triggeredAt: number, nowMs: number) {
	forgetExpired(nowMs);
	const seen = seenTokens.get(token);
	if (seen !== undefined && seen.expiresAtMs > nowMs) return seen.body === body;
	if (seen !== undefined) forget(token, seen);
	for (const [oldest, entry] of seenTokens) {
		if (
			seenTokens.size < TOKENS_REMEMBERED &&
			bodyCharacters + body.length <= BODY_CHARACTERS_REMEMBERED
		)
			break;
		forget(oldest, entry);
	}
	bodyCharacters += body.length;
	seenTokens.set(token, {
		body,
		expiresAtMs: Math.max(nowMs, triggeredAt) + TOLERANCE_SECONDS.max * 1000,
	});
	return true;
}

/** The body's text and its parse, or why it cannot carry Lever's signature. */
function bodyFields(
	rawBody: Buffer,
): { text: string; fields: Record<string, unknown> } | { refused: VerifyResult } {
	const text = rawBody.toString('utf8');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { refused: rejected('body is not JSON (Lever signs fields inside the body)') };
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		return { refused: rejected('body is not a JSON object (Lever signs fields inside the body)') };
	return { text, fields: body as Record<string, unknown> };
}

const has = (body: Record<string, unknown>, field: string) =>
	Object.prototype.hasOwnProperty.call(body, field) &&
	body[field] !== undefined &&
	body[field] !== null;

export const verifyLeverSignature: Verifier = ({
	rawBody,
	credentials,
	nowMs,
	toleranceSeconds,
}) => {
	// The credential's signature tokens, one per Lever webhook.
	const tokens = secretListOf(credentials.signatureTokens);
	if (tokens.length === 0) return rejected('no signature token configured');
	const parsed = bodyFields(rawBody);
	if ('refused' in parsed) return parsed.refused;
	const { text, fields } = parsed;
	if (!has(fields, 'signature'))
		return rejected('missing signature field (generate a signature token in Lever)');
	if (!has(fields, 'token')) return rejected('missing token field');
	if (!has(fields, 'triggeredAt')) return rejected('missing triggeredAt field');
	const { signature, token, triggeredAt } = fields;
	if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH)
		return rejected('malformed token field');
	if (typeof triggeredAt !== 'number' || !Number.isSafeInteger(triggeredAt) || triggeredAt < 0)
		return rejected('malformed triggeredAt field');
	// Written so that a NaN window rejects: `>` against NaN would be false and let every time in.
	if (!(Math.abs(nowMs - triggeredAt) <= toleranceSeconds * 1000))
		return rejected('triggeredAt outside the tolerance window');
	const received = typeof signature === 'string' ? decodeHexDigest(signature) : undefined;
	if (received === undefined) return rejected('malformed signature field');
	// Lever's own check is `body.token + body.triggeredAt`: the number written in decimal.
	const message = `${token}${String(triggeredAt)}`;
	if (!matchesAnySecret(tokens, received, (secret) => hmacSha256(secret, message)))
		return rejected('signature mismatch');
	if (!claimToken(token, text, triggeredAt, nowMs))
		return rejected('token already used with another body (replay)');
	return { ok: true, body: fields };
};

export const leverTrigger: TriggerVendor = {
	vendor: leverVendor,
	verify: verifyLeverSignature,
	events: leverEvents,
	eventList: 'documented',
	signedTime: {
		field: 'triggeredAt',
		note: "Lever's retries keep arriving for a while: raise it if late retries are rejected.",
	},
};
