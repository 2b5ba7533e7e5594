/**
 * The holes of the security review (issue "Close the holes a security review found"), each
 * through the real n8n-core contexts the triggers run in. Every test here failed on the code
 * before its fix.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type { INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { AtsNormalize } from '../../nodes/AtsNormalize/AtsNormalize.node';
import { normalizeEvent, UnreadableItemError } from '../../nodes/AtsNormalize/normalize';
import { KeldairHrTrigger } from '../../nodes/KeldairHrTrigger/KeldairHrTrigger.node';
import { KomboTrigger } from '../../nodes/KomboTrigger/KomboTrigger.node';
import { StartupKitTrigger } from '../../nodes/StartupKitTrigger/StartupKitTrigger.node';
import { verifyStartupKitSignature } from '../../nodes/StartupKitTrigger/startupKit.trigger';
import {
	MEMORY_SLOTS,
	PROCESS_MEMORY_MB,
	PROCESS_SLOTS,
	BYTES_PER_MEMORY_SLOT,
	claimInMemory,
	existingMemoryStore,
	forgetMemoryStores,
	saveDurableCopy,
	slotsInProcess,
} from '../../nodes/shared/dedupeMemory';
import { TOLERANCE_SECONDS, toleranceSecondsOf } from '../../nodes/shared/pipeline';
import { vendorList } from '../../nodes/vendors';
import { signedDelivery } from '../kits/vendor.testing';
import { callWebhook, triggerNode, workflowOf } from '../support/context';
import { credentialsOf, kitOf, signing, vendorsUnderTest } from '../support/vendors';

const SECRET = 'unit-test-secret-value';
const HOUR = 3_600_000;
let sequence = 0;
const parametersOf = (key: string) => (kitOf(key).verifyingParameters ?? {}) as INodeParameters;

afterEach(() => {
	jest.restoreAllMocks();
	forgetMemoryStores();
});

describe('2. KeldairHR without a signature: a sender cannot suppress a later event', () => {
	const deliver = (body: unknown, workflowId: string, parameters = {}) =>
		callWebhook(new KeldairHrTrigger(), {
			rawBody: typeof body === 'string' ? body : JSON.stringify(body),
			headers: { 'content-type': 'application/json' },
			parameters,
			workflowId,
		});
	const genuine = {
		id: 'evt-42',
		type: 'applicant.hired',
		version: '1',
		dateOccurred: '2026-12-01T10:00:00Z',
		data: { id: 'a-1' },
	};

	it('an unverified post of event id X first does not make the genuine X a redelivery', async () => {
		const workflowId = `wf-poison-${++sequence}`;
		const forged = await deliver({ id: 'evt-42', type: 'applicant.updated', data: {} }, workflowId);
		expect(forged.items).toHaveLength(1);
		const real = await deliver(genuine, workflowId);
		expect(real.response.body).toBeUndefined();
		expect(real.result.webhookResponse).toBeUndefined();
		expect(real.items).toHaveLength(1);
		expect(real.items[0].json._ats).toMatchObject({ eventId: 'evt-42', verified: false });
		expect((real.items[0].json._ats as { deliveryKey: string }).deliveryKey).not.toBe(
			(forged.items[0].json._ats as { deliveryKey: string }).deliveryKey,
		);
	});

	it('a byte-identical unverified repeat is still dropped', async () => {
		const workflowId = `wf-repeat-${++sequence}`;
		expect((await deliver(genuine, workflowId)).items).toHaveLength(1);
		const repeat = await deliver(genuine, workflowId);
		expect(repeat.items).toHaveLength(0);
		expect(repeat.result.webhookResponse).toMatchObject({ duplicate: true });
	});

	it('with Signature, the event id alone identifies the event (a re-serialised retry is a redelivery)', async () => {
		const workflowId = `wf-signed-${++sequence}`;
		const send = (text: string) =>
			callWebhook(new KeldairHrTrigger(), {
				rawBody: text,
				headers: {
					'content-type': 'application/json',
					...kitOf('keldairHr').sign(text, credentialsOf(kitOf('keldairHr'), SECRET), Date.now()),
				},
				credentials: credentialsOf(kitOf('keldairHr'), SECRET),
				parameters: { authentication: 'signature' },
				workflowId,
			});
		expect((await send(JSON.stringify(genuine))).items).toHaveLength(1);
		expect((await send(JSON.stringify(genuine, null, 2))).items).toHaveLength(0);
	});

	it('the node says what dedupe means without a signature', () => {
		const notices = new KeldairHrTrigger().description.properties.filter(
			(property) => property.type === 'notice',
		);
		expect(
			notices.some(
				(notice) =>
					/byte-identical/.test(notice.displayName) &&
					/event ID alone is not trusted/.test(notice.displayName),
			),
		).toBe(true);
	});
});

describe('4. the replay window never fails open on a stored tolerance', () => {
	const dayOld = () => {
		const rawBody = JSON.stringify(
			signing.sampleEvent('startupKit', 'offer.accepted', ++sequence, Date.now()),
		);
		const credentials = credentialsOf(kitOf('startupKit'), SECRET);
		return {
			rawBody,
			credentials,
			headers: {
				'content-type': 'application/json',
				...kitOf('startupKit').sign(rawBody, credentials, Date.now() - 24 * HOUR),
			},
		};
	};

	it.each([
		['x'],
		[Number.NaN],
		[1e12],
		[Number.POSITIVE_INFINITY],
		['1e12'],
		[null],
		[{}],
		[-5],
		[0],
	])('tolerance %p: a day-old signed StartupKit request is refused', async (toleranceSeconds) => {
		const { result, response } = await callWebhook(new StartupKitTrigger(), {
			...dayOld(),
			parameters: { options: { toleranceSeconds } },
			workflowId: `wf-tolerance-${++sequence}`,
		});
		expect(response.statusCode).toBe(401);
		expect(response.body).toMatchObject({ reason: 'timestamp outside the tolerance window' });
		expect(result.workflowData).toBeUndefined();
	});

	it('a stored value is clamped to the editor range, a non-number gets the default', () => {
		expect(toleranceSecondsOf(1e12)).toBe(TOLERANCE_SECONDS.max);
		expect(toleranceSecondsOf(-5)).toBe(TOLERANCE_SECONDS.min);
		expect(toleranceSecondsOf(0)).toBe(TOLERANCE_SECONDS.min);
		expect(toleranceSecondsOf('x')).toBe(TOLERANCE_SECONDS.default);
		expect(toleranceSecondsOf(Number.NaN)).toBe(TOLERANCE_SECONDS.default);
		expect(toleranceSecondsOf(undefined)).toBe(TOLERANCE_SECONDS.default);
		expect(toleranceSecondsOf('600')).toBe(600);
		expect(toleranceSecondsOf(600)).toBe(600);
	});

	// Which verifiers check the sender's time is found by what they do (a request signed two
	// hours ago is refused), not read from the declaration it checks.
	it.each(vendorsUnderTest.map((v) => [v.key, v] as const))(
		'%s: a verifier that refuses a stale request declares signedTime, and only then does its node offer the tolerance, with the editor range the pipeline clamps to',
		(_key, v) => {
			const credentials = credentialsOf(v.kit, 'tolerance-option-secret');
			const verdictAt = (signedAtMs: number, sequence: number) => {
				const body = v.kit.freshSample(v.kit.samples[0], sequence, signedAtMs);
				const request = signedDelivery(v.kit, body, credentials, signedAtMs);
				return v.trigger.verify({
					rawBody: Buffer.from(request.rawBody),
					headers: Object.fromEntries(
						Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
					),
					credentials,
					nowMs: Date.now(),
					toleranceSeconds: TOLERANCE_SECONDS.default,
				});
			};
			expect(verdictAt(Date.now(), 9_001).ok).toBe(true);
			const checksTime = !verdictAt(Date.now() - 2 * HOUR, 9_002).ok;
			expect(v.trigger.signedTime !== undefined).toBe(checksTime);
			const option = v.node.description.properties
				.find((property) => property.name === 'options')
				?.options?.find((option) => 'name' in option && option.name === 'toleranceSeconds') as
				| { typeOptions?: { minValue?: number; maxValue?: number }; default?: unknown }
				| undefined;
			if (!checksTime) {
				expect(option).toBeUndefined();
				return;
			}
			expect(option?.typeOptions).toEqual({
				minValue: TOLERANCE_SECONDS.min,
				maxValue: TOLERANCE_SECONDS.max,
			});
			expect(option?.default).toBe(TOLERANCE_SECONDS.default);
		},
	);

	it('an hour-old request is refused even at the largest tolerance the editor allows (1e12 is clamped to 3600 s)', async () => {
		const rawBody = JSON.stringify(
			signing.sampleEvent('startupKit', 'offer.accepted', ++sequence, Date.now()),
		);
		const credentials = credentialsOf(kitOf('startupKit'), SECRET);
		const at = (ageMs: number) =>
			callWebhook(new StartupKitTrigger(), {
				rawBody,
				credentials,
				headers: {
					'content-type': 'application/json',
					...kitOf('startupKit').sign(rawBody, credentials, Date.now() - ageMs),
				},
				parameters: { options: { toleranceSeconds: 1e12 } },
				workflowId: `wf-clamp-${++sequence}`,
			});
		expect((await at(3_000_000)).items).toHaveLength(1);
		expect((await at(3_700_000)).response.statusCode).toBe(401);
	});

	it('the verifier itself refuses every timestamp when handed a NaN window', () => {
		const rawBody = Buffer.from('{"event":"test.ping"}');
		const credentials = credentialsOf(kitOf('startupKit'), SECRET);
		const headers = Object.fromEntries(
			Object.entries(kitOf('startupKit').sign(rawBody, credentials, Date.now())).map(
				([name, value]) => [name.toLowerCase(), value],
			),
		);
		const result = verifyStartupKitSignature({
			rawBody,
			headers,
			credentials,
			nowMs: Date.now(),
			toleranceSeconds: Number.NaN,
		});
		expect(result).toEqual({ ok: false, reason: 'timestamp outside the tolerance window' });
	});
});

describe('6. a missing or deleted credential is answered 401, never 500', () => {
	const verifying = vendorsUnderTest.filter(
		({ kit }) =>
			kit.verifyingParameters === undefined || Object.keys(kit.verifyingParameters).length > 0,
	);

	it.each(verifying.map(({ key, node }) => [key, node] as const))(
		'%s: no credential set on the node',
		async (key, node) => {
			const parameters = parametersOf(key);
			const bare = triggerNode(node, parameters);
			bare.credentials = {};
			const rawBody = JSON.stringify(
				signing.sampleEvent(key, signing.typicalEvent(key), ++sequence, Date.now()),
			);
			const { result, response } = await callWebhook(node, {
				rawBody,
				headers: { 'content-type': 'application/json' },
				workflow: workflowOf(`wf-nocred-${++sequence}`, [[bare, node]]),
			});
			expect(response.statusCode).toBe(401);
			expect(response.body).toEqual({
				error: 'unauthorized',
				reason: expect.stringMatching(/^no credential/),
			});
			expect(result.workflowData).toBeUndefined();
		},
	);

	it.each(verifying.map(({ key, node }) => [key, node] as const))(
		'%s: the credential was deleted',
		async (key, node) => {
			jest
				.spyOn(WebhookContext.prototype, 'getCredentials')
				.mockRejectedValue(
					new Error(`Credential with ID "cred-1" does not exist for type "${key}Api".`),
				);
			const rawBody = JSON.stringify(
				signing.sampleEvent(key, signing.typicalEvent(key), ++sequence, Date.now()),
			);
			const { result, response } = await callWebhook(node, {
				rawBody,
				headers: { 'content-type': 'application/json' },
				parameters: parametersOf(key),
				workflowId: `wf-deleted-${++sequence}`,
			});
			expect(response.statusCode).toBe(401);
			expect(response.body).toEqual({
				error: 'unauthorized',
				reason: expect.stringMatching(/^no credential/),
			});
			expect(result.workflowData).toBeUndefined();
		},
	);
});

describe('6b. a credential n8n could not load (its database failing) is answered 503, which vendors retry', () => {
	it.each(vendorsUnderTest.map(({ key, node }) => [key, node] as const))(
		'%s',
		async (key, node) => {
			jest
				.spyOn(WebhookContext.prototype, 'getCredentials')
				.mockRejectedValue(new Error('Pool is disposed'));
			const rawBody = JSON.stringify(
				signing.sampleEvent(key, signing.typicalEvent(key), ++sequence, Date.now()),
			);
			const { result, response } = await callWebhook(node, {
				rawBody,
				headers: { 'content-type': 'application/json' },
				parameters: parametersOf(key),
				workflowId: `wf-unloadable-${++sequence}`,
			});
			jest.restoreAllMocks();
			expect(response.statusCode).toBe(503);
			expect(response.body).toEqual({
				error: 'unavailable',
				reason: 'credential could not be loaded; retry later',
			});
			expect(result.workflowData).toBeUndefined();
		},
	);
});

describe('a genuine request whose bytes n8n did not keep (no or an unknown Content-Type)', () => {
	it.each(vendorsUnderTest.map(({ key, node, kit }) => [key, node, kit] as const))(
		'%s: 401 that says why, not "signature mismatch"; nothing starts',
		async (key, node, kit) => {
			const credentials = credentialsOf(kit, 'no-raw-body-secret');
			const body = signing.sampleEvent(key, signing.typicalEvent(key), ++sequence, Date.now());
			const { headers, payload } = signing.signedRequest(key, body, credentials);
			const call = {
				rawBody: payload,
				credentials,
				parameters: parametersOf(key),
				workflowId: `wf-noraw-${++sequence}`,
			};
			const { result, response } = await callWebhook(node, {
				...call,
				headers,
				withoutRawBody: true,
			});
			expect(response.statusCode).toBe(401);
			expect(response.body).toEqual({
				error: 'unauthorized',
				reason: expect.stringMatching(/^no request body to verify/),
			});
			expect(result.workflowData).toBeUndefined();
			// The same request with its bytes is genuine: the 401 above is the missing bytes'.
			expect(
				(await callWebhook(node, { ...call, headers, workflowId: `wf-raw-${++sequence}` })).items,
			).toHaveLength(1);
		},
	);
});

describe('7. ATS Normalize looks vendors and types up by own properties only', () => {
	const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

	it.each(inherited)('Source "%s" is an unknown source', (source) => {
		expect(() => normalizeEvent({ a: 1 }, { source })).toThrow(
			new UnreadableItemError(`Unknown source "${source}"`),
		);
	});

	it.each(inherited)('_ats.vendor "%s" falls back to the payload shape', (vendor) => {
		const body = signing.sampleEvent(
			'kombo',
			signing.typicalEvent('kombo'),
			++sequence,
			Date.now(),
		);
		expect(normalizeEvent({ ...body, _ats: { vendor } }).source).toBe('kombo');
		expect(() => normalizeEvent({ unrelated: true, _ats: { vendor } })).toThrow(
			UnreadableItemError,
		);
	});

	it.each(inherited)(
		'event type "%s" maps to other for every vendor, and KeldairHR resource/action "%s" reads as text',
		(name) => {
			for (const vendor of vendorList) {
				const body = signing.sampleEvent(
					vendor.key,
					signing.typicalEvent(vendor.key),
					++sequence,
					Date.now(),
				);
				const event = normalizeEvent({ ...body, _ats: { vendor: vendor.key, eventType: name } });
				expect(typeof event.summary).toBe('string');
			}
			for (const type of [`${name}.created`, `offer.${name}`, `interview.${name}`]) {
				const event = normalizeEvent(
					{ id: 'k-1', type, version: '1', dateOccurred: null, data: {} },
					{ source: 'keldairHr' },
				);
				expect(typeof event.type).toBe('string');
				expect(event.type).not.toMatch(/function|native code/);
				expect(typeof event.summary).toBe('string');
			}
		},
	);

	it('the node answers the clear message for Source "__proto__" (no TypeError)', async () => {
		const node: INode = {
			id: 'n',
			name: 'ATS Normalize',
			type: 'CUSTOM.atsNormalize',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const { ExecuteContext } = await import('n8n-core');
		const nodeType = new AtsNormalize();
		const workflow = new Workflow({
			id: 'wf-normalize',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => nodeType,
				getByNameAndVersion: () => nodeType,
				getKnownTypes: () => ({}),
			},
		});
		node.parameters = { source: '__proto__' };
		const items = [{ json: { a: 1 } }];
		const inputData = { main: [items] };
		const context = new ExecuteContext(
			workflow,
			node,
			{} as IWorkflowExecuteAdditionalData,
			'manual',
			{ resultData: { runData: {} } } as never,
			0,
			items,
			inputData,
			{ node, data: inputData, source: null },
			[],
		);
		await expect(nodeType.execute.call(context)).rejects.toThrow('Unknown source "__proto__"');
	});
});

describe('8. the in-process store is bounded per n8n process and released on deactivation', () => {
	const identity = (index: number) => {
		const key = `k${index.toString(36).padStart(8, '0')}`;
		return { slot: key, fingerprint: key };
	};

	it(`the bound is stated in MB and is what the slots cost (${PROCESS_MEMORY_MB} MB)`, () => {
		expect(PROCESS_SLOTS * BYTES_PER_MEMORY_SLOT).toBeLessThanOrEqual(
			PROCESS_MEMORY_MB * 1024 * 1024,
		);
		expect(PROCESS_SLOTS).toBeGreaterThan(MEMORY_SLOTS);
	});

	it('every trigger together never holds more than PROCESS_SLOTS; the oldest slots of the process go first', () => {
		const triggers = Math.ceil(PROCESS_SLOTS / MEMORY_SLOTS) + 1;
		const now = Date.parse('2026-12-01T00:00:00Z');
		let index = 0;
		for (let round = 0; round < MEMORY_SLOTS; round++) {
			for (let trigger = 0; trigger < triggers; trigger++) {
				claimInMemory(`wf-bound-${trigger}`, 'node', {}, identity(index++), now + index, 24 * HOUR);
			}
		}
		expect(index).toBeGreaterThan(PROCESS_SLOTS);
		expect(slotsInProcess()).toBe(PROCESS_SLOTS);
		const newest = identity(index - 1);
		const oldest = identity(0);
		const lastStore = existingMemoryStore(`wf-bound-${triggers - 1}`, 'node')!;
		expect(lastStore.claim(newest, now + index, 24 * HOUR)).toBe(false);
		expect(existingMemoryStore('wf-bound-0', 'node')!.claim(oldest, now + index, 24 * HOUR)).toBe(
			true,
		);
		// The durable copy evicts expired slots as it writes: the count the bound uses follows,
		// so a later claim is not taken as over the bound (it would drop a live slot).
		saveDurableCopy('wf-bound-0', {}, now + index + 25 * HOUR);
		const before = slotsInProcess();
		claimInMemory('wf-bound-1', 'node', {}, identity(index++), now + index, 24 * HOUR);
		expect(slotsInProcess()).toBe(before + 1);
	});

	it('one trigger alone holds at most MEMORY_SLOTS', () => {
		const now = Date.parse('2026-12-01T00:00:00Z');
		for (let index = 0; index < MEMORY_SLOTS + 50; index++)
			claimInMemory('wf-one', 'node', {}, identity(index), now + index, 24 * HOUR);
		expect(existingMemoryStore('wf-one', 'node')!.size).toBe(MEMORY_SLOTS);
	});

	it('a store whose slots all outlived the window is released, in any process', () => {
		const now = Date.parse('2026-12-01T00:00:00Z');
		claimInMemory('wf-idle', 'node', {}, identity(1), now, HOUR);
		claimInMemory('wf-busy', 'node', {}, identity(2), now + 2 * HOUR, HOUR);
		expect(existingMemoryStore('wf-idle', 'node')).toBeUndefined();
		expect(existingMemoryStore('wf-busy', 'node')).toBeDefined();
	});

	// As n8n deletes webhooks (webhook.service deleteWebhook): mode 'internal' for a deactivation
	// and for the end of a test listen alike, the latter with webhook data marked isTest.
	const runDelete = async (
		nodeType: InstanceType<typeof KomboTrigger>,
		workflowId: string,
		isTest: boolean,
	) => {
		const node = triggerNode(nodeType);
		const workflow = workflowOf(workflowId, [[node, nodeType]]);
		const webhookData = {
			isTest,
			webhookDescription: nodeType.description.webhooks![0],
			node: node.name,
			workflowId,
		} as never;
		const context = new HookContext(
			workflow,
			node,
			{} as IWorkflowExecuteAdditionalData,
			'internal',
			'update',
			webhookData,
		);
		return await nodeType.webhookMethods.default.delete.call(context);
	};

	it.each(vendorsUnderTest.map(({ key, node }) => [key, node] as const))(
		'%s: deactivating the workflow releases its keys; stopping a test listen does not',
		async (key, node) => {
			const workflowId = `wf-release-${key}`;
			const body = signing.sampleEvent(key, signing.typicalEvent(key), ++sequence, Date.now());
			const credentials = credentialsOf(kitOf(key), SECRET);
			const { rawBody, headers } = signedDelivery(kitOf(key), body, credentials, Date.now());
			const delivered = await callWebhook(node, {
				rawBody,
				credentials,
				headers: { 'content-type': 'application/json', ...headers },
				parameters: parametersOf(key),
				workflowId,
			});
			expect(delivered.items).toHaveLength(1);
			expect(existingMemoryStore(workflowId, 'trigger-node')?.size).toBe(1);
			await runDelete(node as KomboTrigger, workflowId, true);
			expect(existingMemoryStore(workflowId, 'trigger-node')?.size).toBe(1);
			expect(await runDelete(node as KomboTrigger, workflowId, false)).toBe(true);
			expect(existingMemoryStore(workflowId, 'trigger-node')).toBeUndefined();
		},
	);
});
