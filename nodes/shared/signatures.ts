import { createHash, createHmac, createSecretKey, timingSafeEqual } from 'crypto';
import type { KeyObject } from 'crypto';
import * as crypto from 'crypto';

/** Outcome of a verifier: either authentic, or a short reason that is safe to send back. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };

export const verified: VerifyResult = { ok: true };
export const rejected = (reason: string): VerifyResult => ({ ok: false, reason });

export type Headers = Record<string, string | string[] | undefined>;

/** Header lookup that tolerates any casing and repeated headers (first value wins). */
export function headerValue(headers: Headers, name: string): string | undefined {
	const wanted = name.toLowerCase();
	// Node lowercases incoming header names, so the direct look-up is the usual hit.
	if (Object.prototype.hasOwnProperty.call(headers, wanted)) return firstHeaderText(headers[wanted]);
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

// createHmac with a text key imports the key on every call; a KeyObject made once per secret
// makes each HMAC about a third cheaper. Bounded, oldest out, so rotated secrets do not pile up.
const HMAC_KEYS_KEPT = 16;
const hmacKeys = new Map<string, KeyObject>();

function hmacKeyFor(secret: string): KeyObject {
	let key = hmacKeys.get(secret);
	if (key === undefined) {
		if (hmacKeys.size >= HMAC_KEYS_KEPT) hmacKeys.delete(hmacKeys.keys().next().value as string);
		key = createSecretKey(Buffer.from(secret, 'utf8'));
		hmacKeys.set(secret, key);
	}
	return key;
}

export function hmacSha256(secret: string, ...parts: Array<string | Buffer>): Buffer {
	const mac = createHmac('sha256', hmacKeyFor(secret));
	for (const part of parts) mac.update(part);
	return mac.digest();
}

// Node 20.12+ has a one-shot crypto.hash, several times cheaper than createHash for small inputs.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'buffer') => Buffer }).hash;

function sha256(data: string | Buffer): Buffer {
	return oneShotHash ? oneShotHash('sha256', data, 'buffer') : createHash('sha256').update(data).digest();
}

export function sha256Hex(data: string | Buffer): string {
	return sha256(data).toString('hex');
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

/** Checks a digest against every candidate secret (rotation), without early exit. */
export function matchesAnySecret(
	secrets: readonly string[],
	received: Buffer | undefined,
	expectedFor: (secret: string) => Buffer,
): boolean {
	let matched = false;
	for (const secret of secrets) {
		if (secret.length === 0) continue;
		if (digestsEqual(expectedFor(secret), received)) matched = true;
	}
	return matched;
}

/**
 * HMAC-SHA256 of the raw body in one header: Knit and Kombo (base64url) and KeldairHR (hex or
 * base64) differ only in the header, the secret and how the digest is written.
 */
export function verifyBodyHmac(
	rawBody: Buffer,
	headers: Headers,
	headerName: string,
	secret: string,
	decode: (signature: string) => Buffer | undefined,
): VerifyResult {
	if (secret === '') return rejected('no signing secret configured');
	const signature = headerValue(headers, headerName);
	if (!signature) return rejected(`missing ${headerName} header`);
	const received = decode(signature);
	if (received === undefined) return rejected(`malformed ${headerName} header`);
	return digestsEqual(hmacSha256(secret, rawBody), received) ? verified : rejected('signature mismatch');
}
