import { hash, timingSafeEqual } from 'crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Verification, pure functions over bytes and headers: the primitives (constant-time compares,
 * strict decoders, HMAC), then the schemes vendors declare with their parameters.
 */

/** Outcome of a verifier: either authentic, or a short reason that is safe to send back. */
/**
 * A verifier that had to parse the body to find its signature (Lever signs fields inside it)
 * hands the parsed body on as `body`, so the pipeline parses each request once.
 */
export type VerifyResult = { ok: true; body?: unknown } | { ok: false; reason: string };

export const verified: VerifyResult = { ok: true };
export const rejected = (reason: string): VerifyResult => ({ ok: false, reason });

export type Headers = Record<string, string | string[] | undefined>;

/** Header lookup that tolerates any casing and repeated headers (first value wins). */
export function headerValue(headers: Headers, name: string): string | undefined {
	// Node lowercases incoming header names and callers name them in lower case, so the direct
	// look-up is the usual hit.
	if (Object.prototype.hasOwnProperty.call(headers, name)) return firstHeaderText(headers[name]);
	const wanted = name.toLowerCase();
	// A name given in another case (StartupKit's X-Webhook-*, a configured header) still finds
	// Node's lower-case key without the loop.
	if (wanted !== name && Object.prototype.hasOwnProperty.call(headers, wanted))
		return firstHeaderText(headers[wanted]);
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		return firstHeaderText(headers[key]);
	}
	return undefined;
}

function firstHeaderText(value: string | string[] | undefined): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first.trim() : undefined;
}

/**
 * A secret from the credential store as text. n8n hands over strings; anything else (a
 * broken or hand-edited credential) must neither throw nor match, so it becomes ''.
 */
export function credentialText(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

// Node 20.12+ (the package needs 20.15) has a one-shot crypto.hash, several times cheaper than
// createHash for small inputs. Its text outputs are cheaper than its 'buffer' output; 'binary'
// (latin1) text is the bytes themselves, one character each, so it turns back into the same bytes.
export function sha256Hex(data: string | Buffer): string {
	return hash('sha256', data);
}

const sha256Latin1 = (data: string | Buffer): string => hash('sha256', data, 'binary');
const sha256 = (data: string | Buffer): Buffer => Buffer.from(sha256Latin1(data), 'latin1');

const SHA256_BLOCK_BYTES = 64;

interface HmacPads {
	/** K ⊕ ipad. */
	inner: Buffer;
	/** K ⊕ opad, then room for the inner digest. */
	outer: Buffer;
}

// The caches below are bounded, oldest out, so rotated secrets do not pile up.
export const SECRETS_KEPT = 16;

/** `make(key)`, made once and then kept in `cache` while it is among the newest SECRETS_KEPT. */
export function keptFor<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
	let value = cache.get(key);
	if (value !== undefined) return value;
	if (cache.size >= SECRETS_KEPT) cache.delete(cache.keys().next().value as string);
	value = make(key);
	cache.set(key, value);
	return value;
}

const padsBySecret = new Map<string, HmacPads>();

function makePads(secret: string): HmacPads {
	const bytes = Buffer.from(secret, 'utf8');
	const key = bytes.length > SHA256_BLOCK_BYTES ? sha256(bytes) : bytes;
	const pads = {
		inner: Buffer.alloc(SHA256_BLOCK_BYTES, 0x36),
		outer: Buffer.alloc(SHA256_BLOCK_BYTES + 32, 0x5c),
	};
	for (let i = 0; i < key.length; i++) {
		pads.inner[i] ^= key[i];
		pads.outer[i] ^= key[i];
	}
	return pads;
}

const secretListsByText = new Map<string, readonly string[]>();

/**
 * A credential field that holds several secrets (one per webhook, or old and new during
 * rotation): one a line, or separated by spaces, commas or semicolons (a password field may
 * flatten pasted lines; no vendor's secrets contain these). Split once per text: splitting on
 * every request cost about a tenth of a signature check (measured side by side in a scratch
 * script).
 */
export function secretListOf(value: unknown): readonly string[] {
	// Readonly by type, not frozen: slicing a frozen array takes V8's slow path.
	return keptFor(secretListsByText, credentialText(value), (text) =>
		text.split(/[\s,;]+/).filter((secret) => secret !== ''),
	);
}

/**
 * How a text part of a signed message becomes bytes. Text parsed from a JSON body is Unicode,
 * signed as UTF-8. Header text is not: Node hands each byte of a header over as one character
 * (latin1), so writing it back as latin1 gives exactly the bytes that were signed, where UTF-8
 * would turn any byte above 0x7f into two.
 */
type TextBytes = 'utf8' | 'latin1';

/**
 * HMAC-SHA256 of the parts joined, as RFC 2104 defines it:
 * SHA-256(K ⊕ opad ‖ SHA-256(K ⊕ ipad ‖ message)), the pads made once per secret. Two one-shot
 * hashes take about half the time of createHmac, which spends more on building its stream
 * object than on hashing a webhook (npm run bench). Tested against RFC 4231's vectors and
 * against createHmac (test/unit/signatures.test.ts).
 */
function hmacOfParts(secret: string, parts: Array<string | Buffer>, text: TextBytes): Buffer {
	const { inner, outer } = keptFor(padsBySecret, secret, makePads);
	let length = SHA256_BLOCK_BYTES;
	for (const part of parts)
		length += typeof part !== 'string' || text === 'latin1' ? part.length : Buffer.byteLength(part);
	// One buffer for K ⊕ ipad ‖ message, written in place (a Buffer per text part cost more than
	// the hashing). Synchronous up to the outer hash, so no other request can write `outer` meanwhile.
	const message = Buffer.allocUnsafe(length);
	let offset = inner.copy(message);
	for (const part of parts)
		offset +=
			typeof part === 'string' ? message.write(part, offset, text) : part.copy(message, offset);
	outer.write(sha256Latin1(message), SHA256_BLOCK_BYTES, 'latin1');
	// The pad is the key in disguise: none of it stays in memory Node hands out again.
	message.fill(0, 0, SHA256_BLOCK_BYTES);
	return sha256(outer);
}

/** HMAC-SHA256 of the parts joined, text as UTF-8 (text read from a body, or a secret's own). */
export function hmacSha256(secret: string, ...parts: Array<string | Buffer>): Buffer {
	return hmacOfParts(secret, parts, 'utf8');
}

/**
 * HMAC-SHA256 of the parts joined, text as the header bytes it came from (a timestamp, an event
 * name: any text read from a header). Also cheaper: a latin1 text's byte count is its length.
 */
export function headerHmacSha256(secret: string, ...parts: Array<string | Buffer>): Buffer {
	return hmacOfParts(secret, parts, 'latin1');
}

// 32 bytes are 43 base64 characters plus one optional "=" of padding.
const BASE64URL_DIGEST = /^[A-Za-z0-9_-]{43}=?$/;
const BASE64_DIGEST = /^[A-Za-z0-9+/]{43}=?$/;

/**
 * Strict decoders: Buffer.from() silently skips characters it does not know, so a
 * malformed signature could decode to something; we only accept the exact shape.
 */
export function decodeHexDigest(signature: string): Buffer | undefined {
	if (signature.length !== 64) return undefined;
	// Hex decoding stops at the first pair that is not hex, so 64 characters give 32 bytes only
	// when every one is a hex digit: the same check as a regex, at half the cost.
	const digest = Buffer.from(signature, 'hex');
	return digest.length === 32 ? digest : undefined;
}

export function decodeBase64UrlDigest(signature: string): Buffer | undefined {
	return BASE64URL_DIGEST.test(signature) ? Buffer.from(signature, 'base64url') : undefined;
}

export function decodeBase64Digest(signature: string): Buffer | undefined {
	return BASE64_DIGEST.test(signature) ? Buffer.from(signature, 'base64') : undefined;
}

/** Constant-time comparison of two digests; never throws on length mismatch. */
export function digestsEqual(expected: Buffer, received: Buffer | undefined): boolean {
	if (received === undefined || received.length !== expected.length) return false;
	return timingSafeEqual(expected, received);
}

/**
 * Constant-time comparison of two secrets of any length: comparing their SHA-256
 * digests keeps both the content and the length of the expected value from leaking.
 */
export function secretsEqual(expected: string, received: string): boolean {
	return timingSafeEqual(sha256(expected), sha256(received)) && expected.length > 0;
}

/**
 * Checks one digest, or each of several (SmartRecruiters sends one per key during rotation),
 * against every candidate secret, without early exit: each secret's digest is made once.
 */
export function matchesAnySecret(
	secrets: readonly string[],
	received: Buffer | undefined | readonly Buffer[],
	expectedFor: (secret: string) => Buffer,
): boolean {
	const digests = Array.isArray(received) ? received : [received as Buffer | undefined];
	let matched = false;
	for (const secret of secrets) {
		if (secret.length === 0) continue;
		const expected = expectedFor(secret);
		for (const digest of digests) if (digestsEqual(expected, digest)) matched = true;
	}
	return matched;
}

/**
 * The verification schemes, as building blocks (the Standard Webhooks idea: one verifier, many
 * senders). A vendor with a common scheme declares it with its parameters; only a vendor with an
 * unusual one writes a verifier, from the primitives above. Every verifier is a pure
 * function of the request: bytes, headers, credential, clock. It never throws, and its reason is
 * safe to send back (it never holds a secret or an expected signature).
 */
export interface VerifyRequest {
	rawBody: Buffer;
	headers: Headers;
	credentials: ICredentialDataDecryptedObject;
	nowMs: number;
	/** Replay window, for schemes that sign a timestamp. */
	toleranceSeconds: number;
}

export type Verifier = (request: VerifyRequest) => VerifyResult;

/** How a digest is written in its header. */
export type DigestEncoding = 'hex' | 'base64' | 'base64url';

const DECODERS: Record<DigestEncoding, (text: string) => Buffer | undefined> = {
	hex: decodeHexDigest,
	base64: decodeBase64Digest,
	base64url: decodeBase64UrlDigest,
};

/** A header named outright, or by a credential field (with a default when the field is empty). */
export type HeaderName = string | { credentialField: string; fallback: string };

const headerNameOf = (name: HeaderName, credentials: ICredentialDataDecryptedObject) =>
	typeof name === 'string'
		? name
		: credentialText(credentials[name.credentialField]) || name.fallback;

export interface DigestFormat {
	/** One or several accepted encodings, tried in order (KeldairHR: hex, base64 or base64url). */
	encoding: DigestEncoding | DigestEncoding[];
	/** Text before the digest (`sha256=`), matched without regard to case. */
	prefix?: string;
	/** Whether the prefix may be left out. */
	prefixOptional?: boolean;
}

function digestDecoder({
	encoding,
	prefix,
	prefixOptional = false,
}: DigestFormat): (value: string) => Buffer | undefined {
	const decoders = (Array.isArray(encoding) ? encoding : [encoding]).map((name) => DECODERS[name]);
	return (value) => {
		let digest = value;
		if (prefix !== undefined) {
			if (value.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase())
				digest = value.slice(prefix.length);
			else if (!prefixOptional) return undefined;
		}
		for (const decode of decoders) {
			const bytes = decode(digest);
			if (bytes !== undefined) return bytes;
		}
		return undefined;
	};
}

/** HMAC-SHA256 of the raw body, in one header (Knit, Kombo, KeldairHR). */
export function bodyHmac(
	scheme: DigestFormat & { header: HeaderName; secretField: string },
): Verifier {
	const decode = digestDecoder(scheme);
	return ({ rawBody, headers, credentials }) => {
		const header = headerNameOf(scheme.header, credentials);
		const secret = credentialText(credentials[scheme.secretField]);
		if (secret === '') return rejected('no signing secret configured');
		const signature = headerValue(headers, header);
		if (!signature) return rejected(`missing ${header} header`);
		const received = decode(signature);
		if (received === undefined) return rejected(`malformed ${header} header`);
		return matchesAnySecret([secret], received, (key) => hmacSha256(key, rawBody))
			? verified
			: rejected('signature mismatch');
	};
}

/**
 * HMAC-SHA256 of `<timestamp>.<raw body>` with the timestamp in its own header, inside a window
 * in both directions; any of several secrets may have signed (rotation). StartupKit.
 */
export function timestampedHmac(
	scheme: DigestFormat & {
		signatureHeader: string;
		timestampHeader: string;
		/** Credential fields, current secret first. */
		secretFields: string[];
		/** The timestamp as sent → epoch milliseconds, or undefined when malformed. */
		parseTimestamp: (value: string) => number | undefined;
	},
): Verifier {
	const decode = digestDecoder(scheme);
	return ({ rawBody, headers, credentials, nowMs, toleranceSeconds }) => {
		const signature = headerValue(headers, scheme.signatureHeader);
		const timestamp = headerValue(headers, scheme.timestampHeader);
		if (!signature) return rejected(`missing ${scheme.signatureHeader} header`);
		if (!timestamp) return rejected(`missing ${scheme.timestampHeader} header`);
		const sentAt = scheme.parseTimestamp(timestamp);
		if (sentAt === undefined) return rejected(`malformed ${scheme.timestampHeader} header`);
		// Written so that a NaN window rejects: `>` against NaN would be false and let every timestamp in.
		if (!(Math.abs(nowMs - sentAt) <= toleranceSeconds * 1000))
			return rejected('timestamp outside the tolerance window');
		const received = decode(signature);
		if (received === undefined) return rejected(`malformed ${scheme.signatureHeader} header`);
		const secrets = scheme.secretFields.map((field) => credentialText(credentials[field]));
		return matchesAnySecret(secrets, received, (secret) =>
			headerHmacSha256(secret, `${timestamp}.`, rawBody),
		)
			? verified
			: rejected('signature mismatch');
	};
}

const BEARER = /^Bearer\s+(.+)$/i;

/** `Authorization: Bearer <key>`, the key compared in constant time (Kini). */
export function bearerKey(scheme: { secretField: string }): Verifier {
	return ({ headers, credentials }) => {
		const authorization = headerValue(headers, 'authorization');
		if (authorization === undefined || authorization === '')
			return rejected('missing Authorization header');
		const token = BEARER.exec(authorization)?.[1]?.trim();
		if (token === undefined || token === '') return rejected('Authorization is not a Bearer token');
		return secretsEqual(credentialText(credentials[scheme.secretField]), token)
			? verified
			: rejected('invalid API key');
	};
}
