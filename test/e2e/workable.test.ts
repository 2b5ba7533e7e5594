/**
 * Workable in a real n8n (the packed tarball in .n8n/custom): a workflow whose Workable Trigger
 * creates its subscription on activation against a fake Workable API on 127.0.0.1 (never the
 * internet), receives a signed candidate payload that does not name its event (as Workable
 * sends it) and runs with the subscription's event as its type, answers a forged one 401 with
 * no execution, and deletes the subscription when the workflow is deactivated through n8n's
 * REST API. n8n 2.41.1 and 1.123.81; ATS_E2E_MAJORS=v2 (or v1) narrows it.
 */
import { post, sampleEvent, signedRequest } from '../../scripts/signing';
import { fakeWorkable, withoutEventType } from '../support/fakeWorkable';
import { createN8n, expectNoExecutionFor } from '../support/n8n';
import { until } from '../support/until';
import { TEST_SECRETS, testCredentials, triggerWorkflow } from '../support/workflows';

type N8n = Awaited<ReturnType<typeof createN8n>>;

const TOKEN = TEST_SECRETS.workable;
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'Workable-e2e-Passw0rd',
};
const majors = (process.env.ATS_E2E_MAJORS ?? 'v2,v1')
	.split(',')
	.map((m) => m.trim())
	.filter(Boolean);

describe.each(majors)('Workable Trigger in a real n8n %s', (major) => {
	let n8n: N8n;
	const api = fakeWorkable(TOKEN);
	const workflow = triggerWorkflow('workable', {
		id: `atsWorkableSub${major}`.padEnd(16, '0').slice(0, 16),
		webhookId: `workable-subscription-${major}`,
		parameters: { createSubscription: true, event: 'candidate_moved' },
	});
	const webhookPath = `${workflow.nodes[0].webhookId}/webhook`;
	const url = () => `${n8n.baseUrl}/webhook/${webhookPath}`;
	const send = (body: unknown, tamper = false) =>
		post(url(), signedRequest('workable', body, { apiToken: TOKEN }, { tamper }), 120_000);
	let sequence = 0;
	/** A candidate payload as Workable sends it: the candidate under data, no event_type. */
	const candidatePayload = () =>
		withoutEventType(sampleEvent('workable', 'candidate_moved', ++sequence, Date.now()));
	/** The subscription id activation stored in the workflow's static data, once it has. */
	const subscriptionIdStored = (): string | undefined => {
		const [row] = n8n.query(`SELECT staticData FROM workflow_entity WHERE id = '${workflow.id}'`);
		return JSON.parse(row?.staticData ?? '{}')['node:Workable Trigger']?.workableSubscriptionId;
	};
	/** A sentinel whose item is its body: it names its event itself. */
	const sentinel = () => {
		const body = sampleEvent('workable', 'candidate_moved', 90_000 + ++sequence, Date.now());
		return { body, send: () => send(body) };
	};

	beforeAll(async () => {
		const baseUrl = await api.listen();
		n8n = await createN8n(major);
		n8n.importCredentials(
			testCredentials()
				.filter((credential) => credential.type === 'workableApi')
				.map((credential) => ({
					...credential,
					data: { ...credential.data, subdomain: 'groove-tech', baseUrl },
				})),
		);
		n8n.importWorkflows([workflow]);
		await n8n.start();
		await n8n.waitForWebhook(webhookPath);
		// n8n can serve the webhook before activation has stored what the subscription returned.
		await until(() => subscriptionIdStored() !== undefined);
	});

	afterAll(async () => {
		await n8n?.stop();
		await api.close();
	});

	it("activation subscribed this node's production URL to its event, with the credential's token", () => {
		const posts = api.calls.filter((call) => call.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatchObject({
			path: '/spi/v3/subscriptions',
			authorization: `Bearer ${TOKEN}`,
			body: { target: url(), event: 'candidate_moved' },
		});
		expect(api.subscriptions.size).toBe(1);
		expect(subscriptionIdStored()).toBe('9001');
	});

	it('a signed candidate payload without event_type: one execution, typed by the subscription, normalized', async () => {
		const body = candidatePayload();
		const before = (await n8n.settledExecutions(workflow.id, { quietMs: 300 })).length;
		const answer = await send(body);
		expect(answer).toMatchObject({ status: 200, body: '{"received":true}' });
		const executions = await n8n.settledExecutions(workflow.id, { atLeast: before + 1 });
		expect(executions.slice(before).map((execution) => execution.status)).toEqual(['success']);
		const items = n8n.executionItems(executions[before].id)!;
		const [item] = items['Workable Trigger'];
		const { _ats: metadata, ...fields } = item;
		expect(fields).toEqual({ ...body, event_type: 'candidate_moved' });
		expect(metadata).toMatchObject({
			vendor: 'workable',
			eventType: 'candidate_moved',
			verified: true,
			valid: true,
		});
		expect(items['ATS Normalize'][0]).toMatchObject({
			source: 'workable',
			sourceType: 'candidate_moved',
			type: 'application.stage_changed',
			candidate: { name: 'Cindy Sawyers' },
			job: { title: 'Office Manager', code: 'GROOV005' },
			summary: "Cindy Sawyers's application for Office Manager moved to Phone Screen (Workable)",
		});
	});

	it('a forged and an unsigned delivery: 401 and no execution', async () => {
		const before = (await n8n.settledExecutions(workflow.id, { quietMs: 300 })).length;
		const forged = await send(candidatePayload(), true);
		expect(forged.status).toBe(401);
		expect(JSON.parse(forged.body)).toEqual({
			error: 'unauthorized',
			reason: 'signature mismatch',
		});
		const unsigned = await post(url(), {
			headers: { 'Content-Type': 'application/json' },
			payload: JSON.stringify(candidatePayload()),
		});
		expect(unsigned.status).toBe(401);
		await expectNoExecutionFor(n8n, { workflowId: workflow.id, before, sentinels: [sentinel()] });
	});

	it('deactivating the workflow (n8n REST API) deletes the subscription', async () => {
		const setup = await fetch(`${n8n.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		expect(setup.status).toBe(200);
		const login = await fetch(`${n8n.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		expect(login.status).toBe(200);
		const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
		const deactivate = await fetch(`${n8n.baseUrl}/rest/workflows/${workflow.id}/deactivate`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie },
			body: '{}',
		});
		expect(deactivate.status).toBe(200);
		// n8n may tear the active version down after answering (its publication outbox): wait for it.
		await until(() => api.calls.some((call) => call.method === 'DELETE'));
		const deletes = api.calls.filter((call) => call.method === 'DELETE');
		expect(deletes).toEqual([
			{
				method: 'DELETE',
				path: '/spi/v3/subscriptions/9001',
				authorization: `Bearer ${TOKEN}`,
				body: undefined,
			},
		]);
		expect(api.subscriptions.size).toBe(0);
		// The webhook is gone with it.
		const deadline = Date.now() + 60_000;
		let after = await send(candidatePayload());
		while (Date.now() < deadline && after.status !== 404) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			after = await send(candidatePayload());
		}
		expect(after.status).toBe(404);
		// n8n's log never holds the token.
		expect(n8n.logText()).not.toContain(TOKEN);
	});
});
