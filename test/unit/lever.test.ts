/**
 * What only Lever has: a signature inside the body that covers `token + triggeredAt` and
 * nothing else, the window on `triggeredAt`, the per-process token memory that tells a replay
 * (same token, other body: 401) from a redelivery (same bytes: 200 duplicate), and several
 * signature tokens in one credential. Requests are signed with node:crypto as Lever's own
 * sample does (`crypto.createHmac('sha256', SIGNATURE_TOKEN).update(token + triggeredAt)`),
 * not with the package's code.
 */
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';

import { LeverTrigger } from '../../nodes/LeverTrigger/LeverTrigger.node';
import {
	BODY_CHARACTERS_REMEMBERED,
	leverTokenMemory,
	TOKENS_REMEMBERED,
	verifyLeverSignature,
} from '../../nodes/LeverTrigger/lever.trigger';
import * as signatures from '../../nodes/shared/signatures';
import { deliveryToken, signLeverBody, testKit } from '../kits/lever/lever.testing';
import { leverSamples } from '../kits/lever/lever.samples';
import { atTime, callWebhook } from '../support/context';

const TOKEN = 'lever-unit-signature-token-1';
const OTHER = 'lever-unit-signature-token-2';
const node = new LeverTrigger();
let sequence = 0;

/** Lever's own check, from its documentation's JavaScript sample. */
function leverValidates(body: Record<string, unknown>, signatureToken: string): boolean {
	const plainText = String(body.token) + String(body.triggeredAt);
	const hash = createHmac('sha256', signatureToken).update(plainText).digest('hex');
	return body.signature === hash;
}

/** A distinct genuine delivery, signed with `signatureToken`, triggered at `nowMs`. */
function delivery(nowMs = Date.now(), signatureToken = TOKEN, eventType = 'candidateStageChange') {
	const sample = leverSamples.find((candidate) => candidate.eventType === eventType)!;
	return signLeverBody(testKit.freshSample(sample, ++sequence, nowMs), signatureToken);
}

const verify = (
	body: Record<string, unknown> | string,
	options: { tokens?: unknown; nowMs?: number; toleranceSeconds?: number } = {},
) =>
	verifyLeverSignature({
		rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
		headers: { 'user-agent': 'Lever-Webhooks' },
		// `tokens: undefined` stands for a credential without the field.
		credentials: ('tokens' in options
			? { signatureTokens: options.tokens }
			: {
					signatureTokens: TOKEN,
				}) as never,
		nowMs: options.nowMs ?? Date.now(),
		toleranceSeconds: options.toleranceSeconds ?? 300,
	});

function send(
	body: Record<string, unknown> | string,
	{ tokens = TOKEN, parameters = {}, workflowId = `wf-lever-${++sequence}` } = {},
) {
	return callWebhook(node, {
		rawBody: typeof body === 'string' ? body : JSON.stringify(body),
		headers: { 'content-type': 'application/json', 'user-agent': 'Lever-Webhooks' },
		credentials: { signatureTokens: tokens },
		parameters,
		workflowId,
	});
}

beforeEach(() => leverTokenMemory.clear());

describe('Lever signs token + triggeredAt, inside the body', () => {
	it('a body signed as Lever signs it is accepted, and Lever’s own check agrees', async () => {
		const body = delivery();
		expect(leverValidates(body, TOKEN)).toBe(true);
		const { items, response } = await send(body);
		expect(response.statusCode).toBe(200);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ ...body, _ats: { vendor: 'lever', verified: true } });
	});

	it.each([
		['signature', 'missing signature field (generate a signature token in Lever)'],
		['token', 'missing token field'],
		['triggeredAt', 'missing triggeredAt field'],
	])('a body without %s: 401 "%s"', async (field, reason) => {
		const body: Record<string, unknown> = { ...delivery() };
		delete body[field];
		const { response, result } = await send(body);
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ error: 'unauthorized', reason });
		expect(result.workflowData).toBeUndefined();
	});

	it.each([
		['not JSON', 'not json at all'],
		['a JSON array', '[]'],
		['a bare number', '42'],
	])('a body that is %s cannot carry a signature: 401, never 400', async (_name, raw) => {
		const { response, result } = await send(raw);
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('a body with "ok": true is not taken for a verdict', () => {
		const body = { ...delivery(), ok: true, signature: 'f'.repeat(64) };
		expect(verify(body).ok).toBe(false);
	});

	it.each([
		['a number', 12345],
		['too short', 'abc'],
		['not hex (the test request’s placeholder holds "m")', 'm'.repeat(64)],
	])('a malformed signature (%s): 401', (_name, signature) => {
		expect(verify({ ...delivery(), signature })).toEqual({
			ok: false,
			reason: 'malformed signature field',
		});
	});

	it.each([
		['a string', (at: number) => String(at)],
		['a fraction', (at: number) => at + 0.5],
		['negative', () => -1],
	])('triggeredAt as %s: 401 malformed', (_name, change) => {
		const body = delivery();
		expect(verify({ ...body, triggeredAt: change(body.triggeredAt as number) })).toEqual({
			ok: false,
			reason: 'malformed triggeredAt field',
		});
	});

	it('a token longer than any Lever sends is refused before any HMAC', () => {
		const body = signLeverBody({ ...delivery(), token: 'x'.repeat(257) }, TOKEN);
		expect(verify(body)).toEqual({ ok: false, reason: 'malformed token field' });
	});

	it('Lever’s documented test request is refused: its signature is a placeholder', async () => {
		const test = leverSamples.find((sample) => sample.title.startsWith('Test request'))!;
		const { response } = await atTime(test.body.triggeredAt as number, () => send(test.body));
		expect(response.statusCode).toBe(401);
		expect(response.body).toMatchObject({ reason: 'malformed signature field' });
	});

	it('the signature covers token and triggeredAt: changing either is a mismatch', () => {
		const body = delivery();
		expect(verify({ ...body, token: deliveryToken('another delivery') }).ok).toBe(false);
		expect(verify({ ...body, triggeredAt: (body.triggeredAt as number) + 1 })).toEqual({
			ok: false,
			reason: 'signature mismatch',
		});
	});
});

describe('the rest of the body is not signed', () => {
	it('a first sight of a token with altered data passes the signature check alone: Lever signs nothing else', () => {
		const genuine = delivery();
		const altered = { ...genuine, data: { ...(genuine.data as object), toStageId: 'forged' } };
		// No memory of the genuine delivery (another n8n process, or the memory was cleared):
		// only the window limits what a holder of one genuine delivery can send.
		expect(verify(altered).ok).toBe(true);
	});

	it.each([
		['data', (body: Record<string, unknown>) => ({ ...body, data: { opportunityId: 'forged' } })],
		['event', (body: Record<string, unknown>) => ({ ...body, event: 'candidateHired' })],
		['id', (body: Record<string, unknown>) => ({ ...body, id: 'another-event-id' })],
		['an added field', (body: Record<string, unknown>) => ({ ...body, extra: true })],
		[
			'the same fields re-serialised',
			(body: Record<string, unknown>) => JSON.parse(JSON.stringify(body, null, 2)),
		],
	])(
		'once the genuine delivery was accepted, its token with changed %s is a replay: 401',
		async (_name, change) => {
			const genuine = delivery();
			const workflowId = `wf-lever-replay-${++sequence}`;
			expect((await send(genuine, { workflowId })).items).toHaveLength(1);
			const changed = change(genuine);
			const raw =
				_name === 'the same fields re-serialised'
					? JSON.stringify(changed, null, 2)
					: JSON.stringify(changed);
			const { response, result } = await send(raw, { workflowId });
			expect(response.statusCode).toBe(401);
			expect(response.body).toEqual({
				error: 'unauthorized',
				reason: 'token already used with another body (replay)',
			});
			expect(result.workflowData).toBeUndefined();
		},
	);

	it('the replay is refused in another workflow of the same process too', async () => {
		const genuine = delivery();
		expect((await send(genuine)).items).toHaveLength(1);
		const altered = { ...genuine, data: { opportunityId: 'forged' } };
		expect((await send(altered)).response.statusCode).toBe(401);
	});

	it('a rejected request leaves nothing in the memory (a forger cannot block a genuine token)', async () => {
		const genuine = delivery();
		const forged = { ...genuine, data: { opportunityId: 'forged' }, signature: 'a'.repeat(64) };
		expect((await send(forged)).response.statusCode).toBe(401);
		expect(leverTokenMemory.size).toBe(0);
		expect((await send(genuine)).items).toHaveLength(1);
	});
});

describe('redelivery: the same bytes again', () => {
	it('is answered 200 duplicate, without an execution (dedupe on the event id)', async () => {
		const body = delivery();
		const workflowId = `wf-lever-redelivery-${++sequence}`;
		const first = await send(body, { workflowId });
		const second = await send(body, { workflowId });
		expect(first.items).toHaveLength(1);
		expect(second.result.workflowData).toBeUndefined();
		expect(second.result.webhookResponse).toEqual({ received: true, duplicate: true });
		expect(second.items[0]?.json ?? second.items).toEqual([]);
	});

	it('passes when dedupe is off (the token memory never answers "duplicate" itself)', async () => {
		const body = delivery();
		const workflowId = `wf-lever-nodedupe-${++sequence}`;
		const parameters = { options: { dedupe: false } };
		expect((await send(body, { workflowId, parameters })).items).toHaveLength(1);
		expect((await send(body, { workflowId, parameters })).items).toHaveLength(1);
	});
});

describe('the triggeredAt window (the node’s Timestamp Tolerance)', () => {
	const nowMs = 1_763_000_000_000;
	it.each([
		[-300, true],
		[300, true],
		[-301, false],
		[301, false],
	])('triggeredAt %i s from now, tolerance 300 → accepted %p', (offsetSeconds, accepted) => {
		const body = delivery(nowMs + offsetSeconds * 1000);
		const result = verify(body, { nowMs });
		expect(result.ok).toBe(accepted);
		if (!accepted)
			expect(result).toEqual({ ok: false, reason: 'triggeredAt outside the tolerance window' });
	});

	it('a NaN window rejects everything', () => {
		expect(verify(delivery(nowMs), { nowMs, toleranceSeconds: Number.NaN }).ok).toBe(false);
	});

	it.each([
		[{ toleranceSeconds: 3600 }, 1800, 200],
		[{ toleranceSeconds: 3600 }, 3601, 401],
		[{ toleranceSeconds: 1e12 }, 3601, 401], // clamped to 3600
		[{ toleranceSeconds: 'x' }, 301, 401], // not a number: 300
		[{}, 301, 401],
	])('node option %p, delivery %i s old → %i', async (options, ageSeconds, status) => {
		const body = delivery(nowMs - ageSeconds * 1000);
		const { response } = await atTime(nowMs, () => send(body, { parameters: { options } }));
		expect(response.statusCode).toBe(status);
	});
});

describe('several signature tokens in one credential (Lever has one per webhook)', () => {
	it.each([
		['one per line', `${OTHER}\n${TOKEN}`],
		['Windows line ends and blank lines', `\r\n${OTHER}\r\n\r\n${TOKEN}\r\n`],
		['commas and spaces', `  ${OTHER} , ${TOKEN}  `],
		['tabs', `${OTHER}\t${TOKEN}`],
	])('%s: tokens are split and trimmed', (_name, value) => {
		expect(signatures.secretListOf(value)).toEqual([OTHER, TOKEN]);
	});

	it('each webhook’s token is accepted: one trigger takes several event types', async () => {
		const tokens = `${TOKEN}\n${OTHER}`;
		const workflowId = `wf-lever-several-${++sequence}`;
		const stage = delivery(Date.now(), TOKEN, 'candidateStageChange');
		const hired = delivery(Date.now(), OTHER, 'candidateHired');
		expect((await send(stage, { tokens, workflowId })).items).toHaveLength(1);
		expect((await send(hired, { tokens, workflowId })).items).toHaveLength(1);
		const stranger = delivery(Date.now(), 'a-token-of-another-account');
		expect((await send(stranger, { tokens, workflowId })).response.statusCode).toBe(401);
	});

	it('every token is tried, without early exit, whichever one matches', () => {
		const spy = jest.spyOn(signatures, 'hmacSha256');
		try {
			const tokens = [TOKEN, OTHER, 'third-token-value'];
			for (const signer of tokens) {
				spy.mockClear();
				expect(verify(delivery(Date.now(), signer), { tokens: tokens.join('\n') }).ok).toBe(true);
				expect(spy).toHaveBeenCalledTimes(tokens.length);
			}
		} finally {
			spy.mockRestore();
		}
	});

	it.each([
		['empty', ''],
		['blank lines only', ' \n \n'],
		['absent', undefined],
		['not text', { token: TOKEN }],
	])('no usable token (%s): 401, even for a body signed with the empty key', (_name, tokens) => {
		const body = delivery(Date.now(), '');
		expect(verify(body, { tokens })).toEqual({
			ok: false,
			reason: 'no signature token configured',
		});
	});
});

describe('the token memory', () => {
	it('is bounded: the oldest tokens go first', () => {
		const nowMs = Date.now();
		for (let index = 0; index < TOKENS_REMEMBERED + 50; index++) {
			const body = signLeverBody(
				{ ...delivery(nowMs), token: deliveryToken(`bound-${index}`) },
				TOKEN,
			);
			expect(verify(body, { nowMs }).ok).toBe(true);
		}
		expect(leverTokenMemory.size).toBe(TOKENS_REMEMBERED);
	});

	it('forgets a token once no window could accept its triggeredAt (3600 s, the widest)', () => {
		const nowMs = 1_763_000_000_000;
		expect(verify(delivery(nowMs), { nowMs }).ok).toBe(true);
		expect(leverTokenMemory.size).toBe(1);
		const later = nowMs + 3601 * 1000;
		const second = delivery(later);
		expect(verify(second, { nowMs: later }).ok).toBe(true);
		expect(leverTokenMemory.size).toBe(1);
		expect(leverTokenMemory.bodyCharacters).toBe(JSON.stringify(second).length);
	});

	/** A genuine delivery whose body is about `characters` long. */
	const large = (index: number, characters: number) =>
		signLeverBody(
			{
				...delivery(),
				token: deliveryToken(`large-${index}`),
				data: { note: 'x'.repeat(characters) },
			},
			TOKEN,
		);

	it('is bounded in characters: the oldest bodies go first, and a replay of a kept one is still refused', () => {
		const bodies = Array.from({ length: 20 }, (_, index) => large(index, 1024 * 1024));
		for (const body of bodies) expect(verify(body).ok).toBe(true);
		expect(leverTokenMemory.bodyCharacters).toBeLessThanOrEqual(BODY_CHARACTERS_REMEMBERED);
		expect(leverTokenMemory.size).toBe(15);
		const newest = bodies[bodies.length - 1];
		// Rewritten to the same length: the text is compared, not its size.
		expect(verify({ ...newest, data: { note: 'y'.repeat(1024 * 1024) } })).toEqual({
			ok: false,
			reason: 'token already used with another body (replay)',
		});
		expect(verify(newest).ok).toBe(true);
	});

	it('keeps a body longer than the bound alone', () => {
		expect(verify(large(0, 1000)).ok).toBe(true);
		const huge = large(1, BODY_CHARACTERS_REMEMBERED + 1);
		expect(verify(huge).ok).toBe(true);
		expect(leverTokenMemory.size).toBe(1);
		expect(leverTokenMemory.bodyCharacters).toBe(JSON.stringify(huge).length);
		expect(verify({ ...huge, data: {} }).ok).toBe(false);
	});

	it('holds no signature token (only delivery tokens and bodies, sent in the clear)', () => {
		const secret = 'lever-unit-secret-never-stored-1';
		expect(verify(delivery(Date.now(), secret), { tokens: secret }).ok).toBe(true);
		const memory = inspect(leverTokenMemory, { showHidden: true, depth: null });
		expect(memory).not.toContain(secret);
	});
});

describe('reasons never hold a secret or an expected signature', () => {
	it('for every rejection above', () => {
		const genuine = delivery();
		const expected = String(genuine.signature);
		const cases = [
			{ ...genuine, signature: 'b'.repeat(64) },
			{ ...genuine, triggeredAt: 1 },
			{ ...genuine, token: 'x' },
			'not json',
		];
		for (const body of cases) {
			const result = verify(body, { tokens: `${TOKEN}\n${OTHER}` });
			expect(result.ok).toBe(false);
			const text = JSON.stringify(result);
			for (const secret of [TOKEN, OTHER, expected]) expect(text).not.toContain(secret);
		}
	});
});

describe('the body is parsed once per request', () => {
	it('the verifier hands its parsed body to the pipeline (bench (a) counts one parse)', async () => {
		const rawBody = JSON.stringify(delivery());
		const parseJson = JSON.parse.bind(JSON);
		// Where each parse of these bytes came from: the product's (under nodes/) are counted,
		// not the test's request object, which parses them as n8n does.
		const callers: string[] = [];
		const parse = jest.spyOn(JSON, 'parse').mockImplementation((text, reviver) => {
			if (text === rawBody) callers.push(new Error().stack ?? '');
			return parseJson(text, reviver) as unknown;
		});
		try {
			const { items } = await send(rawBody);
			expect(items).toHaveLength(1);
			expect(callers.filter((stack) => /[\\/]nodes[\\/]/.test(stack))).toHaveLength(1);
		} finally {
			parse.mockRestore();
		}
	});
});
