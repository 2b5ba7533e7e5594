import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	credentialText,
	decodeBase64Digest,
	decodeBase64UrlDigest,
	decodeHexDigest,
	headerValue,
	hmacSha256,
	matchesAnySecret,
	rejected,
	secretsEqual,
	verified,
} from './signatures';
import type { Headers, VerifyResult } from './signatures';

/**
 * The verification schemes, as building blocks (the Standard Webhooks idea: one verifier, many
 * senders). A vendor with a common scheme declares it with its parameters; only a vendor with an
 * unusual one writes a verifier, from the primitives in signatures.ts. Every verifier is a pure
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
	typeof name === 'string' ? name : credentialText(credentials[name.credentialField]) || name.fallback;

export interface DigestFormat {
	/** One or several accepted encodings, tried in order (KeldairHR: hex, base64 or base64url). */
	encoding: DigestEncoding | DigestEncoding[];
	/** Text before the digest (`sha256=`), matched without regard to case. */
	prefix?: string;
	/** Whether the prefix may be left out. */
	prefixOptional?: boolean;
}

function digestDecoder({ encoding, prefix, prefixOptional = false }: DigestFormat): (value: string) => Buffer | undefined {
	const decoders = (Array.isArray(encoding) ? encoding : [encoding]).map((name) => DECODERS[name]);
	return (value) => {
		let digest = value;
		if (prefix !== undefined) {
			if (value.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase()) digest = value.slice(prefix.length);
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
export function bodyHmac(scheme: DigestFormat & { header: HeaderName; secretField: string }): Verifier {
	const decode = digestDecoder(scheme);
	return ({ rawBody, headers, credentials }) => {
		const header = headerNameOf(scheme.header, credentials);
		const secret = credentialText(credentials[scheme.secretField]);
		if (secret === '') return rejected('no signing secret configured');
		const signature = headerValue(headers, header);
		if (!signature) return rejected(`missing ${header} header`);
		const received = decode(signature);
		if (received === undefined) return rejected(`malformed ${header} header`);
		return matchesAnySecret([secret], received, (key) => hmacSha256(key, rawBody)) ? verified : rejected('signature mismatch');
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
		if (!(Math.abs(nowMs - sentAt) <= toleranceSeconds * 1000)) return rejected('timestamp outside the tolerance window');
		const received = decode(signature);
		if (received === undefined) return rejected(`malformed ${scheme.signatureHeader} header`);
		const secrets = scheme.secretFields.map((field) => credentialText(credentials[field]));
		return matchesAnySecret(secrets, received, (secret) => hmacSha256(secret, `${timestamp}.`, rawBody)) ? verified : rejected('signature mismatch');
	};
}

const BEARER = /^Bearer\s+(.+)$/i;

/** `Authorization: Bearer <key>`, the key compared in constant time (Kini). */
export function bearerKey(scheme: { secretField: string }): Verifier {
	return ({ headers, credentials }) => {
		const authorization = headerValue(headers, 'authorization');
		if (authorization === undefined || authorization === '') return rejected('missing Authorization header');
		const token = BEARER.exec(authorization)?.[1]?.trim();
		if (token === undefined || token === '') return rejected('Authorization is not a Bearer token');
		return secretsEqual(credentialText(credentials[scheme.secretField]), token) ? verified : rejected('invalid API key');
	};
}
