/**
 * Property-based fuzzing (fast-check) of every vendor's verifier and every trigger's webhook
 * handler, the handler run in n8n-core's real WebhookContext. Properties:
 * - a verifier never throws and never accepts a request the secret's holder did not send;
 * - a handler never throws, answers a forged or stale request 401 with no item and no secret;
 * - an authentic request with a hostile body is never dropped: JSON → exactly one item
 *   (flagged, not rejected), anything else → 400; never an exception, never the secret.
 */
import fc from 'fast-check';
import type { INodeType } from 'n8n-workflow';

import { flattenEvent, normalizeEvent } from '../../nodes/AtsNormalize/normalize';
import { callWebhook } from '../support/context';
import { jsonObjectOf, signedDelivery, withSignedFields } from '../kits/vendor.testing';
import {
	authenticDelivery,
	authenticRequest,
	forgedRequest,
	headersNow,
	signsTimeInBody,
	signsTimestamp,
	staleRequest,
	type FuzzRequest,
} from '../support/fuzz';
import { credentialsOf, underTest, vendorsUnderTest } from '../support/vendors';

const SECRET = 'fuzz-secret-3f9a1c';
const RUNS = Number(process.env.ATS_FUZZ_RUNS ?? 150);
// Every vendor in the registry, with its trigger node and test kit.
const triggers: Record<string, INodeType> = Object.fromEntries(
	vendorsUnderTest.map(({ key, node }) => [key, node]),
);

function parsesAsJson(request: FuzzRequest): boolean {
	try {
		JSON.parse(request.rawBody.toString('utf8'));
		return true;
	} catch {
		return false;
	}
}

describe.each(Object.keys(triggers))('%s', (key) => {
	const { trigger, kit } = underTest(key);
	const credentials = credentialsOf(kit, SECRET);
	const parameters = { ...kit.verifyingParameters, options: { dedupe: false } };
	const lower = (headers: Record<string, string>) =>
		Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	// Signed as it is handed to the handler, as a vendor signs when it sends.
	const handle = (request: FuzzRequest, nowMs = Date.now()) =>
		callWebhook(triggers[key], {
			rawBody: request.rawBody,
			headers: request.headersAt(nowMs),
			credentials,
			parameters,
			workflowId: `wf-fuzz-${key}-${nowMs}`,
		});

	it('the verifier rejects every forged request and never throws', () => {
		fc.assert(
			fc.property(forgedRequest(kit, SECRET), (request) => {
				const nowMs = Date.now();
				const result = trigger.verify({
					rawBody: request.rawBody,
					headers: lower(request.headersAt(nowMs)),
					credentials,
					nowMs,
					toleranceSeconds: 300,
				});
				expect(result.ok).toBe(false);
			}),
			{ numRuns: RUNS * 4 },
		);
	});

	it('the verifier never throws on any header shape or credential value', () => {
		const headerValue = fc.oneof(
			fc.string(),
			fc.array(fc.string(), { maxLength: 3 }),
			fc.constant(undefined),
		);
		const anyValue = fc.oneof(
			fc.string(),
			fc.integer(),
			fc.constant(null),
			fc.constant(undefined),
			fc.object(),
		);
		fc.assert(
			fc.property(
				fc.dictionary(fc.string(), headerValue),
				anyValue,
				fc.uint8Array(),
				(headers, secret, body) => {
					const result = trigger.verify({
						rawBody: Buffer.from(body),
						headers: headers as Record<string, string>,
						credentials: { [kit.secretField]: secret } as never,
						nowMs: Date.now(),
						toleranceSeconds: 300,
					});
					expect(typeof result.ok).toBe('boolean');
				},
			),
			{ numRuns: RUNS * 4 },
		);
	});

	it('the handler answers every forged request 401 with no item and no secret', async () => {
		await fc.assert(
			fc.asyncProperty(forgedRequest(kit, SECRET), async (request) => {
				const { result, response, items } = await handle(request);
				expect(items).toHaveLength(0);
				expect(result.workflowData).toBeUndefined();
				expect(response.statusCode).toBe(401);
				expect(JSON.stringify(response.body)).not.toContain(SECRET);
			}),
			{ numRuns: RUNS },
		);
	});

	if (signsTimestamp(kit)) {
		// The handler reads the clock itself (Date.now); a clock reading taken earlier by the test
		// would drift from it under load (301 s became 300 s once). So the test fixes the clock the
		// code under test reads, and checks the window's edge with exact values.
		const fixedNowMs = 1_763_000_000_000; // a whole second
		const atFixedClock = async <T>(run: () => Promise<T>) => {
			const clock = jest.spyOn(Date, 'now').mockReturnValue(fixedNowMs);
			try {
				return await run();
			} finally {
				clock.mockRestore();
			}
		};

		it('the handler answers every stale or far-future delivery 401', async () => {
			await atFixedClock(() =>
				fc.assert(
					fc.asyncProperty(staleRequest(kit, SECRET), async (request) => {
						const { response, items } = await handle(request, fixedNowMs);
						expect(items).toHaveLength(0);
						expect(response.statusCode).toBe(401);
					}),
					{ numRuns: RUNS },
				),
			);
		});

		it.each([
			[-300, 200],
			[300, 200],
			[-301, 401],
			[301, 401],
		])('the replay window edge: signed %i s from now → %i', async (offsetSeconds, status) => {
			const signedAtMs = fixedNowMs + offsetSeconds * 1000;
			// A body signer's time is the body's (its covered fields made at that time).
			const body = withSignedFields(kit, kit.samples[0].body, 1, signedAtMs);
			const { rawBody, headers } = signedDelivery(kit, body, credentials, signedAtMs);
			const { response, items } = await atFixedClock(() =>
				handle(
					{ rawBody: Buffer.from(rawBody), headersAt: () => headers, label: 'edge' },
					fixedNowMs,
				),
			);
			expect(response.statusCode).toBe(status);
			expect(items).toHaveLength(status === 200 ? 1 : 0);
		});

		// A body signer's time is in the bytes, fixed when its sender made the delivery (and kept
		// by its retries): an hour later it is stale, unlike a header signer's, signed when sent.
		const lateStatus = signsTimeInBody(kit) ? 401 : 200;
		it(`requests generated long before they are sent: ${signsTimeInBody(kit) ? 'the signed time is the body’s, so an hour later they are stale (401)' : 'signed when sent, so a slow run never turns them stale'}`, async () => {
			const requests = await atFixedClock(async () =>
				fc.sample(authenticRequest(kit, SECRET).filter(carriesSignature), 5),
			);
			const sentMs = fixedNowMs + 60 * 60_000; // an hour later: far outside the 300 s window
			const clock = jest.spyOn(Date, 'now').mockReturnValue(sentMs);
			try {
				for (const request of requests)
					expect((await handle(request, sentMs)).response.statusCode).toBe(lateStatus);
			} finally {
				clock.mockRestore();
			}
		});
	}

	// Where the signature is a body field (VendorTestKit.bodySignature), only a JSON object can
	// carry it: anything else is refused unsigned (401), never "not JSON" (400).
	const carriesSignature = (request: FuzzRequest) =>
		kit.bodySignature === undefined
			? parsesAsJson(request)
			: jsonObjectOf(request.rawBody) !== undefined;
	const uncarriedStatus = kit.bodySignature === undefined ? 400 : 401;
	it(`an authentic request with a hostile body: ${kit.bodySignature === undefined ? 'JSON' : 'a JSON object'} → one flagged item, otherwise ${uncarriedStatus}; never dropped, never the secret`, async () => {
		await fc.assert(
			fc.asyncProperty(authenticRequest(kit, SECRET), async (request) => {
				const { result, response, items } = await handle(request);
				if (carriesSignature(request)) {
					expect(items).toHaveLength(1);
					expect(items[0].json._ats).toMatchObject({ vendor: key, verified: true });
					expect(result.webhookResponse).toBeUndefined(); // n8n answers the static {"received":true}
					expect(response.statusCode).toBe(200);
				} else {
					expect(items).toHaveLength(0);
					expect(response.statusCode).toBe(uncarriedStatus);
				}
				expect(
					JSON.stringify([
						result.webhookResponse,
						response.body,
						items.map((item) => item.json._ats),
					]),
				).not.toContain(SECRET);
			}),
			{ numRuns: RUNS },
		);
	});
});

describe('prototype pollution', () => {
	const MARK = 'atsPollutionProbe';
	/** JSON bodies that pollute Object.prototype in code that merges or assigns keys naively. */
	const hostileBodies = [
		`{"__proto__":{"${MARK}":"x"},"id":"p1","type":"applicant.hired","event":"application.advanced","status":"FAILURE","eventType":"record.new","syncJobId":"s","data":{},"version":"1","dateOccurred":"2025-01-01T00:00:00Z"}`,
		`{"constructor":{"prototype":{"${MARK}":"x"}},"id":"p2","type":"data-changed","data":{"__proto__":{"${MARK}":"x"}}}`,
		`{"id":"p3","type":"ai-apply-job-posting-status-updated","data":{"constructor":{"prototype":{"${MARK}":"x"}},"career_site":{"__proto__":{"${MARK}":"x"}}}}`,
		`{"event":"application.advanced","created_at":"2025-01-01T00:00:00Z","data":{"__proto__":{"${MARK}":"x"},"candidate":{"__proto__":{"${MARK}":"x"}}}}`,
		`{"eventId":"p5","eventType":"record.new","syncJobId":"s","eventData":{"__proto__":{"${MARK}":"x"},"info":{"constructor":{"prototype":{"${MARK}":"x"}}}}}`,
	];
	const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
	const inheritedKeys = () => {
		const keys: string[] = [];
		for (const key in {}) keys.push(key);
		return keys;
	};

	/** Runs `handler` on every hostile body of every vendor, then checks Object.prototype and a fresh {}. */
	async function expectNoPollution(
		handler: (key: string, request: FuzzRequest) => Promise<unknown>,
	) {
		const before = prototypeNames();
		try {
			for (const key of Object.keys(triggers)) {
				const { kit } = underTest(key);
				for (const body of hostileBodies)
					await handler(key, authenticDelivery(kit, SECRET, Buffer.from(body), 'hostile keys'));
			}
			expect(prototypeNames()).toEqual(before);
			expect(inheritedKeys()).toEqual([]);
			expect(({} as Record<string, unknown>)[MARK]).toBeUndefined();
			expect(Object.getPrototypeOf({})).toBe(Object.prototype);
		} finally {
			delete (Object.prototype as Record<string, unknown>)[MARK];
		}
	}

	/** What the triggers do with an authentic request, and what ATS Normalize does with its items. */
	const realHandler = async (key: string, request: FuzzRequest) => {
		const { kit } = underTest(key);
		const { items } = await callWebhook(triggers[key], {
			rawBody: request.rawBody,
			headers: headersNow(request),
			credentials: credentialsOf(kit, SECRET),
			parameters: { ...kit.verifyingParameters, options: { dedupe: false } },
			workflowId: `wf-pollution-${key}`,
		});
		expect(items).toHaveLength(1); // authentic JSON is never dropped
		for (const item of items)
			flattenEvent(normalizeEvent(item.json as Record<string, unknown>, { includeRaw: true }));
	};

	it('hostile keys in authentic bodies leave Object.prototype and a fresh {} untouched (trigger + ATS Normalize)', async () => {
		await expectNoPollution(realHandler);
	});

	it('the check itself fails against a handler that merges bodies naively (so it can catch pollution)', async () => {
		const naiveMerge = (target: Record<string, unknown>, source: Record<string, unknown>) => {
			for (const key of Object.keys(source)) {
				const value = source[key];
				if (value !== null && typeof value === 'object') {
					target[key] ??= {};
					naiveMerge(target[key] as Record<string, unknown>, value as Record<string, unknown>);
				} else target[key] = value;
			}
			return target;
		};
		const pollutingHandler = async (key: string, request: FuzzRequest) => {
			await realHandler(key, request);
			naiveMerge({}, JSON.parse(request.rawBody.toString('utf8')));
		};
		await expect(expectNoPollution(pollutingHandler)).rejects.toThrow();
		expect(({} as Record<string, unknown>)[MARK]).toBeUndefined(); // cleaned up for the other tests
	});
});
