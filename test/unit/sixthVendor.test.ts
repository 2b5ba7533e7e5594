/**
 * The recipe in docs/adding-a-vendor.md, proved with a throwaway sixth vendor, "Acme"
 * (test/fixtures/nodes/AcmeTrigger: schema, vendor definition, trigger node; its test kit in
 * test/fixtures/kits/acme). It is
 * added to the registry as one entry, exactly what a new line in nodes/vendors.ts does, and
 * no other file knows it. It must then work everywhere the product reads the registry: the
 * shared webhook pipeline in n8n-core's real WebhookContext, ATS Normalize, the output schema
 * generation the build runs, and the simulator's signing.
 */
import Ajv2020 from 'ajv/dist/2020';
import { loadOutputSchema, resolveOutputSchemaPath } from 'n8n-core';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { AtsNormalize } from '../../nodes/AtsNormalize/AtsNormalize.node';
import { normalizeEvent } from '../../nodes/AtsNormalize/normalize';
import { triggerItemJsonSchema } from '../../nodes/shared/metadata';
import { vendorList, vendors } from '../../nodes/vendors';
import { signingFor } from '../../scripts/signing';
import { loadTestKit, triggerOutputSchemas } from '../../scripts/vendor-kits';
import { callWebhook, executeTrigger } from '../support/context';
import { FIXTURE_KITS_DIR, FIXTURE_NODES_DIR, KITS_DIR, NODES_DIR, credentialsOf, underTest, vendorsUnderTest } from '../support/vendors';

// The one registry entry. Everything imported above reads nodes/vendors and gets this.
jest.mock('../../nodes/vendors', () => {
	const actual = jest.requireActual('../../nodes/vendors');
	const { acmeVendor } = jest.requireActual('../fixtures/nodes/AcmeTrigger/acme.vendor');
	return { vendors: { ...actual.vendors, acme: acmeVendor }, vendorList: [...actual.vendorList, acmeVendor] };
});

const SECRET = 'acme-test-secret';
const { vendor: acme, kit, node } = underTest('acme');
const credentials = credentialsOf(kit, SECRET);
// The simulator's signing helpers (scripts/signing.js) over this registry.
const simulator = signingFor(vendors, (vendor: typeof acme) => loadTestKit(vendor, [KITS_DIR, FIXTURE_KITS_DIR]));
let sequence = 0;

function delivery(eventType: string, body?: Record<string, unknown>) {
	const nowMs = Date.now();
	const { headers, payload } = simulator.signedRequest('acme', body ?? simulator.sampleEvent('acme', eventType, ++sequence, nowMs), credentials, { nowMs });
	return { rawBody: payload as string, headers: headers as Record<string, string> };
}

const receive = (request: { rawBody: string; headers: Record<string, string> }, parameters = {}) =>
	callWebhook(node, { ...request, credentials, parameters, workflowId: `wf-acme-${++sequence}` });

it('the registry holds the five vendors plus Acme, and nothing else changed', () => {
	const actual = jest.requireActual('../../nodes/vendors') as { vendorList: Array<{ key: string }> };
	expect(vendorList.map((vendor) => vendor.key)).toEqual([...actual.vendorList.map((vendor) => vendor.key), 'acme']);
	expect(vendorsUnderTest.map((entry) => entry.key)).toContain('acme');
});

describe('the shared webhook pipeline, in n8n-core WebhookContext', () => {
	it('a signed Acme event: one item, the body plus _ats (vendor, type, id, verified, valid)', async () => {
		const request = delivery('candidate.hired');
		const { items, response } = await receive(request);
		expect(response.statusCode).toBe(200);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject(JSON.parse(request.rawBody));
		expect(items[0].json._ats).toMatchObject({ vendor: 'acme', eventType: 'candidate.hired', verified: true, valid: true, issues: [] });
		expect((items[0].json._ats as IDataObject).eventId).toBe(JSON.parse(request.rawBody).event_id);
	});

	it('forged and unsigned: 401, no execution; a redelivery: 200, no execution', async () => {
		const request = delivery('candidate.applied');
		const forged = simulator.signedRequest('acme', JSON.parse(request.rawBody), credentials, { tamper: true });
		expect((await receive({ rawBody: forged.payload, headers: forged.headers })).response.statusCode).toBe(401);
		const unsigned = await receive({ rawBody: request.rawBody, headers: {} });
		expect(unsigned.response.statusCode).toBe(401);
		expect(unsigned.result.workflowData).toBeUndefined();
		const workflowId = `wf-acme-dedupe-${++sequence}`;
		const first = await callWebhook(node, { ...request, credentials, workflowId });
		const again = await callWebhook(node, { ...request, credentials, workflowId });
		expect(first.items).toHaveLength(1);
		expect(again.result.webhookResponse).toEqual({ received: true, duplicate: true });
		expect(await executeTrigger(node, first.workflow, first.items)).toEqual([[{ ...first.items[0], pairedItem: { item: 0 } }]]);
	});

	it('the event filter offers and applies Acme’s events; an unknown type is emitted, flagged', async () => {
		const events = node.description.properties.find((property) => property.name === 'events')!;
		expect((events.options as INodePropertyOptions[]).map((option) => option.value)).toEqual(['*', 'candidate.applied', 'candidate.hired', 'job.opened']);
		const ignored = await receive(delivery('job.opened'), { events: ['candidate.hired'] });
		expect(ignored.result.webhookResponse).toEqual({ received: true, ignored: 'event type not selected' });
		const body = { ...simulator.sampleEvent('acme', 'job.opened', ++sequence), event: 'job.archived' };
		const unknown = await receive(delivery('job.opened', body), { events: ['candidate.hired'] });
		expect(unknown.items).toHaveLength(1);
		expect(unknown.items[0].json._ats).toMatchObject({ valid: false });
	});
});

describe('ATS Normalize', () => {
	it('reads the trigger item: canonical type from Acme’s mapping, fields, summary', async () => {
		const { items } = await receive(delivery('candidate.hired'));
		const event = normalizeEvent(items[0].json);
		expect(event).toMatchObject({
			source: 'acme',
			sourceType: 'candidate.hired',
			type: kit.expectedTypes['candidate.hired'],
			occurredAt: '2026-01-05T10:00:00.000Z',
			candidate: { id: 'c_1', name: 'Ada Lovelace', email: 'ada@example.com' },
			job: { id: 'j_1', title: 'Engine Designer' },
			valid: true,
		});
		expect(event.summary).toMatch(/Ada Lovelace.*\(Acme\)$/);
	});

	it('recognises Acme by shape alone, and no other vendor claims it (nor Acme theirs)', () => {
		for (const entry of vendorsUnderTest) {
			for (const sample of entry.kit.samples) {
				const claimedBy = vendorList.filter((vendor) => vendor.looksLike(sample.body)).map((vendor) => vendor.key);
				expect([entry.key, sample.title, claimedBy]).toEqual([entry.key, sample.title, [entry.key]]);
			}
		}
		expect(normalizeEvent(kit.samples[2].body)).toMatchObject({ source: 'acme', type: 'job.published' });
	});

	it('the node offers Acme as a Source and reads a payload as Acme when chosen', async () => {
		const normalizeNode = new AtsNormalize();
		const source = normalizeNode.description.properties.find((property) => property.name === 'source')!;
		expect(source.options).toContainEqual({ name: 'Acme', value: 'acme' });
		expect(normalizeNode.description.description).toContain('Acme');
		const items: INodeExecutionData[] = [{ json: kit.samples[0].body as IDataObject }];
		const context = {
			getInputData: () => items,
			getNodeParameter: (name: string, _index: number, fallback: unknown) => ({ source: 'acme' })[name as 'source'] ?? fallback,
			continueOnFail: () => false,
			getNode: () => ({ name: 'ATS Normalize', type: 'CUSTOM.atsNormalize', typeVersion: 1, parameters: {}, id: 'n', position: [0, 0] }),
		} as unknown as IExecuteFunctions;
		const [output] = await normalizeNode.execute.call(context);
		expect(output[0].json).toMatchObject({ source: 'acme', type: 'application.created' });
	});
});

describe('output schema generation (what gulp runs)', () => {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acme-schema-'));
	afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

	it('writes Acme’s schema where n8n looks it up for every version of the node, and it fits Acme’s items', async () => {
		const files = triggerOutputSchemas(vendorList, triggerItemJsonSchema, [NODES_DIR, FIXTURE_NODES_DIR]) as Record<string, object>;
		for (const [file, schema] of Object.entries(files)) {
			fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
			fs.writeFileSync(path.join(out, file), JSON.stringify(schema));
		}
		const nodeDir = path.join(out, acme.triggerNode);
		const versions = [node.description.version].flat();
		expect(versions.length).toBeGreaterThan(0);
		const { items } = await receive(delivery('candidate.applied'));
		for (const version of versions) {
			// n8n's own resolver (n8n-core), with the lookup it does for a node's output.
			const found = resolveOutputSchemaPath({ nodeDir, version, versionFallback: true });
			expect(found && path.relative(nodeDir, found)).toBe(path.join('__schema__', `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}.json`));
			const validate = new Ajv2020({ strict: false }).compile(loadOutputSchema({ nodeDir, version, versionFallback: true })!);
			expect(validate(items[0].json) ? [] : validate.errors).toEqual([]);
			expect(validate(kit.samples[0].body)).toBe(false); // _ats is required
		}
	});
});

describe("the simulator's signing", () => {
	it('lists Acme’s examples and signs what Acme’s verifier accepts (and nothing forged)', () => {
		expect(simulator.exampleTypes('acme')).toEqual(['candidate.applied', 'candidate.hired', 'job.opened']);
		expect(simulator.typicalEvent('acme')).toBe('candidate.applied');
		const nowMs = Date.now();
		const genuine = simulator.signedRequest('acme', simulator.sampleEvent('acme', 'job.opened', 1, nowMs), credentials, { nowMs });
		const check = (request: { headers: Record<string, string>; payload: string }) =>
			acme.verify({
				rawBody: Buffer.from(request.payload),
				headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])),
				credentials,
				nowMs,
				toleranceSeconds: 300,
			});
		expect(check(genuine)).toEqual({ ok: true });
		expect(check(simulator.signedRequest('acme', JSON.parse(genuine.payload), credentials, { nowMs, tamper: true })).ok).toBe(false);
	});
});
