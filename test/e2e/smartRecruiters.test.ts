/**
 * SmartRecruiters in a real n8n (2.41.1 and 1.123.81): the trigger's subscription against a
 * fake SmartRecruiters Webhooks Subscription API on 127.0.0.1 (never the internet), whose
 * activation POSTs X-Hook-Secret to the node's Production URL and fails unless the same value
 * comes back with a 200 within 20 s, as SmartRecruiters' does.
 *
 * Measured here, for both majors: whether n8n routes that handshake to the node while it is
 * still inside the node's `create` hook, both when n8n activates the workflow as it starts and
 * when it is activated through n8n's API while running (the editor's Activate/Publish). Then a
 * notification signed with the key the subscription generated (which only n8n's static data
 * holds) is answered 202 and runs once, a forged one 401 and nothing, and deactivation deletes
 * the subscription.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { post, sampleEvent, signedRequest } from '../../scripts/signing';
import { createN8n, expectNoExecutionFor } from '../support/n8n';
import { until } from '../support/until';
import { credentialId, triggerWorkflow } from '../support/workflows';

type N8n = Awaited<ReturnType<typeof createN8n>>;

const majors = (process.env.ATS_E2E_MAJORS ?? 'v2,v1')
	.split(',')
	.map((m) => m.trim())
	.filter(Boolean);
const API_KEY = 'sr-e2e-api-key-0b5d17';
const SUBSCRIPTIONS = '/webhooks-api/v201907/subscriptions';
const HANDSHAKE_LIMIT_MS = 20_000;
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Test',
	lastName: 'Owner',
	password: 'Owner-password-1',
};

interface Subscription {
	id: string;
	callbackUrl: string;
	events: string[];
	status: 'inactive' | 'active';
	keys: string[];
}
interface Handshake {
	/** From the activation request arriving to the callback's answer. */
	ms: number;
	status: number;
	echoed: boolean;
}

/** The fake API: its subscriptions, every call it got, each handshake it made, every key it generated. */
function fakeSmartRecruiters() {
	const subscriptions = new Map<string, Subscription>();
	const calls: string[] = [];
	const generatedKeys: string[] = [];
	const handshakes: Handshake[] = [];
	const answer = async (
		method: string,
		path: string,
		token: string | undefined,
		body: Record<string, unknown>,
	): Promise<{ status: number; body?: unknown }> => {
		if (token !== API_KEY) return { status: 401, body: { message: 'Unauthorized' } };
		if (!path.startsWith(SUBSCRIPTIONS)) return { status: 404 };
		const [id, action] = path.slice(SUBSCRIPTIONS.length).split('/').filter(Boolean);
		if (id === undefined && method === 'POST') {
			const created: Subscription = {
				id: randomBytes(8).toString('hex'),
				callbackUrl: String(body.callbackUrl),
				events: (body.events as string[]) ?? [],
				status: 'inactive',
				keys: [],
			};
			subscriptions.set(created.id, created);
			return { status: 201, body: { id: created.id, status: 'inactive' } };
		}
		const subscription = subscriptions.get(id ?? '');
		if (subscription === undefined) return { status: 404, body: { message: 'Not found' } };
		if (action === 'secret-key' && method === 'POST') {
			const secretKey = randomBytes(16).toString('base64url');
			subscription.keys.push(secretKey);
			generatedKeys.push(secretKey);
			return { status: 201, body: { secretKey } };
		}
		if (action === 'activation' && method === 'PUT') {
			const secret = randomBytes(12).toString('hex');
			const started = performance.now();
			let handshake: Handshake;
			try {
				const reply = await fetch(subscription.callbackUrl, {
					method: 'POST',
					headers: { 'X-Hook-Secret': secret },
					signal: AbortSignal.timeout(HANDSHAKE_LIMIT_MS),
				});
				await reply.text();
				handshake = {
					ms: performance.now() - started,
					status: reply.status,
					echoed: reply.headers.get('x-hook-secret') === secret,
				};
			} catch {
				handshake = { ms: performance.now() - started, status: 0, echoed: false };
			}
			handshakes.push(handshake);
			if (handshake.status !== 200 || !handshake.echoed)
				return { status: 400, body: { message: 'Callback did not echo X-Hook-Secret' } };
			subscription.status = 'active';
			return { status: 204 };
		}
		if (action === undefined && method === 'DELETE') {
			subscriptions.delete(subscription.id);
			return { status: 204 };
		}
		return { status: 405 };
	};
	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		calls.push(`${req.method} ${path}`);
		const reply = await answer(
			req.method ?? 'GET',
			path,
			req.headers['x-smarttoken'] as string | undefined,
			raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>),
		);
		res.writeHead(
			reply.status,
			reply.body === undefined ? {} : { 'Content-Type': 'application/json' },
		);
		res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
	});
	return { server, subscriptions, calls, handshakes, generatedKeys };
}

describe.each(majors)('SmartRecruiters on a real n8n %s', (major) => {
	let n8n: N8n;
	const fake = fakeSmartRecruiters();
	let cookie = '';
	const workflow = triggerWorkflow('smartRecruiters', {
		id: 'atsSrSubscribe01',
		webhookId: 'sr-subscribed',
		parameters: { createSubscription: true, events: ['*'] },
	});
	const url = () => `${n8n.baseUrl}/webhook/sr-subscribed/webhook`;
	/** The one subscription there is (its generated key signs genuine notifications). */
	const subscription = () => {
		const all = [...fake.subscriptions.values()];
		expect(all).toHaveLength(1);
		return all[0];
	};
	const deliver = (body: Record<string, unknown>, key: string) =>
		post(url(), signedRequest('smartRecruiters', body, { secretKeys: key }));
	let sequence = 0;
	const fresh = () =>
		sampleEvent('smartRecruiters', 'application.created', ++sequence, Date.now() + sequence);
	const rest = async (method: string, path: string, body?: unknown) => {
		const answer = await fetch(`${n8n.baseUrl}/rest${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		if (!answer.ok) throw new Error(`${method} /rest${path} answered ${answer.status}: ${text}`);
		return JSON.parse(text).data;
	};

	beforeAll(async () => {
		await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
		const apiUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
		// Debug: the last case reads everything n8n logged.
		n8n = await createN8n(major, { env: { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console' } });
		n8n.importCredentials([
			{
				id: credentialId('smartRecruiters'),
				name: 'SmartRecruiters Trigger (local test)',
				type: 'smartRecruitersApi',
				data: { apiKey: API_KEY, baseUrl: apiUrl },
			},
		]);
		// Activated before n8n starts: n8n runs the node's create hook as it starts.
		n8n.importWorkflows([workflow]);
		await n8n.start();
		// Readiness comes before activation ends; the subscription is active once create returned.
		await until(() => fake.handshakes.length > 0);
		const setup = await fetch(`${n8n.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!setup.ok) throw new Error(`owner setup answered ${setup.status}: ${await setup.text()}`);
		cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
	});

	afterAll(async () => {
		await n8n?.stop();
		await new Promise((resolve) => fake.server.close(resolve));
	});

	it('activation as n8n starts: subscription created, key generated, handshake answered while n8n is inside create', async () => {
		const { id } = subscription();
		expect(fake.calls.slice(0, 3)).toEqual([
			`POST ${SUBSCRIPTIONS}`,
			`POST ${SUBSCRIPTIONS}/${id}/secret-key`,
			`PUT ${SUBSCRIPTIONS}/${id}/activation`,
		]);
		expect(fake.handshakes).toHaveLength(1);
		expect(fake.handshakes[0]).toMatchObject({ status: 200, echoed: true });
		expect(fake.handshakes[0].ms).toBeLessThan(HANDSHAKE_LIMIT_MS);
		expect(subscription()).toMatchObject({
			status: 'active',
			callbackUrl: url(),
			events: expect.arrayContaining(['application.created', 'job.created', 'candidate.deleted']),
		});
		console.log(
			`${major} handshake during activation at start: ${fake.handshakes[0].ms.toFixed(0)} ms`,
		);
		// The handshake started no execution.
		expect(n8n.executions(workflow.id)).toEqual([]);
	});

	it('a notification signed with the generated key: 202, one execution, ATS Normalize output', async () => {
		const body = fresh();
		const answer = await deliver(body, subscription().keys[0]);
		expect(answer).toMatchObject({ status: 202, body: '{"received":true}' });
		const executions = await n8n.settledExecutions(workflow.id, { atLeast: 1 });
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const items = n8n.executionItems(executions[0].id)!;
		expect(items['SmartRecruiters Trigger']).toEqual([
			expect.objectContaining({
				...body,
				_ats: expect.objectContaining({
					vendor: 'smartRecruiters',
					eventType: 'application.created',
					eventId: body.eventId,
					verified: true,
					valid: true,
				}),
			}),
		]);
		expect(items['ATS Normalize'][0]).toMatchObject({
			id: body.eventId,
			source: 'smartRecruiters',
			sourceType: 'application.created',
			type: 'application.created',
			application: { id: body.id },
			valid: true,
		});
		// A redelivery: 202 again, nothing runs.
		const again = await deliver(body, subscription().keys[0]);
		expect(again).toMatchObject({ status: 202, body: '{"received":true,"duplicate":true}' });
	});

	it('a forged notification: 401 and no execution', async () => {
		const before = n8n.executions(workflow.id).length;
		const forged = await deliver(fresh(), 'not-the-generated-key');
		expect(forged.status).toBe(401);
		expect(forged.body).not.toContain(subscription().keys[0]);
		const sentinel = fresh();
		await expectNoExecutionFor(n8n, {
			workflowId: workflow.id,
			before,
			sentinels: [{ body: sentinel, send: () => deliver(sentinel, subscription().keys[0]) }],
		});
	});

	it('deactivation through n8n deletes the subscription; activation through n8n answers the handshake inside create again', async () => {
		const { id } = subscription();
		const deactivating = performance.now();
		await rest('POST', `/workflows/${workflow.id}/deactivate`, {});
		const deactivateCallMs = performance.now() - deactivating;
		// n8n 2.x may finish a (de)activation after its API call answered.
		await until(() => fake.calls.includes(`DELETE ${SUBSCRIPTIONS}/${id}`));
		console.log(
			`${major} deactivation: API call ${deactivateCallMs.toFixed(0)} ms, subscription deleted after ${(performance.now() - deactivating).toFixed(0)} ms`,
		);
		expect(fake.calls).toContain(`DELETE ${SUBSCRIPTIONS}/${id}`);
		expect(fake.subscriptions.size).toBe(0);
		expect(
			(await post(url(), signedRequest('smartRecruiters', fresh(), { secretKeys: 'x' }))).status,
		).toBe(404);
		// The editor's Activate (1.x) / Publish (2.x): n8n is running and serving webhooks.
		const { versionId } = await rest('GET', `/workflows/${workflow.id}`);
		const started = performance.now();
		await rest('POST', `/workflows/${workflow.id}/activate`, { versionId });
		const activationMs = performance.now() - started;
		await until(() => fake.handshakes.length === 2 && fake.subscriptions.size === 1);
		expect(fake.handshakes).toHaveLength(2);
		expect(fake.handshakes[1]).toMatchObject({ status: 200, echoed: true });
		console.log(
			`${major} handshake during activation through n8n's API: ${fake.handshakes[1].ms.toFixed(0)} ms (activation call ${activationMs.toFixed(0)} ms)`,
		);
		// The new subscription's key is the one n8n now verifies with.
		const body = fresh();
		const answer = await deliver(body, subscription().keys[0]);
		expect(answer).toMatchObject({ status: 202, body: '{"received":true}' });
	});

	// Last: it reads what n8n logged and stored for every request above.
	it("no generated key (nor the API key) in n8n's debug log or in any stored execution", () => {
		const log = n8n.logText();
		// An info-only log would pass: it must hold n8n's debug line for each webhook call.
		expect(log).toContain('Received webhook "POST" for path');
		expect(fake.generatedKeys.length).toBeGreaterThanOrEqual(2);
		const stored = n8n
			.query(
				`SELECT data FROM execution_data WHERE "executionId" IN (SELECT id FROM execution_entity WHERE "workflowId" = '${workflow.id}')`,
			)
			.map((row: { data: string }) => row.data)
			.join('\n');
		expect(stored).toContain('smartRecruiters');
		const secrets = [...fake.generatedKeys, API_KEY];
		expect(secrets.filter((secret) => log.includes(secret))).toEqual([]);
		expect(secrets.filter((secret) => stored.includes(secret))).toEqual([]);
	});
});
