/**
 * Kombo's official SDK (@kombo-api/sdk, a devDependency; tests only) as an independent oracle
 * for the Kombo trigger's schemas, one model per general webhook:
 *  (a) every payload the SDK's model accepts is a valid item of our trigger;
 *  (b) every payload the SDK's model rejects (a required field missing, a field null or of the
 *      wrong type, a value outside its enum, a malformed date-time) is flagged invalid by ours,
 *      except where our schema is deliberately looser (DELIBERATELY_LOOSER below).
 * The SDK ships no example webhook payloads, so the payloads are built from its models' own
 * zod schemas: the smallest one (only required fields, nullable ones null, arrays empty), the
 * fullest one (every optional field, one element per array), one per enum value, and the
 * mutations of the fullest one. Only payloads the SDK's model itself rejects count as (b).
 *
 * The SDK is ES modules only (Jest here runs CommonJS), so its models run in a child node
 * process: ORACLE below builds the payloads and parses each with the model's `…FromJSON`.
 * Not covered by the SDK, so not by this test: the AI Apply events (Kombo's AI Apply API,
 * which the SDK does not model) and remote-event-received (in Kombo's webhook guide only),
 * both checked against Kombo's documents in schemas.test.ts instead.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

import { KomboTrigger } from '../../nodes/KomboTrigger/KomboTrigger.node';
import { callWebhook } from '../support/context';
import { credentialsOf, kitOf } from '../support/vendors';

interface OracleCase {
	model: string;
	type: string;
	label: string;
	payload: Record<string, unknown>;
	sdkAccepts: boolean;
}

interface Oracle {
	models: Array<{ model: string; type: string }>;
	accepted: OracleCase[];
	rejected: OracleCase[];
	/** Mutations the SDK's model still accepted (not evidence of anything; counted only). */
	notRejected: number;
}

const ORACLE = String.raw`
import * as models from '@kombo-api/sdk/models';

const unwrap = (schema) => {
	let optional = false;
	let nullable = false;
	for (;;) {
		const kind = schema._def.typeName;
		if (kind === 'ZodOptional' || kind === 'ZodDefault') { optional = true; schema = schema._def.innerType; }
		else if (kind === 'ZodNullable') { nullable = true; schema = schema._def.innerType; }
		else if (kind === 'ZodLazy') schema = schema._def.getter();
		else if (kind === 'ZodEffects') schema = schema._def.schema;
		else return { schema, optional, nullable };
	}
};
const kindOf = (schema) => schema._def.typeName;
const hasCheck = (schema, check) => (schema._def.checks ?? []).some((c) => c.kind === check);
const enumValues = (schema) =>
	kindOf(schema) === 'ZodNativeEnum' ? Object.values(schema._def.values) : schema._def.values;

/** A value the schema accepts: 'min' leaves out what it may, 'max' fills in everything. */
function build(schema, mode, at, enums) {
	switch (kindOf(schema)) {
		case 'ZodObject': {
			const out = {};
			for (const [key, field] of Object.entries(schema._def.shape())) {
				const u = unwrap(field);
				if (mode === 'min' && u.optional) continue;
				out[key] = mode === 'min' && u.nullable ? null : build(u.schema, mode, [...at, key], enums);
			}
			return out;
		}
		case 'ZodArray':
			return mode === 'min' ? [] : [build(unwrap(schema._def.type).schema, mode, [...at, 0], enums)];
		case 'ZodString':
			if (hasCheck(schema, 'datetime'))
				return mode === 'min' ? '2025-03-10T08:00:00Z' : '2025-03-10T09:05:00.123+01:00';
			if (hasCheck(schema, 'email')) return 'jane@example.com';
			return mode === 'min' ? 'x' : 'Example ' + at.join('.');
		case 'ZodNumber':
			return hasCheck(schema, 'int') ? (mode === 'min' ? 0 : 300) : 1.5;
		case 'ZodBoolean':
			return true;
		case 'ZodNativeEnum':
		case 'ZodEnum': {
			const values = enumValues(schema);
			enums.push({ at, values });
			return values[0];
		}
		case 'ZodLiteral':
			return schema._def.value;
		default:
			throw new Error('unhandled SDK schema ' + kindOf(schema) + ' at ' + at.join('.'));
	}
}

/** Every field of the fullest payload, with its schema: what can be taken away or spoilt. */
function fields(schema, value, at, out) {
	if (kindOf(schema) === 'ZodObject') {
		for (const [key, field] of Object.entries(schema._def.shape())) {
			const u = unwrap(field);
			out.push({ at: [...at, key], ...u });
			fields(u.schema, value?.[key], [...at, key], out);
		}
	} else if (kindOf(schema) === 'ZodArray' && Array.isArray(value) && value.length > 0) {
		const u = unwrap(schema._def.type);
		out.push({ at: [...at, 0], ...u, element: true });
		fields(u.schema, value[0], [...at, 0], out);
	}
	return out;
}

const clone = (value) => JSON.parse(JSON.stringify(value));
function setAt(payload, at, value) {
	const copy = clone(payload);
	let node = copy;
	for (const key of at.slice(0, -1)) node = node[key];
	if (value === undefined) delete node[at.at(-1)];
	else node[at.at(-1)] = value;
	return copy;
}

/** The spoilt values for a field: each one a way the SDK's model may reject it. */
function spoilers(field) {
	const out = [];
	if (!field.optional && !field.element) out.push(['missing', undefined]);
	if (!field.nullable) out.push(['null', null]);
	switch (kindOf(field.schema)) {
		case 'ZodString':
			out.push(['a number instead of a string', 42]);
			if (hasCheck(field.schema, 'datetime')) out.push(['not a date-time', 'next Tuesday']);
			break;
		case 'ZodNumber':
			out.push(['a string instead of a number', '300']);
			if (hasCheck(field.schema, 'int')) out.push(['not an integer', 1.5]);
			break;
		case 'ZodNativeEnum':
		case 'ZodEnum':
			out.push(['not one of its values', 'NOT_A_KOMBO_VALUE']);
			break;
		case 'ZodObject':
			out.push(['a string instead of an object', 'text']);
			break;
		case 'ZodArray':
			out.push(['a string instead of an array', 'text']);
			break;
		default:
			out.push(['a string instead', 'text']);
	}
	return out;
}

const result = { models: [], accepted: [], rejected: [], notRejected: 0 };
for (const name of Object.keys(models).filter((k) => /WebhookPayload\$inboundSchema$/.test(k))) {
	const model = name.replace(/\$inboundSchema$/, '');
	const fromJSON = models[model.charAt(0).toLowerCase() + model.slice(1) + 'FromJSON'];
	const schema = unwrap(models[name]).schema;
	const sdkAccepts = (payload) => fromJSON(JSON.stringify(payload)).ok === true;
	const enums = [];
	const min = build(schema, 'min', [], []);
	const max = build(schema, 'max', [], enums);
	const type = max.type;
	result.models.push({ model, type });
	const accepted = [['smallest', min], ['fullest', max]];
	for (const { at, values } of enums)
		for (const value of values.slice(1)) accepted.push([at.join('.') + ' = ' + value, setAt(max, at, value)]);
	for (const [label, payload] of accepted)
		result.accepted.push({ model, type, label, payload, sdkAccepts: sdkAccepts(payload) });
	for (const field of fields(schema, max, [], [])) {
		for (const [how, value] of spoilers(field)) {
			const payload = setAt(max, field.at, value);
			const entry = { model, type, label: field.at.join('.') + ': ' + how, payload };
			if (sdkAccepts(payload)) result.notRejected++;
			else result.rejected.push({ ...entry, sdkAccepts: false });
		}
	}
}
process.stdout.write(JSON.stringify(result));
`;

const oracle: Oracle = JSON.parse(
	execFileSync(process.execPath, ['--input-type=module', '-e', ORACLE], {
		cwd: path.resolve(__dirname, '..', '..'),
		encoding: 'utf8',
	}),
);

/**
 * Where our schema accepts what the SDK's model rejects, on purpose. `changed_models[].name`:
 * the SDK closes it to the ~50 data models Kombo has today; Kombo adds models, and a
 * data-changed event about a new one is still a genuine, well-formed event.
 */
const DELIBERATELY_LOOSER = new Set(['data.changed_models.0.name: not one of its values']);

const SECRET = 'kombo-sdk-oracle-secret';
const node = new KomboTrigger();
let sequence = 0;

async function deliver(payload: Record<string, unknown>) {
	const rawBody = JSON.stringify(payload);
	const kit = kitOf('kombo');
	const credentials = credentialsOf(kit, SECRET);
	const { items } = await callWebhook(node, {
		rawBody,
		headers: { 'content-type': 'application/json', ...kit.sign(rawBody, credentials, Date.now()) },
		credentials,
		// A workflow of its own per delivery: the same event id is never a redelivery here.
		workflowId: `wf-kombo-sdk-${++sequence}`,
	});
	expect(items).toHaveLength(1);
	return items[0].json._ats as { valid: boolean; eventType: string; issues: unknown[] };
}

const byLabel = (cases: OracleCase[]) =>
	cases.map((entry) => [`${entry.type}: ${entry.label}`, entry] as const);

describe("Kombo's SDK models", () => {
	it('cover the eight general webhooks, each of which our trigger offers', () => {
		const offered = node.description.properties
			.flatMap((property) => property.options ?? [])
			.map((option) => ('value' in option ? option.value : undefined));
		expect(oracle.models.map((entry) => entry.type).sort()).toEqual([
			'assessment:order-received',
			'connection-flow-failed',
			'data-changed',
			'inline-assessment:order-received',
			'integration-created',
			'integration-deleted',
			'integration-state-changed',
			'sync-finished',
		]);
		for (const { type } of oracle.models) expect(offered).toContain(type);
	});

	it('yield payloads of both kinds for every model', () => {
		for (const { model } of oracle.models) {
			expect(oracle.accepted.filter((entry) => entry.model === model).length).toBeGreaterThan(1);
			expect(oracle.rejected.filter((entry) => entry.model === model).length).toBeGreaterThan(4);
		}
		// Every spoilt field is one the SDK rejects: the generator spoils only what its models check.
		expect(oracle.notRejected).toBe(0);
	});
});

describe('(a) a payload the SDK accepts is a valid item of our trigger', () => {
	it.each(byLabel(oracle.accepted))('%s', async (_label, entry) => {
		expect(entry.sdkAccepts).toBe(true);
		const ats = await deliver(entry.payload);
		expect(ats).toMatchObject({ valid: true, eventType: entry.type, issues: [] });
	});
});

describe('(b) a payload the SDK rejects is flagged invalid by our trigger', () => {
	it.each(byLabel(oracle.rejected))('%s', async (label, entry) => {
		const ats = await deliver(entry.payload);
		const looser = DELIBERATELY_LOOSER.has(entry.label);
		expect({ label, valid: ats.valid }).toEqual({ label, valid: looser });
	});

	it('the deliberate exceptions are still ones the SDK rejects (kept honest)', () => {
		const rejectedLabels = new Set(oracle.rejected.map((entry) => entry.label));
		for (const label of DELIBERATELY_LOOSER) expect(rejectedLabels).toContain(label);
	});
});
