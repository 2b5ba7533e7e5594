/**
 * Known-answer vectors for every verifier. The expected signatures were computed with
 * OpenSSL (`openssl dgst -sha256 -hmac <secret>`), independently of this code.
 */
import { createHmac } from 'crypto';

import { verifyKeldairHrSignature } from '../../nodes/KeldairHrTrigger/keldairHr.trigger';
import { verifyKiniRequest } from '../../nodes/KiniTrigger/kini.trigger';
import { verifyKnitSignature } from '../../nodes/KnitTrigger/knit.trigger';
import { verifyKomboSignature } from '../../nodes/KomboTrigger/kombo.trigger';
import { verifyStartupKitSignature } from '../../nodes/StartupKitTrigger/startupKit.trigger';
import {
	decodeBase64Digest,
	decodeBase64UrlDigest,
	decodeHexDigest,
	digestsEqual,
	headerHmacSha256,
	hmacSha256,
	keptFor,
	matchesAnySecret,
	SECRETS_KEPT,
	secretListOf,
	secretsEqual,
} from '../../nodes/shared/signatures';
import type { VerifyRequest } from '../../nodes/shared/signatures';
import { signedDelivery } from '../kits/vendor.testing';
import { vendorListWithKits as vendorList } from '../support/vendors';

const request = (overrides: Partial<VerifyRequest>): VerifyRequest => ({
	rawBody: Buffer.alloc(0),
	headers: {},
	credentials: {},
	nowMs: Date.parse('2025-01-15T14:30:00Z'),
	toleranceSeconds: 300,
	...overrides,
});
const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? 'ok' : result.reason);

describe('Kini (Bearer API key)', () => {
	const credentials = { apiKey: 'kini-key-123' };
	it.each([
		['valid', { authorization: 'Bearer kini-key-123' }, 'ok'],
		['scheme in any case', { Authorization: 'bearer kini-key-123' }, 'ok'],
		['wrong key', { authorization: 'Bearer kini-key-124' }, 'invalid API key'],
		['key prefix only', { authorization: 'Bearer kini-key' }, 'invalid API key'],
		['missing header', {}, 'missing Authorization header'],
		['basic scheme', { authorization: 'Basic a2luaQ==' }, 'Authorization is not a Bearer token'],
		['empty token', { authorization: 'Bearer ' }, 'Authorization is not a Bearer token'],
	])('%s', (_name, headers, expected) => {
		expect(reasonOf(verifyKiniRequest(request({ headers, credentials })))).toBe(expected);
	});
	it('an empty configured key never matches', () => {
		expect(
			reasonOf(
				verifyKiniRequest(
					request({ headers: { authorization: 'Bearer x' }, credentials: { apiKey: '' } }),
				),
			),
		).toBe('invalid API key');
	});
});

describe('StartupKit (hex HMAC of timestamp.body, replay window, rotation)', () => {
	const body = Buffer.from(
		'{"event":"application.submitted","created_at":"2025-01-15T14:30:00Z","data":{"id":42}}',
	);
	const signature = 'b4544f644eb251dbccce6f671609d2b15e930c9a386c5d00cac827ebcc179847';
	const timestamp = '2025-01-15T14:30:00Z';
	const credentials = { signingSecret: 'whsec_test_secret', previousSigningSecret: '' };
	const headers = { 'x-webhook-signature': signature, 'x-webhook-timestamp': timestamp };
	const check = (overrides: Partial<VerifyRequest>) =>
		reasonOf(
			verifyStartupKitSignature(request({ rawBody: body, headers, credentials, ...overrides })),
		);

	it('accepts the known vector', () => expect(check({})).toBe('ok'));
	it('accepts upper-case hex', () =>
		expect(check({ headers: { ...headers, 'x-webhook-signature': signature.toUpperCase() } })).toBe(
			'ok',
		));
	it('rejects a tampered body', () =>
		expect(check({ rawBody: Buffer.from(body.toString().replace('42', '43')) })).toBe(
			'signature mismatch',
		));
	it('rejects a tampered signature', () =>
		expect(
			check({ headers: { ...headers, 'x-webhook-signature': signature.replace(/^b/, 'c') } }),
		).toBe('signature mismatch'));
	it('rejects a signature of the wrong length', () =>
		expect(check({ headers: { ...headers, 'x-webhook-signature': signature.slice(0, 62) } })).toBe(
			'malformed X-Webhook-Signature header',
		));
	it('rejects base64 where hex is expected', () =>
		expect(
			check({
				headers: {
					...headers,
					'x-webhook-signature': Buffer.from(signature, 'hex').toString('base64'),
				},
			}),
		).toBe('malformed X-Webhook-Signature header'));
	it('rejects a missing signature', () =>
		expect(check({ headers: { 'x-webhook-timestamp': timestamp } })).toBe(
			'missing X-Webhook-Signature header',
		));
	it('rejects a missing timestamp', () =>
		expect(check({ headers: { 'x-webhook-signature': signature } })).toBe(
			'missing X-Webhook-Timestamp header',
		));
	it('rejects an unparsable timestamp', () =>
		expect(check({ headers: { ...headers, 'x-webhook-timestamp': 'yesterday' } })).toBe(
			'malformed X-Webhook-Timestamp header',
		));
	it('signs the timestamp: a different timestamp breaks the signature', () =>
		expect(check({ headers: { ...headers, 'x-webhook-timestamp': '2025-01-15T14:30:01Z' } })).toBe(
			'signature mismatch',
		));
	it.each([
		['stale (301 s old)', 301_000, 'timestamp outside the tolerance window'],
		['future (301 s ahead)', -301_000, 'timestamp outside the tolerance window'],
		['just inside (299 s old)', 299_000, 'ok'],
		['just inside (299 s ahead)', -299_000, 'ok'],
	])('%s', (_name, skewMs, expected) => {
		expect(check({ nowMs: Date.parse(timestamp) + skewMs })).toBe(expected);
	});
	it('honours a custom tolerance', () =>
		expect(check({ nowMs: Date.parse(timestamp) + 60_000, toleranceSeconds: 30 })).toBe(
			'timestamp outside the tolerance window',
		));
	it('accepts the previous secret during rotation', () =>
		expect(
			check({
				credentials: { signingSecret: 'whsec_new', previousSigningSecret: 'whsec_test_secret' },
			}),
		).toBe('ok'));
	it('rejects when neither secret signed', () =>
		expect(
			check({ credentials: { signingSecret: 'whsec_new', previousSigningSecret: 'whsec_old' } }),
		).toBe('signature mismatch'));
});

describe('KeldairHR (HMAC of body, hex or base64, sha256= prefix, configurable header)', () => {
	const body = Buffer.from('{"id":"e1","type":"applicant.hired"}');
	const hex = 'd4607716b18c423ac633a3644468d8fc7f7dadb0c1af4b425adde27a4d2dedef';
	const base64 = '1GB3FrGMQjrGM6NkRGjY/H99rbDBr0tCWt3iek0t7e8=';
	const credentials = { signingSecret: 'keldair_secret', signatureHeader: 'X-Signature' };
	const check = (headers: Record<string, string>, extra: Partial<VerifyRequest> = {}) =>
		reasonOf(verifyKeldairHrSignature(request({ rawBody: body, headers, credentials, ...extra })));

	it.each([
		['hex', hex],
		['sha256= hex', `sha256=${hex}`],
		['SHA256= hex', `SHA256=${hex}`],
		['base64', base64],
		['base64 without padding', base64.replace(/=$/, '')],
		['base64url', Buffer.from(base64, 'base64').toString('base64url')],
		['sha256= base64', `sha256=${base64}`],
	])('accepts %s', (_name, value) => expect(check({ 'x-signature': value })).toBe('ok'));
	it('rejects a tampered body', () =>
		expect(check({ 'x-signature': hex }, { rawBody: Buffer.from(`${body} `) })).toBe(
			'signature mismatch',
		));
	it('rejects a tampered signature', () =>
		expect(check({ 'x-signature': hex.replace(/^d/, 'e') })).toBe('signature mismatch'));
	it('rejects a truncated signature', () =>
		expect(check({ 'x-signature': hex.slice(0, 40) })).toBe('malformed X-Signature header'));
	it('rejects a missing header', () => expect(check({})).toBe('missing X-Signature header'));
	it('reads the configured header', () => {
		const custom = { signingSecret: 'keldair_secret', signatureHeader: 'X-Keldair-Signature' };
		expect(check({ 'x-keldair-signature': hex }, { credentials: custom })).toBe('ok');
		expect(check({ 'x-signature': hex }, { credentials: custom })).toBe(
			'missing X-Keldair-Signature header',
		);
	});
});

describe.each([
	[
		'Knit',
		verifyKnitSignature,
		'X-Knit-Signature',
		{ apiKey: 'knit_api_key_123' },
		'{"eventId":"ev_1","eventType":"record.new"}',
		'PUk2foBmswPuvtXNPf1MAy_qVayPCX8jHgjFBRquFC4',
	],
	[
		'Kombo',
		verifyKomboSignature,
		'X-Kombo-Signature',
		{ webhookSecret: 'kombo_secret_abc' },
		'{"id":"evt_1","type":"sync-finished","data":{}}',
		'twrYSpKAe9_qrzB7sn4WZJKoQS-1pkPPDZ-_h6fBK8o',
	],
])('%s (base64url HMAC of body)', (_vendor, verify, header, credentials, bodyText, signature) => {
	const body = Buffer.from(bodyText);
	const check = (headers: Record<string, string>, rawBody = body) =>
		reasonOf(verify(request({ rawBody, headers, credentials })));

	it('accepts the known vector', () => expect(check({ [header]: signature })).toBe('ok'));
	it('accepts it with padding', () => expect(check({ [header]: `${signature}=` })).toBe('ok'));
	it('rejects a tampered body', () =>
		expect(check({ [header]: signature }, Buffer.from(bodyText.replace('1', '2')))).toBe(
			'signature mismatch',
		));
	it('rejects a tampered signature', () =>
		expect(check({ [header]: `A${signature.slice(1)}` })).toBe('signature mismatch'));
	it('rejects a truncated signature', () =>
		expect(check({ [header]: signature.slice(0, 30) })).toBe(`malformed ${header} header`));
	it('rejects hex where base64url is expected', () =>
		expect(check({ [header]: Buffer.from(signature, 'base64url').toString('hex') })).toBe(
			`malformed ${header} header`,
		));
	it('rejects standard base64 characters (both vectors contain - or _)', () => {
		expect(signature).toMatch(/[-_]/);
		expect(check({ [header]: signature.replace(/-/g, '+').replace(/_/g, '/') })).toBe(
			`malformed ${header} header`,
		);
	});
	it('rejects a missing header', () => expect(check({})).toBe(`missing ${header} header`));
	it('rejects when no secret is configured', () =>
		expect(
			reasonOf(
				verify(request({ rawBody: body, headers: { [header]: signature }, credentials: {} })),
			),
		).toBe('no signing secret configured'));
});

describe('constant-time helpers', () => {
	it('never throw on length mismatch', () => {
		expect(digestsEqual(Buffer.alloc(32), Buffer.alloc(31))).toBe(false);
		expect(digestsEqual(Buffer.alloc(32), undefined)).toBe(false);
		expect(secretsEqual('short', 'a much longer candidate')).toBe(false);
	});
});

/**
 * Constant time is only as good as the one comparison that decides: every verifier must reach
 * node:crypto's timingSafeEqual, with two buffers of the same length, for a wrong signature of
 * the right shape as for a right one (an early `!==` or a `return` before the compare would
 * leak how much of a guess was right), and compare against every configured secret.
 */
describe('constant-time comparison (timingSafeEqual spied on the module the product imports)', () => {
	const nodeCrypto = jest.requireActual<typeof import('crypto')>('crypto');
	let compare: jest.SpyInstance<boolean, Parameters<typeof nodeCrypto.timingSafeEqual>>;
	beforeEach(() => {
		compare = jest.spyOn(nodeCrypto, 'timingSafeEqual');
	});
	afterEach(() => compare.mockRestore());

	/** The calls one check makes, each as the lengths of its two buffers. */
	function comparisons(check: () => unknown): Array<[number, number]> {
		compare.mockClear();
		check();
		return compare.mock.calls.map(([a, b]) => {
			expect(Buffer.isBuffer(a) || a instanceof Uint8Array).toBe(true);
			expect(Buffer.isBuffer(b) || b instanceof Uint8Array).toBe(true);
			return [(a as Buffer).length, (b as Buffer).length];
		});
	}

	it.each(vendorList.map((vendor) => [vendor.key, vendor]))(
		'%s: a right and a wrong signature of the same shape each reach timingSafeEqual, as often, with equal-length buffers',
		(_key, vendor) => {
			const secret = 'constant-time-secret';
			const credentials = { [vendor.secretField]: secret };
			const nowMs = Date.now();
			const example = vendor.freshSample(vendor.samples[0], 1, nowMs);
			// As its sender makes it: a body-signed vendor's signature is in the bytes, not a header.
			const genuine = signedDelivery(vendor, example, credentials, nowMs);
			// Same length and alphabet as the secret, so Kini's token has the shape of the key too.
			const forged = signedDelivery(
				vendor,
				example,
				{ ...credentials, [vendor.secretField]: 'constant-time-secreT' },
				nowMs,
			);
			expect(forged).not.toEqual(genuine);
			const verifyWith = ({ rawBody, headers }: typeof genuine) =>
				vendor.verify(
					request({
						rawBody: Buffer.from(rawBody),
						headers: Object.fromEntries(
							Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
						),
						credentials,
						nowMs,
					}),
				);

			let verdict: unknown;
			const matched = comparisons(() => (verdict = verifyWith(genuine)));
			expect(verdict).toMatchObject({ ok: true });
			const mismatched = comparisons(() => (verdict = verifyWith(forged)));
			expect(verdict).toMatchObject({ ok: false });

			expect(matched.length).toBeGreaterThan(0);
			expect(mismatched).toEqual(matched);
			for (const [a, b] of [...matched, ...mismatched]) expect(a).toBe(b);
		},
	);

	it('StartupKit compares against both secrets whichever signed, and when neither did', () => {
		const body = Buffer.from(
			'{"event":"application.submitted","created_at":"2025-01-15T14:30:00Z","data":{"id":42}}',
		);
		const timestamp = '2025-01-15T14:30:00Z';
		const nowMs = Date.parse(timestamp);
		const signedBy = (secret: string) => ({
			'x-webhook-timestamp': timestamp,
			'x-webhook-signature': createHmac('sha256', secret)
				.update(`${timestamp}.`)
				.update(body)
				.digest('hex'),
		});
		const credentials = { signingSecret: 'whsec_current', previousSigningSecret: 'whsec_previous' };
		for (const [signer, ok] of [
			['whsec_current', true],
			['whsec_previous', true],
			['whsec_neither', false],
		] as const) {
			let verdict: unknown;
			const calls = comparisons(
				() =>
					(verdict = verifyStartupKitSignature(
						request({ rawBody: body, headers: signedBy(signer), credentials, nowMs }),
					)),
			);
			expect(verdict).toMatchObject({ ok });
			expect(calls).toEqual([
				[32, 32],
				[32, 32],
			]);
		}
	});

	it('matchesAnySecret computes and compares every configured secret, with no early exit on a match', () => {
		const expectedFor = jest.fn((secret: string) =>
			createHmac('sha256', secret).update('body').digest(),
		);
		const received = createHmac('sha256', 'first').update('body').digest();
		let matched: boolean | undefined;
		const calls = comparisons(
			() => (matched = matchesAnySecret(['first', 'second', 'third'], received, expectedFor)),
		);
		expect(matched).toBe(true);
		expect(expectedFor.mock.calls.map(([secret]) => secret)).toEqual(['first', 'second', 'third']);
		expect(calls).toHaveLength(3);
		expectedFor.mockClear();
		expect(
			comparisons(() =>
				matchesAnySecret(
					['first', 'second', 'third'],
					createHmac('sha256', 'none').update('body').digest(),
					expectedFor,
				),
			),
		).toHaveLength(3);
	});

	it.each([
		['equal', 'kini-key-123', 'kini-key-123', true],
		['same length, last character differs', 'kini-key-123', 'kini-key-124', false],
		['same length, first character differs', 'kini-key-123', 'jini-key-123', false],
		['shorter', 'kini-key-123', 'kini', false],
		['longer', 'kini-key-123', 'kini-key-1234567890', false],
		['nothing configured', '', '', false],
	])(
		'secretsEqual (%s) makes exactly one comparison of two 32-byte digests',
		(_name, expected, received, result) => {
			let equal: boolean | undefined;
			expect(comparisons(() => (equal = secretsEqual(expected, received)))).toEqual([[32, 32]]);
			expect(equal).toBe(result);
		},
	);
});

describe('hmacSha256 (RFC 2104 from two one-shot hashes)', () => {
	// RFC 4231, section 4: the test cases whose keys are text (cases 3, 5, 6 and 7 use 0xaa or
	// 0xdd bytes that a credential string cannot hold; case 5 is a truncated output).
	it.each([
		[
			'case 1',
			'\x0b'.repeat(20),
			'Hi There',
			'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
		],
		[
			'case 2',
			'Jefe',
			'what do ya want for nothing?',
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		],
		[
			'case 4',
			Buffer.from(Array.from({ length: 25 }, (_, i) => i + 1)).toString('latin1'),
			Buffer.alloc(50, 0xcd),
			'82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
		],
	])('RFC 4231 %s', (_name, key, data, expected) =>
		expect(hmacSha256(key, data).toString('hex')).toBe(expected),
	);

	// OpenSSL's HMAC through createHmac as the oracle, over what the vendors hand it: keys
	// shorter than, as long as and longer than SHA-256's 64-byte block (a longer key is hashed
	// first), non-ASCII text, several parts; each key is used again while its pads are kept.
	it('agrees with createHmac for keys of 0 to 200 bytes and messages in parts', () => {
		const keys = Array.from({ length: 201 }, (_, length) => 'kéy-'.repeat(60).slice(0, length));
		const uses = keys.flatMap((key, index) => [key, keys[Math.max(0, index - 5)]]);
		for (const [index, key] of uses.entries()) {
			const parts = [`${index}.`, Buffer.from(`{"é":"${'x'.repeat(index % 97)}"}`), '.€'];
			const oracle = createHmac('sha256', key);
			for (const part of parts) oracle.update(part);
			expect(hmacSha256(key, ...parts).toString('hex')).toBe(oracle.digest('hex'));
		}
	});
});

describe('headerHmacSha256 (text read from a header, signed as the bytes sent)', () => {
	// Node's HTTP server hands each byte of a header over as one character (latin1): a UTF-8
	// "ë" arrives as the two characters "Ã«".
	const sent = Buffer.from('<https://api.example.com/candidates/Zoë-日本>; rel=self', 'utf8');
	const asNodeHandsIt = sent.toString('latin1');

	it('signs the bytes that were sent, where UTF-8 would sign others', () => {
		const oracle = createHmac('sha256', 'key').update(sent).digest('hex');
		expect(headerHmacSha256('key', asNodeHandsIt).toString('hex')).toBe(oracle);
		expect(hmacSha256('key', asNodeHandsIt).toString('hex')).not.toBe(oracle);
	});

	it('agrees with createHmac over header text, body bytes and header text joined', () => {
		const body = Buffer.from('{"note":"Zoë Çelik 日本 🚀"}', 'utf8');
		for (const key of ['k', 'x'.repeat(64), 'kéy'.repeat(40)]) {
			const oracle = createHmac('sha256', key)
				.update(Buffer.from('1736951400.', 'latin1'))
				.update(body)
				.update(Buffer.concat([Buffer.from('.e-1.'), sent]))
				.digest('hex');
			expect(
				headerHmacSha256(key, '1736951400.', body, `.e-1.${asNodeHandsIt}`).toString('hex'),
			).toBe(oracle);
		}
	});
});

describe('keptFor (the per-secret caches: HMAC pads, secret lists)', () => {
	it('makes a value once per key and keeps only the newest keys', () => {
		const cache = new Map<string, string>();
		const made: string[] = [];
		const make = (key: string) => {
			made.push(key);
			return `value of ${key}`;
		};
		expect(keptFor(cache, 'a', make)).toBe('value of a');
		expect(keptFor(cache, 'a', make)).toBe('value of a');
		expect(made).toEqual(['a']);
		for (let index = 0; index < 40; index++) keptFor(cache, `key-${index}`, make);
		expect(cache.size).toBe(SECRETS_KEPT);
		expect([...cache.keys()]).toEqual(
			Array.from({ length: SECRETS_KEPT }, (_, index) => `key-${40 - SECRETS_KEPT + index}`),
		);
		expect(keptFor(cache, 'a', make)).toBe('value of a');
		expect(made.filter((key) => key === 'a')).toHaveLength(2);
	});
});

describe('secretListOf (several secrets in one credential field, split once per text)', () => {
	it.each([
		['one a line', 'first\nsecond', ['first', 'second']],
		['Windows line ends and blank lines', '\r\nfirst\r\n\r\nsecond\r\n', ['first', 'second']],
		[
			'spaces, tabs, commas and semicolons',
			' first ,\tsecond;third ; ',
			['first', 'second', 'third'],
		],
		['one secret', 'only', ['only']],
		['nothing', '', []],
		['only separators', ' ,; \n', []],
		['not text', undefined, []],
	])('%s', (_name, value, expected) => expect(secretListOf(value)).toEqual(expected));

	// More texts than the cache keeps, each asked for again after others: every answer is its
	// own text's, whether it was kept or made again.
	it("never answers with another text's list", () => {
		const texts = Array.from({ length: 40 }, (_, index) => `key-${index}\nshared`);
		for (const round of [0, 1])
			for (const [index, text] of texts.entries()) {
				const wanted = round === 0 ? index : texts.length - 1 - index;
				expect(secretListOf(texts[wanted])).toEqual([`key-${wanted}`, 'shared']);
				expect(secretListOf(text)).toEqual([`key-${index}`, 'shared']);
			}
	});
});

describe('strict hex decoding', () => {
	const hex = 'ab'.repeat(32);
	it('decodes 64 hex digits of either case', () => {
		expect(decodeHexDigest(hex)?.toString('hex')).toBe(hex);
		expect(decodeHexDigest(hex.toUpperCase())?.toString('hex')).toBe(hex);
	});
	it.each([
		['a non-hex digit last', `${hex.slice(0, 63)}g`],
		['a non-hex digit first', `g${hex.slice(1)}`],
		['a space inside', `${hex.slice(0, 30)} ${hex.slice(31)}`],
		['a non-ASCII character', `${hex.slice(0, 62)}é${hex.slice(63)}`],
		['63 digits', hex.slice(1)],
		['65 digits', `${hex}a`],
		['base64 of the same length', 'q'.repeat(64)],
	])('rejects %s', (_name, value) => expect(decodeHexDigest(value)).toBeUndefined());
});

describe('every vendor signs what it verifies (the simulator relies on it)', () => {
	it.each(vendorList.map((vendor) => [vendor.key, vendor]))('%s', (_key, vendor) => {
		const secret = 'round-trip-secret';
		const credentials = { [vendor.secretField]: secret };
		const nowMs = Date.now();
		const example = vendor.freshSample(vendor.samples[0], 1, nowMs);
		// As its sender makes it (signedDelivery): its `deliver` where it has one.
		const genuine = signedDelivery(vendor, example, credentials, nowMs);
		const verdict = vendor.verify(
			request({
				rawBody: Buffer.from(genuine.rawBody),
				headers: genuine.headers,
				credentials,
				nowMs,
			}),
		);
		expect(verdict).toMatchObject({ ok: true });
		// Another example: with the genuine one's delivery token a body signer would refuse it as
		// a replay whatever its signature (VendorTestKit.bodySignature); here only the key can.
		const forged = signedDelivery(
			vendor,
			vendor.freshSample(vendor.samples[0], 2, nowMs),
			{ ...credentials, [vendor.secretField]: `${secret}x` },
			nowMs,
		);
		expect(
			vendor.verify(
				request({
					rawBody: Buffer.from(forged.rawBody),
					headers: forged.headers,
					credentials,
					nowMs,
				}),
			).ok,
		).toBe(false);
	});
});

it('the strict base64 decoder refuses the URL alphabet, and the base64url one the standard alphabet', () => {
	expect(decodeBase64Digest('-'.repeat(43))).toBeUndefined();
	expect(decodeBase64Digest('_'.repeat(43) + '=')).toBeUndefined();
	expect(decodeBase64UrlDigest('+'.repeat(43))).toBeUndefined();
	expect(decodeBase64Digest('A'.repeat(43) + '=')).toBeDefined();
});
