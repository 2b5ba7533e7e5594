/**
 * Known answers computed outside this code: every signature in test/fixtures/known-answers.json
 * is the output of the OpenSSL CLI command stored beside it, so a verifier that agrees with
 * the package's own signer but not with the vendors' scheme fails here. No vendor document
 * gives a secret, body and signature together, so the vectors are ours; their bodies carry
 * non-ASCII text, escaped Unicode (`\u003c`) and a trailing newline, which only survive if
 * the raw bytes are verified (not a re-serialised parse).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type { VerifyRequest } from '../../nodes/shared/signatures';
import { atTime, callWebhook } from '../support/context';
import { underTest } from '../support/vendors';

interface KnownAnswer {
	vendor: string;
	name: string;
	credentials: Record<string, string>;
	headers: Record<string, string>;
	nowMs: number;
	expected: 'accept' | 'reject';
	/** The command's output; absent for Kini, which signs nothing. */
	signature?: string;
	command?: string;
	bodyBase64: string;
	bodyText: string;
}

const fixture = JSON.parse(
	readFileSync(path.join(__dirname, '..', 'fixtures', 'known-answers.json'), 'utf8'),
) as {
	vectors: KnownAnswer[];
	/** Vectors a vendor's own document gives (secret, request and signature together), verbatim. */
	documented: Array<Omit<KnownAnswer, 'bodyBase64'> & { source: string; note: string }>;
};
const vectors = fixture.vectors;
const named = (list: KnownAnswer[]) =>
	list.map((vector) => [`${vector.vendor}: ${vector.name}`, vector] as const);
const accepted = vectors.filter((vector) => vector.expected === 'accept');
const signedAccepted = accepted.filter((vector) => vector.signature !== undefined);

const bodyOf = (vector: KnownAnswer) => Buffer.from(vector.bodyBase64, 'base64');
const lowerCased = (headers: Record<string, string>) =>
	Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

function verdict(vector: KnownAnswer, overrides: Partial<VerifyRequest> = {}) {
	return underTest(vector.vendor).trigger.verify({
		rawBody: bodyOf(vector),
		headers: lowerCased(vector.headers),
		credentials: vector.credentials,
		nowMs: vector.nowMs,
		toleranceSeconds: 300,
		...overrides,
	});
}

/**
 * The vendor's signature field where it signs inside the body (VendorTestKit.bodySignature): its
 * vectors carry no signature header (`User-Agent` only), the signature is in `bodyText`.
 */
const signatureFieldOf = (vector: KnownAnswer) => underTest(vector.vendor).kit.bodySignature?.field;

/**
 * Such a vendor signs only the covered fields: what refuses a change to the others is the
 * verifier's memory of delivery tokens, which holds once the genuine body was accepted. So the
 * genuine body is accepted first (whatever ran before), and then every change must be refused.
 */
function acceptGenuineFirst(vector: KnownAnswer) {
	if (signatureFieldOf(vector) !== undefined) expect(verdict(vector).ok).toBe(true);
}

/** The header that carries the signature (or Kini's key), and the text around the value. */
function signatureHeader(vector: KnownAnswer): { name: string; value: string } {
	const needle = vector.signature ?? vector.credentials.apiKey;
	const entry = Object.entries(vector.headers).find(
		([name, value]) => value.includes(needle) && !/timestamp/i.test(name),
	);
	if (entry === undefined) throw new Error(`${vector.name}: no header holds the signature`);
	return { name: entry[0], value: entry[1] };
}

/** The signature with one digest byte changed, written as the vector writes it. */
function withDigestByteChanged(signature: string, index: number): string {
	const encoding: BufferEncoding = /^[0-9a-f]{64}$/i.test(signature)
		? 'hex'
		: /[-_]/.test(signature) || !signature.endsWith('=')
			? 'base64url'
			: 'base64';
	const digest = Buffer.from(signature, encoding);
	expect(digest).toHaveLength(32);
	digest[index] ^= 0x01;
	const text = digest.toString(encoding);
	// Buffer writes base64url unpadded and base64 padded, as the vectors do.
	return encoding === 'base64' && !signature.endsWith('=') ? text.replace(/=+$/, '') : text;
}

describe('the known-answer fixture', () => {
	it('covers every scheme, each with vectors to accept and to reject', () => {
		for (const vendor of [
			'kini',
			'startupKit',
			'keldairHr',
			'knit',
			'kombo',
			'lever',
			'smartRecruiters',
		]) {
			const own = vectors.filter((vector) => vector.vendor === vendor);
			expect(own.some((vector) => vector.expected === 'accept')).toBe(true);
			expect(own.some((vector) => vector.expected === 'reject')).toBe(true);
		}
	});

	it.each(named(vectors))(
		'%s: body bytes as documented (non-ASCII, escaped Unicode, trailing newline)',
		(_name, vector) => {
			const body = bodyOf(vector);
			expect(body.toString('utf8')).toBe(vector.bodyText);
			expect(vector.bodyText).toContain('\\u003c');
			expect(vector.bodyText.endsWith('}\n')).toBe(true);
			expect(body.some((byte) => byte > 0x7f)).toBe(true);
		},
	);

	it.each(named(vectors.filter((vector) => vector.command !== undefined)))(
		'%s: the stored OpenSSL command gives the stored signature',
		(_name, vector) => {
			expect(vector.command).toContain('openssl dgst -sha256 -hmac');
			expect(vector.command).toContain(vector.bodyBase64);
			const output = execFileSync('/bin/sh', ['-c', vector.command!], { encoding: 'utf8' }).trim();
			expect(output).toBe(vector.signature);
		},
	);
});

describe('every vendor verifier against the known answers', () => {
	it.each(named(vectors))('%s', (_name, vector) => {
		expect(verdict(vector).ok).toBe(vector.expected === 'accept');
	});

	it.each(named(signedAccepted))(
		'%s: every one-byte change of the body is rejected',
		(_name, vector) => {
			acceptGenuineFirst(vector);
			const body = bodyOf(vector);
			const accepted: number[] = [];
			for (let index = 0; index < body.length; index++) {
				const changed = Buffer.from(body);
				changed[index] ^= 0x01;
				if (verdict(vector, { rawBody: changed }).ok) accepted.push(index);
			}
			expect(accepted).toEqual([]);
		},
	);

	it.each(named(signedAccepted))(
		'%s: the body re-serialised or without its trailing newline is rejected',
		(_name, vector) => {
			acceptGenuineFirst(vector);
			const text = bodyOf(vector).toString('utf8');
			const reserialised = Buffer.from(JSON.stringify(JSON.parse(text)), 'utf8');
			expect(reserialised.equals(bodyOf(vector))).toBe(false);
			expect(verdict(vector, { rawBody: reserialised }).ok).toBe(false);
			expect(verdict(vector, { rawBody: Buffer.from(text.replace(/\n$/, ''), 'utf8') }).ok).toBe(
				false,
			);
		},
	);

	it.each(named(signedAccepted))(
		'%s: every one-byte change of the signature is rejected',
		(_name, vector) => {
			const field = signatureFieldOf(vector);
			if (field !== undefined) {
				// In the body: the field's value changed, every other byte as the vector has it. Each
				// must be refused for its signature, as the vector under another key is: the token
				// memory (acceptGenuineFirst) would refuse changed bytes whatever their signature.
				const { secretField } = underTest(vector.vendor).kit;
				const wrongKey = verdict(vector, {
					credentials: { ...vector.credentials, [secretField]: 'known-answer-other-key' },
				});
				if (wrongKey.ok) throw new Error(`${vector.name}: accepted under another key`);
				const written = `"${field}":"${vector.signature!}"`;
				expect(vector.bodyText).toContain(written);
				const notRefusedForSignature: number[] = [];
				for (let index = 0; index < 32; index++) {
					const changed = vector.bodyText.replace(
						written,
						`"${field}":"${withDigestByteChanged(vector.signature!, index)}"`,
					);
					expect(changed).not.toBe(vector.bodyText);
					const result = verdict(vector, { rawBody: Buffer.from(changed, 'utf8') });
					if (result.ok || result.reason !== wrongKey.reason) notRefusedForSignature.push(index);
				}
				expect(notRefusedForSignature).toEqual([]);
				return;
			}
			const header = signatureHeader(vector);
			const accepted: number[] = [];
			for (let index = 0; index < 32; index++) {
				const value = header.value.replace(
					vector.signature!,
					withDigestByteChanged(vector.signature!, index),
				);
				const headers = lowerCased({ ...vector.headers, [header.name]: value });
				if (verdict(vector, { headers }).ok) accepted.push(index);
			}
			expect(accepted).toEqual([]);
		},
	);

	it.each(named(accepted.filter((vector) => vector.signature === undefined)))(
		'%s: every one-character change of the key is rejected',
		(_name, vector) => {
			const header = signatureHeader(vector);
			const key = vector.credentials.apiKey;
			const accepted: number[] = [];
			for (let index = 0; index < key.length; index++) {
				const changed = `${key.slice(0, index)}${String.fromCharCode(key.charCodeAt(index) ^ 0x01)}${key.slice(index + 1)}`;
				const headers = lowerCased({
					...vector.headers,
					[header.name]: header.value.replace(key, changed),
				});
				if (verdict(vector, { headers }).ok) accepted.push(index);
			}
			expect(accepted).toEqual([]);
		},
	);
});

describe('the known answers through the trigger nodes (n8n-core WebhookContext, clock at the vector time)', () => {
	let workflow = 0;
	it.each(named(vectors))('%s', async (_name, vector) => {
		const { node, kit } = underTest(vector.vendor);
		const { response, result, items } = await atTime(vector.nowMs, () =>
			callWebhook(node, {
				rawBody: bodyOf(vector),
				headers: { 'content-type': 'application/json', ...vector.headers },
				credentials: vector.credentials,
				parameters: (kit.verifyingParameters ?? {}) as INodeParameters,
				workflowId: `wf-known-answer-${++workflow}`,
			}),
		);
		if (vector.expected === 'accept') {
			expect(items).toHaveLength(1);
			const { _ats: metadata, ...vendorFields } = items[0].json;
			expect(vendorFields).toEqual(JSON.parse(vector.bodyText));
			expect(metadata).toMatchObject({
				vendor: vector.vendor,
				verified: true,
				receivedAt: new Date(vector.nowMs).toISOString(),
			});
		} else {
			expect(response.statusCode).toBe(401);
			expect(result.workflowData).toBeUndefined();
		}
	});
});

describe("known answers from a vendor's own document", () => {
	const documented = fixture.documented;

	it('are there (SmartRecruiters gives secret, request and signature together)', () => {
		expect(documented.map((vector) => vector.vendor)).toContain('smartRecruiters');
	});

	it.each(documented.map((vector) => [`${vector.vendor}: ${vector.name}`, vector] as const))(
		'%s: the OpenSSL command gives the documented signature, the verifier and the node accept it',
		async (_name, vector) => {
			const output = execFileSync('/bin/sh', ['-c', vector.command!], { encoding: 'utf8' }).trim();
			expect(output).toBe(vector.signature);
			expect(Object.values(vector.headers).join(' ')).toContain(vector.signature!);
			const rawBody = Buffer.from(vector.bodyText, 'utf8');
			const { node, trigger, vendor } = underTest(vector.vendor);
			const request = {
				rawBody,
				headers: lowerCased(vector.headers),
				credentials: vector.credentials,
				nowMs: vector.nowMs,
				toleranceSeconds: 300,
			};
			expect(trigger.verify(request).ok).toBe(true);
			// One changed byte of the body, or of a signed header, is rejected.
			const changed = Buffer.from(rawBody);
			changed[2] ^= 0x01;
			expect(trigger.verify({ ...request, rawBody: changed }).ok).toBe(false);
			for (const name of Object.keys(request.headers).filter(
				(h) => !/signature|content-type/.test(h),
			))
				expect(
					trigger.verify({
						...request,
						headers: { ...request.headers, [name]: `${request.headers[name]}x` },
					}).ok,
				).toBe(false);
			const { items } = await atTime(vector.nowMs, () =>
				callWebhook(node, {
					rawBody,
					headers: vector.headers,
					credentials: vector.credentials,
					workflowId: `wf-documented-${vector.vendor}`,
				}),
			);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject(JSON.parse(vector.bodyText));
			expect(items[0].json._ats).toMatchObject({ vendor: vendor.key, verified: true, valid: true });
		},
	);
});
