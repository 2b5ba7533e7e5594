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

import { callWebhook } from '../support/context';
import { authenticRequest, forgedRequest, signsTimestamp, staleRequest, type FuzzRequest } from '../support/fuzz';
import { credentialsOf, underTest, vendorsUnderTest } from '../support/vendors';

const SECRET = 'fuzz-secret-3f9a1c';
const RUNS = Number(process.env.ATS_FUZZ_RUNS ?? 150);
// Every vendor in the registry, with its trigger node and test kit.
const triggers: Record<string, INodeType> = Object.fromEntries(vendorsUnderTest.map(({ key, node }) => [key, node]));

describe.each(Object.keys(triggers))('%s', (key) => {
	const { vendor, kit } = underTest(key);
	const credentials = credentialsOf(kit, SECRET);
	const parameters = { ...kit.verifyingParameters, options: { dedupe: false } };
	const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	const handle = (request: FuzzRequest, nowMs = Date.now()) =>
		callWebhook(triggers[key], { rawBody: request.rawBody, headers: request.headers, credentials, parameters, workflowId: `wf-fuzz-${key}-${nowMs}` });

	it('the verifier rejects every forged request and never throws', () => {
		const nowMs = Date.now();
		fc.assert(
			fc.property(forgedRequest(kit, SECRET, nowMs), (request) => {
				const result = vendor.verify({ rawBody: request.rawBody, headers: lower(request.headers), credentials, nowMs, toleranceSeconds: 300 });
				expect(result.ok).toBe(false);
			}),
			{ numRuns: RUNS * 4 },
		);
	});

	it('the verifier never throws on any header shape or credential value', () => {
		const headerValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined));
		const anyValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.object());
		fc.assert(
			fc.property(fc.dictionary(fc.string(), headerValue), anyValue, fc.uint8Array(), (headers, secret, body) => {
				const result = vendor.verify({
					rawBody: Buffer.from(body),
					headers: headers as Record<string, string>,
					credentials: { [kit.secretField]: secret } as never,
					nowMs: Date.now(),
					toleranceSeconds: 300,
				});
				expect(typeof result.ok).toBe('boolean');
			}),
			{ numRuns: RUNS * 4 },
		);
	});

	it('the handler answers every forged request 401 with no item and no secret', async () => {
		await fc.assert(
			fc.asyncProperty(forgedRequest(kit, SECRET, Date.now()), async (request) => {
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
		it('the handler answers every stale or far-future delivery 401', async () => {
			await fc.assert(
				fc.asyncProperty(staleRequest(kit, SECRET, Date.now()), async (request) => {
					const { response, items } = await handle(request);
					expect(items).toHaveLength(0);
					expect(response.statusCode).toBe(401);
				}),
				{ numRuns: RUNS },
			);
		});
	}

	it('an authentic request with a hostile body: JSON → one flagged item, otherwise 400; never dropped, never the secret', async () => {
		await fc.assert(
			fc.asyncProperty(authenticRequest(kit, SECRET, Date.now()), async (request) => {
				const { result, response, items } = await handle(request);
				let isJson = true;
				try {
					JSON.parse(request.rawBody.toString('utf8'));
				} catch {
					isJson = false;
				}
				if (isJson) {
					expect(items).toHaveLength(1);
					expect(items[0].json._ats).toMatchObject({ vendor: key, verified: true });
					expect(result.webhookResponse).toBeUndefined(); // n8n answers the static {"received":true}
					expect(response.statusCode).toBe(200);
				} else {
					expect(items).toHaveLength(0);
					expect(response.statusCode).toBe(400);
				}
				expect(JSON.stringify([result.webhookResponse, response.body, items.map((item) => item.json._ats)])).not.toContain(SECRET);
			}),
			{ numRuns: RUNS },
		);
	});
});

it('no fuzz input polluted Object.prototype', () => {
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
