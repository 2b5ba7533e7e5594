/**
 * Hostile requests for property-based tests (fast-check), shared by the unit fuzz tests and
 * the real-n8n fuzz run. Every generator builds a request as the vendor's own test kit signs it
 * (signedDelivery: its `sign`, or its `deliver` where it has one), so a new vendor is fuzzed
 * without new code here.
 */
import fc from 'fast-check';

import {
	jsonObjectOf,
	signedDelivery,
	withSignedFields,
	type VendorTestKit,
} from '../kits/vendor.testing';

/** What the generators need of a vendor: its test kit's signer (and, for a body signer, examples). */
type Signer = Pick<VendorTestKit, 'sign' | 'secretField' | 'deliver' | 'bodySignature'> &
	Partial<Pick<VendorTestKit, 'freshSample' | 'samples'>>;

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

let bodies = 0;
/**
 * A body as a genuine sender's: for a vendor that signs inside the body
 * (VendorTestKit.bodySignature), a JSON object gets the covered fields of a fresh example made
 * at `nowMs` (a delivery without them is no sender's); any other body, or vendor, as it is.
 */
function asSent(vendor: Signer, rawBody: Buffer, nowMs: number): Buffer {
	const object = vendor.bodySignature === undefined ? undefined : jsonObjectOf(rawBody);
	if (object === undefined || vendor.freshSample === undefined || vendor.samples === undefined)
		return rawBody;
	const kit = { ...vendor, freshSample: vendor.freshSample, samples: vendor.samples };
	return Buffer.from(JSON.stringify(withSignedFields(kit, object, ++bodies, nowMs)));
}

/**
 * `rawBody` as its sender sends it (signedDelivery): the bytes are fixed when the request is
 * made (a body signer's signature and time are in them), the headers signed when it is sent.
 */
function deliveredWith(
	vendor: Signer,
	secret: string,
	rawBody: Buffer,
	label: string,
	signedAtMs: (nowMs: number) => number = (nowMs) => nowMs,
): FuzzRequest {
	const credentials = { [vendor.secretField]: secret };
	const sent = signedDelivery(vendor, rawBody, credentials, signedAtMs(Date.now())).rawBody;
	return {
		rawBody: sent,
		headersAt: (nowMs: number) => {
			const delivery = signedDelivery(vendor, rawBody, credentials, signedAtMs(nowMs));
			if (!delivery.rawBody.equals(sent))
				throw new Error(`${label}: the kit's deliver() bytes depend on the time of sending`);
			return delivery.headers;
		},
		label,
	};
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
	const wrongSecret = fc
		.tuple(otherSecret, hostileBody)
		.map(([other, rawBody]) =>
			deliveredWith(
				vendor,
				other,
				asSent(vendor, rawBody, Date.now()),
				'signed with another secret',
			),
		);
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
	const { bodySignature } = vendor;
	if (bodySignature !== undefined) {
		// The header test above cannot see a signature inside the body: here a genuine delivery
		// with one of the fields the signature covers changed afterwards.
		const coveredChanged = fc
			.tuple(hostileBody, fc.constantFrom(...bodySignature.covers))
			.map(([rawBody, field]) => {
				const genuine = deliveredWith(vendor, secret, asSent(vendor, rawBody, Date.now()), '');
				const body = jsonObjectOf(genuine.rawBody);
				if (body === undefined) return { ...genuine, label: 'genuine, not an object' };
				const value = body[field];
				const changed = typeof value === 'number' ? value + 1 : `${String(value)}0`;
				return {
					rawBody: Buffer.from(JSON.stringify({ ...body, [field]: changed })),
					headersAt: genuine.headersAt,
					label: `genuine signature field, ${field} changed after signing`,
				};
			})
			// A body that could not carry the signature is no forgery of one.
			.filter((request) => request.label !== 'genuine, not an object');
		sources.push(coveredChanged);
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

/**
 * One genuine request with this body (for a body signer: given the fields its signature covers,
 * made now), as `authenticRequest` makes them.
 */
export const authenticDelivery = (
	vendor: Signer,
	secret: string,
	rawBody: Buffer,
	label: string,
): FuzzRequest => deliveredWith(vendor, secret, asSent(vendor, rawBody, Date.now()), label);

/** Genuine senders with hostile bodies: signed with the right secret at the time of sending. */
export function authenticRequest(vendor: Signer, secret: string): fc.Arbitrary<FuzzRequest> {
	return hostileBody.map((rawBody) =>
		authenticDelivery(vendor, secret, rawBody, 'authentic, hostile body'),
	);
}

/** Genuine signatures over a timestamp far outside the replay window of the time of sending (vendors that sign one). */
export function staleRequest(vendor: Signer, secret: string): fc.Arbitrary<FuzzRequest> {
	const offsetMs = fc
		.oneof(fc.integer({ min: 301, max: 10 ** 9 }), fc.integer({ min: -(10 ** 9), max: -301 }))
		.map((s) => s * 1000);
	// A body signer's time is a field of the body, made `offset` away (asSent); a header
	// signer's is signed `offset` away when sent.
	return fc
		.tuple(hostileBody, offsetMs)
		.map(([rawBody, offset]) =>
			deliveredWith(
				vendor,
				secret,
				asSent(vendor, rawBody, Date.now() + offset),
				`authentic but signed ${offset / 1000} s away`,
				(nowMs) => nowMs + offset,
			),
		);
}

/**
 * Whether the vendor signs the time of sending (so stale deliveries can be refused): in a
 * header, or as a body field its signature covers (VendorTestKit.bodySignature.time).
 */
export function signsTimestamp(vendor: Signer): boolean {
	if (vendor.bodySignature?.time !== undefined) return true;
	const body = Buffer.from('{}');
	return (
		JSON.stringify(signedWith(vendor, 's', body, 1_000_000_000_000)) !==
		JSON.stringify(signedWith(vendor, 's', body, 1_000_000_600_000))
	);
}

/** Whether the signed time travels in the body, so it is fixed when the request is made (not re-signed when sent). */
export const signsTimeInBody = (vendor: Signer): boolean =>
	vendor.bodySignature?.time !== undefined;
