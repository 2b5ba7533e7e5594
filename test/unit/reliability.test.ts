/**
 * The load sender's retry schedule (scripts/reliability.js), against a local fake n8n: it
 * must behave like a vendor's delivery queue (timeouts and non-2xx sent again with backoff,
 * bounded, signed anew each time) and tell n8n's own health-check 503 from other 5xx.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { RETRY, backoffMs, deliver, fiveHundredOf } from '../../scripts/reliability';

const DB_NOT_READY = { status: 503, body: '{"code":503,"message":"Database is not ready!"}' };
const FAST = { maxAttempts: 5, firstDelayMs: 5, maxDelayMs: 20, budgetMs: 10_000, timeoutMs: 400 };

type Step = { status: number; body: string } | 'hang';

/** A fake n8n answering each request with the next step (the last one repeats); records what it got. */
async function fakeN8n(steps: Step[]) {
	const received: Array<{ body: string; stamp: string | undefined }> = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				body: Buffer.concat(chunks).toString('utf8'),
				stamp: req.headers['x-stamp'] as string | undefined,
			});
			const step = steps[Math.min(received.length - 1, steps.length - 1)];
			if (step === 'hang') return; // answered never: the sender's timeout decides
			res.writeHead(step.status, { 'Content-Type': 'application/json' });
			res.end(step.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/x`,
		received,
		close: () => {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(resolve));
		},
	};
}

const signedAt = (nowMs: number) => ({
	headers: { 'Content-Type': 'application/json', 'X-Stamp': String(nowMs) },
	payload: '{"id":"e1"}',
});

describe('the load sender retries as a vendor does', () => {
	it('n8n\'s "Database is not ready!" 503 and a late answer are retried, counted apart, with the same body signed anew', async () => {
		const n8n = await fakeN8n([
			DB_NOT_READY,
			'hang',
			DB_NOT_READY,
			{ status: 200, body: '{"received":true}' },
		]);
		const stamps: number[] = [];
		try {
			const answer = await deliver(
				n8n.url,
				(nowMs: number) => (stamps.push(nowMs), signedAt(nowMs)),
				FAST,
			);
			expect(answer).toMatchObject({
				status: 200,
				attempts: 4,
				lateAnswers: 1,
				fiveHundreds: { n8nDatabaseNotReady: 2, gate: 0, other: 0 },
			});
			expect(answer.failures).toEqual(['503', 'timeout', '503']);
			expect(n8n.received.map((request) => request.body)).toEqual(Array(4).fill('{"id":"e1"}'));
			// Signed at each attempt: the stamps are the attempts' own times, in order.
			expect(n8n.received.map((request) => Number(request.stamp))).toEqual(stamps);
			expect(new Set(stamps).size).toBe(4);
		} finally {
			await n8n.close();
		}
	});

	it('any other 5xx is retried too, but counted as one the run must never see, with its body', async () => {
		const n8n = await fakeN8n([
			{ status: 500, body: '{"code":0,"message":"boom"}' },
			{ status: 200, body: '{"received":true}' },
		]);
		try {
			const answer = await deliver(n8n.url, signedAt, FAST);
			expect(answer).toMatchObject({
				status: 200,
				attempts: 2,
				fiveHundreds: { n8nDatabaseNotReady: 0, other: 1 },
			});
			expect(answer.otherFiveHundreds).toEqual(['500 {"code":0,"message":"boom"}']);
		} finally {
			await n8n.close();
		}
	});

	it('gives up after maxAttempts, and when the next wait would pass the budget', async () => {
		const n8n = await fakeN8n([DB_NOT_READY]);
		try {
			expect(await deliver(n8n.url, signedAt, FAST)).toMatchObject({
				status: 503,
				attempts: FAST.maxAttempts,
			});
			// The first wait (100–200 ms: half of it is random) already passes a 50 ms budget: the
			// sender stops after one attempt, whatever the random half comes to.
			const budgeted = await deliver(n8n.url, signedAt, {
				...FAST,
				firstDelayMs: 200,
				maxDelayMs: 200,
				budgetMs: 50,
			});
			expect(budgeted).toMatchObject({ status: 503, attempts: 1 });
		} finally {
			await n8n.close();
		}
	});

	it('without a retry policy an attempt is final', async () => {
		const n8n = await fakeN8n([DB_NOT_READY, { status: 200, body: '{"received":true}' }]);
		try {
			expect(await deliver(n8n.url, signedAt)).toMatchObject({ status: 503, attempts: 1 });
		} finally {
			await n8n.close();
		}
	});

	it('the backoff doubles up to its ceiling, half of it random', () => {
		const { firstDelayMs = NaN, maxDelayMs = NaN } = RETRY.vendor;
		for (let failed = 1; failed <= 10; failed++) {
			const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** (failed - 1));
			const delay = backoffMs(RETRY.vendor, failed);
			expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
			expect(delay).toBeLessThanOrEqual(ceiling);
		}
		// Bounded: a handful of attempts within minutes, as vendors' schedules are.
		expect(RETRY.vendor.maxAttempts).toBeLessThanOrEqual(8);
		expect(RETRY.vendor.budgetMs).toBeLessThanOrEqual(10 * 60_000);
	});

	it.each([
		[DB_NOT_READY, 'n8nDatabaseNotReady'],
		[{ status: 503, body: '{"gate":"n8n down"}' }, 'gate'],
		[{ status: 503, body: 'Service Unavailable' }, 'other'],
		[{ status: 500, body: '{"message":"Database is not ready!"}' }, 'other'],
		[{ status: 200, body: '{"received":true}' }, undefined],
	])('%j is told apart by its body as %s', (answer, kind) => {
		expect(fiveHundredOf(answer)).toBe(kind);
	});
});
