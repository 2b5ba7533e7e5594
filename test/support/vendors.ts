/**
 * The registry as the tests see it: every vendor in nodes/vendors.ts with its trigger node and
 * test kit, found where scripts/vendor-kits.js says (the same rule the build and the simulator
 * use), and the simulator's signing helpers over the TypeScript sources. Tests loop over this
 * list instead of naming vendors, so a new vendor is tested without editing them.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { envelopeOf, type TriggerVendor, type Vendor } from '../../nodes/shared/vendor';
import type { VendorSample, VendorTestKit } from '../kits/vendor.testing';
import { vendorList, vendors } from '../../nodes/vendors';
import { signingFor } from '../../scripts/signing';
import { loadTestKit, loadTrigger, loadTriggerNode } from '../../scripts/vendor-kits';

export const NODES_DIR = path.join(__dirname, '..', '..', 'nodes');
/** Test kits (`<key>/<key>.testing.ts`): test code, beside the tests, not in nodes/. */
export const KITS_DIR = path.join(__dirname, '..', 'kits');
/** Throwaway vendors used to prove the recipe (test/unit/sixthVendor.test.ts) live here. */
export const FIXTURE_NODES_DIR = path.join(__dirname, '..', 'fixtures', 'nodes');
export const FIXTURE_KITS_DIR = path.join(__dirname, '..', 'fixtures', 'kits');
const SEARCHED = [NODES_DIR, FIXTURE_NODES_DIR];
const SEARCHED_KITS = [KITS_DIR, FIXTURE_KITS_DIR];

export interface VendorUnderTest {
	key: string;
	vendor: Vendor;
	/** Its `<key>.trigger` (verifier, events), which only the trigger node imports. */
	trigger: TriggerVendor;
	kit: VendorTestKit;
	/** A trigger node instance, loaded from `nodes/<triggerNode>/<triggerNode>.node` as n8n does. */
	node: INodeType;
}

export function vendorUnderTest(
	vendor: Vendor,
	nodesDir: string | string[] = SEARCHED,
	kitsDir: string | string[] = SEARCHED_KITS,
): VendorUnderTest {
	return {
		key: vendor.key,
		vendor,
		trigger: loadTrigger(vendor, nodesDir) as TriggerVendor,
		kit: loadTestKit(vendor, kitsDir) as VendorTestKit,
		node: loadTriggerNode(vendor, nodesDir) as INodeType,
	};
}

/** Where credential classes are: the product's, then the fixture vendors' (test/fixtures mirrors the repository). */
const CREDENTIAL_DIRS = [
	path.join(__dirname, '..', '..', 'credentials'),
	path.join(__dirname, '..', 'fixtures', 'credentials'),
];

/** The password fields of a credential type, read from its class as n8n reads it. */
export function passwordFieldsOf(credentialType: string): string[] {
	for (const dir of CREDENTIAL_DIRS) {
		for (const file of readdirSync(dir).filter((name) => name.endsWith('.credentials.ts'))) {
			for (const Type of Object.values(
				require(path.join(dir, file)) as Record<string, new () => ICredentialType>,
			)) {
				const type = new Type();
				if (type.name === credentialType)
					return type.properties
						.filter((property) => property.typeOptions?.password === true)
						.map((property) => property.name);
			}
		}
	}
	return [];
}

export const vendorsUnderTest: VendorUnderTest[] = vendorList.map((vendor) =>
	vendorUnderTest(vendor),
);
const byKey = new Map(vendorsUnderTest.map((entry) => [entry.key, entry]));

export function underTest(key: string): VendorUnderTest {
	const entry = byKey.get(key);
	if (!entry) throw new Error(`no vendor "${key}" in the registry`);
	return entry;
}

export const kitOf = (key: string): VendorTestKit => underTest(key).kit;

/** The simulator's helpers (sampleEvent, signedRequest, typicalEvent, …) over the sources. */
export const signing = signingFor(
	vendors,
	(vendor: Vendor) => underTest(vendor.key).kit,
	(vendor: Vendor) => underTest(vendor.key).trigger,
) as {
	sampleEvent(
		key: string,
		eventType: string,
		sequence?: number,
		nowMs?: number,
	): Record<string, unknown>;
	typicalEvent(key: string): string;
	exampleTypes(key: string): string[];
	credentialsFor(key: string, secret: string): Record<string, string>;
	signedRequest(
		key: string,
		body: unknown,
		credentials: Record<string, string>,
		options?: { nowMs?: number; tamper?: boolean },
	): { headers: Record<string, string>; payload: string };
};

/** The credentials a sender holding `secret` shares with the node. */
export const credentialsOf = (kit: VendorTestKit, secret: string): Record<string, string> => ({
	[kit.secretField]: secret,
});

/** The body with its event type replaced, wherever this vendor keeps it. */
export function withEventType(
	vendor: Vendor,
	body: Record<string, unknown>,
	eventType: string,
): Record<string, unknown> {
	const current = envelopeOf(vendor, body).eventType;
	const field = Object.keys(body).find((name) => current !== undefined && body[name] === current);
	if (field === undefined)
		throw new Error(`${vendor.key}: no top-level field holds the event type of this body`);
	return { ...body, [field]: eventType };
}

/** The node's `events` parameter selecting these types, in the shape its property takes. */
export function eventsParameter(node: INodeType, eventTypes: string[]): string | string[] {
	const property = node.description.properties.find((candidate) => candidate.name === 'events');
	return property?.type === 'multiOptions' ? eventTypes : eventTypes.join(', ');
}

export type { VendorSample };

/**
 * Each vendor's definition with its test kit merged in (samples, sign, …), keyed like the
 * registry: for tests written as `vendors.kini.samples[0]`.
 */
export const vendorsWithKits: Record<string, Vendor & TriggerVendor & VendorTestKit> =
	Object.fromEntries(
		vendorsUnderTest.map(({ key, vendor, trigger, kit }) => [
			key,
			{ ...vendor, ...trigger, ...kit },
		]),
	);
export const vendorListWithKits = Object.values(vendorsWithKits);
