/**
 * Knit self-registration against a fake Knit API on 127.0.0.1 (never the internet): real
 * HTTP requests, Knit's documented sync.start body, and its error answers.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { knitWebhookMethods } from '../../nodes/KnitTrigger/knit.registration';
import { KnitTrigger } from '../../nodes/KnitTrigger/KnitTrigger.node';

interface Recorded { path: string; headers: http.IncomingHttpHeaders; body: IDataObject }
let server: http.Server;
let baseUrl: string;
const requests: Recorded[] = [];
let nextAnswer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			requests.push({ path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} });
			res.writeHead(nextAnswer.status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(nextAnswer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (requests.length = 0));

const WEBHOOK_URL = 'https://n8n.example.com/webhook/abc/webhook';

function hookContext(parameters: IDataObject, staticData: IDataObject) {
	const warnings: string[] = [];
	const context = {
		getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
		getNodeWebhookUrl: () => WEBHOOK_URL,
		getWorkflowStaticData: () => staticData,
		getNode: () => ({ name: 'Knit Trigger', type: 'CUSTOM.knitTrigger', typeVersion: 1, id: 'k', position: [0, 0], parameters: {} }),
		logger: { warn: (message: string) => warnings.push(message) },
		helpers: {
			// What n8n does for a credential with `authenticate`: add the header, send the request.
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const response = await fetch(options.url, {
					method: options.method,
					headers: { ...(options.headers as Record<string, string>), Authorization: 'Bearer knit-key', 'Content-Type': 'application/json' },
					body: JSON.stringify(options.body),
				});
				const body = await response.json();
				if (!response.ok) throw Object.assign(new Error(`Request failed with status code ${response.status}`), { httpCode: String(response.status), description: JSON.stringify(body) });
				return body;
			},
		},
	} as unknown as IHookFunctions;
	return { context, warnings };
}

// n8n fills in parameter defaults before a hook runs; the stub takes them from the node description.
const defaultModels = new KnitTrigger().description.properties.find((property) => property.name === 'models')!.default;
const registering = () => ({ registerWebhook: true, integrationId: 'int_42', knitApiUrl: baseUrl, models: defaultModels });

it('does nothing when registration is off', async () => {
	const { context } = hookContext({ registerWebhook: false }, {});
	expect(await knitWebhookMethods.default.checkExists.call(context)).toBe(true);
	expect(await knitWebhookMethods.default.create.call(context)).toBe(true);
	expect(requests).toHaveLength(0);
});

it('starts a sync with this webhook as destination, then pauses it on deactivation', async () => {
	const staticData: IDataObject = {};
	const { context } = hookContext(registering(), staticData);
	nextAnswer = { status: 200, body: { success: true, data: { syncJobId: 'sj_123' } } };
	expect(await knitWebhookMethods.default.checkExists.call(context)).toBe(false);
	expect(await knitWebhookMethods.default.create.call(context)).toBe(true);
	expect(requests[0].path).toBe('/v1.0/sync.start');
	expect(requests[0].headers.authorization).toBe('Bearer knit-key');
	expect(requests[0].headers['x-knit-integration-id']).toBe('int_42');
	expect(requests[0].body).toEqual({
		models: [
			'application_info',
			'application_stage',
			'application_interviews',
			'application_rejection',
			'application_offers',
			'application_attachments',
		],
		frequency: 'standard',
		destination: WEBHOOK_URL,
		dataType: 'ats_applications',
	});
	expect(staticData).toEqual({ knitSyncJobId: 'sj_123', knitDestination: WEBHOOK_URL });
	expect(await knitWebhookMethods.default.checkExists.call(context)).toBe(true);

	nextAnswer = { status: 200, body: { success: true } };
	expect(await knitWebhookMethods.default.delete.call(context)).toBe(true);
	expect(requests[1]).toMatchObject({ path: '/v1.0/sync.pause', body: { syncJobId: 'sj_123' } });
	expect(staticData).toEqual({});
});

it('sends the chosen models and data type', async () => {
	const { context } = hookContext({ ...registering(), models: 'application_info, application_stage', dataType: 'ats_jobs' }, {});
	nextAnswer = { status: 200, body: { success: true, data: { syncJobId: 'sj_9' } } };
	await knitWebhookMethods.default.create.call(context);
	expect(requests[0].body).toMatchObject({ models: ['application_info', 'application_stage'], dataType: 'ats_jobs' });
});

it.each([
	['an HTTP error', { status: 401, body: { success: false, error: { msg: 'Invalid API key' } } }, /sync\.start failed/],
	['a 200 that says success: false', { status: 200, body: { success: false, error: { msg: 'integration not found' } } }, /refused: .*integration not found/],
	['a 200 without a syncJobId', { status: 200, body: { success: true, data: {} } }, /without a syncJobId/],
])('fails activation clearly on %s and stores nothing', async (_name, answer, message) => {
	const staticData: IDataObject = {};
	const { context } = hookContext(registering(), staticData);
	nextAnswer = answer;
	const error = await knitWebhookMethods.default.create.call(context).catch((e: Error) => e);
	expect(error).toBeInstanceOf(Error);
	expect((error as Error).constructor.name).toBe('NodeApiError');
	expect((error as Error).message).toMatch(message);
	expect(staticData).toEqual({});
});

it('requires an integration id before calling Knit', async () => {
	const { context } = hookContext({ registerWebhook: true, knitApiUrl: baseUrl }, {});
	await expect(knitWebhookMethods.default.create.call(context)).rejects.toThrow(/Integration ID is required/);
	expect(requests).toHaveLength(0);
});

it('keeps the sync id when pausing fails, so the next deactivation retries', async () => {
	const staticData: IDataObject = { knitSyncJobId: 'sj_7', knitDestination: WEBHOOK_URL };
	const { context, warnings } = hookContext(registering(), staticData);
	nextAnswer = { status: 500, body: { success: false } };
	expect(await knitWebhookMethods.default.delete.call(context)).toBe(false);
	expect(staticData.knitSyncJobId).toBe('sj_7');
	expect(warnings[0]).toMatch(/Could not pause Knit sync sj_7/);
});
