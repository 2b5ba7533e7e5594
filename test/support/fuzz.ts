/**
 * Hostile requests for property-based tests (fast-check), shared by the unit fuzz tests and
 * the real-n8n fuzz run. Every generator builds a request from a vendor's own `sign` (its test kit), so a
 * new vendor is fuzzed without new code here.
 */
import fc from 'fast-check';

import type { VendorTestKit } from '../kits/vendor.testing';

/** What the generators need of a vendor: its test kit's signer. */
type Signer = Pick<VendorTestKit, 'sign' | 'secretField'>;

export interface FuzzRequest {
	rawBody: Buffer;
	/**
	 * The headers as sent at `nowMs`. Signing happens when a request is sent, not when the
	 * generator is built: a timestamped vendor's replay window (StartupKit's 5 minutes) would
	 * otherwise turn authentic requests into stale ones in a long or starved run.
	 */
	headersAt(nowMs: number): Record<string, string>;
	/** What was done to it, for the failure message. */
	label: string;
}

/** The headers a request carries when sent now. */
export const headersNow = (request: FuzzRequest): Record<string, string> =>
	request.headersAt(Date.now());

/** Bodies no vendor sends: wrong JSON shapes, hostile keys, deep nesting, huge, non-UTF-8. */
export const hostileBody: fc.Arbitrary<Buffer> = fc.oneof(
	fc.json().map((text) => Buffer.from(text)),
	fc
		.constantFrom('null', '[]', '"text"', '42', 'true', '', '{', '{"a":', '\u0000')
		.map((text) => Buffer.from(text)),
	fc
		.constantFrom(
			'{"__proto__":{"polluted":true},"id":"x"}',
			'{"constructor":{"prototype":{"polluted":true}}}',
			'{"type":{"__proto__":null},"data":[]}',
		)
		.map((text) => Buffer.from(text)),
	fc
		.integer({ min: 100, max: 5_000 })
		.map((depth) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
	fc
		.integer({ min: 100_000, max: 1_000_000 })
		.map((size) => Buffer.from(JSON.stringify({ blob: 'x'.repeat(size) }))),
	fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
	fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), // {"a":"<invalid UTF-8>"}
);

/** Header values a forger or a broken proxy sends: empty, huge, odd encodings, odd times. */
const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
	fc.string({ maxLength: 80 }),
	fc.stringMatching(/^[0-9a-f]{64}$/),
	fc.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
	fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
	fc.constantFrom('', ' ', 'sha256=', 'Bearer', 'Bearer ', 'null', 'undefined', '0', '-1', 'NaN'),
	fc.constantFrom(
		'1970-01-01T00:00:00Z',
		'9999-12-31T23:59:59Z',
		'2026-02-30T00:00:00Z',
		'99999999999',
		'yesterday',
	),
	fc.integer({ min: 10_000, max: 200_000 }).map((size) => 'a'.repeat(size)),
);

/** Turns a header value into one a forger could have produced from it. */
const headerMutation: fc.Arbitrary<(value: string) => string> = fc.oneof(
	fc.constant((value: string) => value.slice(0, Math.floor(value.length / 2))),
	fc.constant((value: string) => value.toUpperCase()),
	fc.constant((value: string) => `${value}=`),
	fc.constant((value: string) => ` ${value} `),
	fc.constant((value: string) => Buffer.from(value).toString('base64')),
	hostileHeaderValue.map((replacement) => () => replacement),
);

/** The vendor's signature/authentication header names, learnt from its own signer. */
export function authHeaderNames(vendor: Signer): string[] {
	return Object.keys(vendor.sign('{}', { [vendor.secretField]: 'x' }, Date.now()));
}

function signedWith(
	vendor: Signer,
	secret: string,
	rawBody: Buffer,
	nowMs: number,
): Record<string, string> {
	return vendor.sign(rawBody, { [vendor.secretField]: secret }, nowMs);
}

/** Whether the vendor's proof covers the body (Kini's bearer key does not). */
export function signsBody(vendor: Signer): boolean {
	const nowMs = Date.now();
	return (
		JSON.stringify(signedWith(vendor, 's', Buffer.from('a'), nowMs)) !==
		JSON.stringify(signedWith(vendor, 's', Buffer.from('b'), nowMs))
	);
}

/**
 * Requests that no holder of `secret` sent: signed with another secret, unsigned with
 * made-up headers, or (for vendors that sign the body) genuine headers over altered bytes.
 * Header mutations are applied on top, at sending time like the signature.
 */
export function forgedRequest(vendor: Signer, secret: string): fc.Arbitrary<FuzzRequest> {
	const names = authHeaderNames(vendor);
	const otherSecret = fc
		.string({ minLength: 1, maxLength: 64 })
		.filter((candidate) => candidate !== secret && candidate.trim() !== secret);
	const wrongSecret = fc.tuple(otherSecret, hostileBody).map(([other, rawBody]) => ({
		rawBody,
		headersAt: (nowMs: number) => signedWith(vendor, other, rawBody, nowMs),
		label: 'signed with another secret',
	}));
	const madeUp = fc
		.tuple(
			hostileBody,
			fc.array(hostileHeaderValue, { minLength: names.length, maxLength: names.length }),
		)
		.map(([rawBody, values]) => ({
			rawBody,
			headersAt: () => Object.fromEntries(names.map((name, i) => [name, values[i]])),
			label: 'made-up headers',
		}));
	const unsigned = hostileBody.map((rawBody) => ({
		rawBody,
		headersAt: () => ({}),
		label: 'no authentication headers',
	}));
	const sources: Array<fc.Arbitrary<FuzzRequest>> = [wrongSecret, madeUp, unsigned];
	if (signsBody(vendor)) {
		const altered = fc
			.tuple(hostileBody, fc.uint8Array({ minLength: 1, maxLength: 8 }))
			.map(([rawBody, extra]) => ({
				rawBody: Buffer.concat([rawBody, Buffer.from(extra)]),
				headersAt: (nowMs: number) => signedWith(vendor, secret, rawBody, nowMs),
				label: 'genuine headers, bytes appended to the body',
			}));
		sources.push(altered);
	}
	return fc
		.tuple(fc.oneof(...sources), fc.option(fc.tuple(fc.constantFrom(...names), headerMutation)))
		.map(([request, mutation]) => {
			if (mutation === null) return request;
			const [name, mutate] = mutation;
			return {
				...request,
				headersAt: (nowMs: number) => {
					const headers = request.headersAt(nowMs);
					return { ...headers, [name]: mutate(headers[name] ?? '') };
				},
				label: `${request.label}, ${name} mutated`,
			};
		});
}

/** Genuine senders with hostile bodies: signed with the right secret at the time of sending. */
export function authenticRequest(vendor: Signer, secret: string): fc.Arbitrary<FuzzRequest> {
	return hostileBody.map((rawBody) => ({
		rawBody,
		headersAt: (nowMs: number) => signedWith(vendor, secret, rawBody, nowMs),
		label: 'authentic, hostile body',
	}));
}

/** Genuine signatures over a timestamp far outside the replay window of the time of sending (vendors that sign one). */
export function staleRequest(vendor: Signer, secret: string): fc.Arbitrary<FuzzRequest> {
	const offsetMs = fc
		.oneof(fc.integer({ min: 301, max: 10 ** 9 }), fc.integer({ min: -(10 ** 9), max: -301 }))
		.map((s) => s * 1000);
	return fc.tuple(hostileBody, offsetMs).map(([rawBody, offset]) => ({
		rawBody,
		headersAt: (nowMs: number) => signedWith(vendor, secret, rawBody, nowMs + offset),
		label: `authentic but signed ${offset / 1000} s away`,
	}));
}

/** Whether the vendor signs the time of sending (so stale deliveries can be refused). */
export function signsTimestamp(vendor: Signer): boolean {
	const body = Buffer.from('{}');
	return (
		JSON.stringify(signedWith(vendor, 's', body, 1_000_000_000_000)) !==
		JSON.stringify(signedWith(vendor, 's', body, 1_000_000_600_000))
	);
}
