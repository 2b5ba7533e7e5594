/**
 * The verification schemes on their own, with the parameters a next vendor would declare
 * (Greenhouse's `sha256 <hex>`, Ashby's `sha256=<hex>`, a base64 body HMAC, a timestamped one):
 * each expected signature is computed here by the OpenSSL CLI, not by the product's code.
 */
import { execFileSync } from 'node:child_process';

import { bearerKey, bodyHmac, timestampedHmac } from '../../nodes/shared/signatures';
import type { Verifier } from '../../nodes/shared/signatures';

const SECRET = 'scheme-known-answer-secret';
const BODY = Buffer.from('{"action":"ping","note":"Zoë \\u003cb\\u003e 🚀"}\n', 'utf8');
const NOW = Date.parse('2026-12-01T12:00:00Z');

/** HMAC-SHA256 of `data` by `openssl dgst`, as hex or base64 (and base64url made from it). */
function openssl(data: Buffer, encoding: 'hex' | 'base64' | 'base64url'): string {
	const args = [
		'dgst',
		'-sha256',
		'-hmac',
		SECRET,
		...(encoding === 'hex' ? ['-hex'] : ['-binary']),
	];
	const out = execFileSync('openssl', args, { input: data });
	if (encoding === 'hex') return out.toString('utf8').trim().split(/\s+/).pop()!;
	const base64 = execFileSync('openssl', ['base64', '-A'], { input: out }).toString('utf8').trim();
	return encoding === 'base64'
		? base64
		: base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const check = (
	verify: Verifier,
	headers: Record<string, string>,
	credentials: Record<string, string> = { secret: SECRET },
	rawBody = BODY,
) => verify({ rawBody, headers, credentials, nowMs: NOW, toleranceSeconds: 300 });

describe.each([
	['hex', 'sha256 ', false, 'Signature'],
	['hex', 'sha256=', false, 'Ashby-Signature'],
	['base64', undefined, false, 'X-Body-Signature'],
	['base64url', undefined, false, 'X-Body-Signature'],
	['hex', 'sha256=', true, 'X-Signature'],
] as const)(
	'bodyHmac, %s digest, prefix %j (optional: %s), header %s',
	(encoding, prefix, prefixOptional, header) => {
		const verify = bodyHmac({ header, secretField: 'secret', encoding, prefix, prefixOptional });
		const digest = openssl(BODY, encoding);
		const lower = header.toLowerCase();

		it("accepts OpenSSL's signature, and only over these exact bytes with this secret", () => {
			expect(check(verify, { [lower]: `${prefix ?? ''}${digest}` })).toEqual({ ok: true });
			expect(
				check(verify, { [lower]: `${prefix ?? ''}${digest}` }, { secret: `${SECRET}x` }),
			).toEqual({ ok: false, reason: 'signature mismatch' });
			expect(
				check(
					verify,
					{ [lower]: `${prefix ?? ''}${digest}` },
					undefined,
					Buffer.concat([BODY, Buffer.from(' ')]),
				),
			).toEqual({ ok: false, reason: 'signature mismatch' });
		});

		it('says what is missing or malformed', () => {
			expect(check(verify, {})).toEqual({ ok: false, reason: `missing ${header} header` });
			expect(check(verify, { [lower]: `${prefix ?? ''}${digest.slice(1)}` })).toEqual({
				ok: false,
				reason: `malformed ${header} header`,
			});
			expect(check(verify, { [lower]: `${prefix ?? ''}${digest}` }, { secret: '' })).toEqual({
				ok: false,
				reason: 'no signing secret configured',
			});
		});

		it(
			prefixOptional
				? 'takes the digest without its prefix too'
				: 'refuses the digest without its prefix',
			() => {
				if (prefix === undefined)
					return expect(check(verify, { [lower]: `x${digest}` }).ok).toBe(false);
				expect(check(verify, { [lower]: digest }).ok).toBe(prefixOptional);
				expect(check(verify, { [lower]: `${prefix.toUpperCase()}${digest}` }).ok).toBe(true);
			},
		);
	},
);

describe('bodyHmac with the header named by a credential field', () => {
	const verify = bodyHmac({
		header: { credentialField: 'header', fallback: 'X-Signature' },
		secretField: 'secret',
		encoding: 'hex',
	});
	const digest = openssl(BODY, 'hex');
	it('reads the field, and the fallback when it is empty', () => {
		expect(check(verify, { 'x-custom': digest }, { secret: SECRET, header: 'X-Custom' })).toEqual({
			ok: true,
		});
		expect(check(verify, { 'x-signature': digest }, { secret: SECRET, header: '' })).toEqual({
			ok: true,
		});
		expect(
			check(verify, { 'x-signature': digest }, { secret: SECRET, header: 'X-Custom' }),
		).toEqual({ ok: false, reason: 'missing X-Custom header' });
	});
});

describe('timestampedHmac over `<timestamp>.<body>`', () => {
	const verify = timestampedHmac({
		signatureHeader: 'X-Sig',
		timestampHeader: 'X-Time',
		secretFields: ['current', 'previous'],
		encoding: 'hex',
		parseTimestamp: (value) => (/^\d+$/.test(value) ? Number(value) * 1000 : undefined),
	});
	const timestamp = String(NOW / 1000);
	const digest = openssl(Buffer.concat([Buffer.from(`${timestamp}.`), BODY]), 'hex');

	it("accepts OpenSSL's signature from either secret, inside the window only", () => {
		expect(
			check(verify, { 'x-sig': digest, 'x-time': timestamp }, { current: SECRET, previous: 'old' }),
		).toEqual({ ok: true });
		expect(
			check(verify, { 'x-sig': digest, 'x-time': timestamp }, { current: 'new', previous: SECRET }),
		).toEqual({ ok: true });
		expect(
			check(verify, { 'x-sig': digest, 'x-time': timestamp }, { current: 'new', previous: '' }),
		).toEqual({ ok: false, reason: 'signature mismatch' });
		const stale = verify({
			rawBody: BODY,
			headers: { 'x-sig': digest, 'x-time': timestamp },
			credentials: { current: SECRET },
			nowMs: NOW + 301_000,
			toleranceSeconds: 300,
		});
		expect(stale).toEqual({ ok: false, reason: 'timestamp outside the tolerance window' });
		const nan = verify({
			rawBody: BODY,
			headers: { 'x-sig': digest, 'x-time': timestamp },
			credentials: { current: SECRET },
			nowMs: NOW,
			toleranceSeconds: Number.NaN,
		});
		expect(nan.ok).toBe(false);
	});

	it('says what is missing or malformed', () => {
		expect(check(verify, { 'x-time': timestamp }, { current: SECRET })).toEqual({
			ok: false,
			reason: 'missing X-Sig header',
		});
		expect(check(verify, { 'x-sig': digest }, { current: SECRET })).toEqual({
			ok: false,
			reason: 'missing X-Time header',
		});
		expect(check(verify, { 'x-sig': digest, 'x-time': 'yesterday' }, { current: SECRET })).toEqual({
			ok: false,
			reason: 'malformed X-Time header',
		});
	});
});

describe('bearerKey', () => {
	const verify = bearerKey({ secretField: 'secret' });
	it('accepts the key as a Bearer token, in any case of the scheme, and nothing else', () => {
		expect(check(verify, { authorization: `Bearer ${SECRET}` })).toEqual({ ok: true });
		expect(check(verify, { authorization: `bearer ${SECRET}` })).toEqual({ ok: true });
		expect(check(verify, { authorization: `Bearer ${SECRET}x` })).toEqual({
			ok: false,
			reason: 'invalid API key',
		});
		expect(check(verify, { authorization: `Basic ${SECRET}` })).toEqual({
			ok: false,
			reason: 'Authorization is not a Bearer token',
		});
		expect(check(verify, {})).toEqual({ ok: false, reason: 'missing Authorization header' });
		expect(check(verify, { authorization: 'Bearer ' }, { secret: '' }).ok).toBe(false);
	});
});
