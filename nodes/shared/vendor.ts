import type { ICredentialDataDecryptedObject, INodePropertyOptions } from 'n8n-workflow';
import type { z } from 'zod/v4';

import type { CanonicalType, CanonicalFields } from './canonical';
import type { Headers, VerifyResult } from './signatures';

/** The registry key; also the `source` of canonical events. */
export type VendorKey = string;

export interface VerifyRequest {
	rawBody: Buffer;
	headers: Headers;
	credentials: ICredentialDataDecryptedObject;
	nowMs: number;
	/** Replay window, for vendors that sign a timestamp. */
	toleranceSeconds: number;
}

/** A documented example payload, kept verbatim from the vendor's own document. */
export interface VendorSample {
	eventType: string;
	title: string;
	body: Record<string, unknown>;
}

/**
 * Everything that differs between vendors. The webhook pipeline, the normalize node,
 * the simulator, the schema generator and the tests are all driven by this object.
 */
export interface VendorDefinition {
	key: VendorKey;
	displayName: string;
	credentialType: string;
	/** The credential field holding the secret the sender signs or authenticates with. */
	secretField: string;
	/** The vendor's event types, as offered by the trigger's event filter. */
	events: INodePropertyOptions[];
	/** The vendor publishes no closed list of event types: any well-formed type is "known". */
	openEventTypes?: boolean;
	/** Envelope schema; unknown fields pass through. */
	schema: z.ZodType;
	eventTypeOf(body: unknown): string | undefined;
	/** The vendor's own event id, where it sends one (dedupe falls back to a body digest). */
	eventIdOf(body: unknown): string | undefined;
	/** Pure, constant-time check of one request. Never throws. */
	verify(request: VerifyRequest): VerifyResult;
	/** Opposite of verify: headers a genuine sender would add. Used by tests and the simulator. */
	sign(rawBody: string | Buffer, credentials: Record<string, string>, nowMs: number): Record<string, string>;
	samples: VendorSample[];
	/** Turns a sample into a distinct delivery (fresh ids and timestamps). */
	freshSample(sample: VendorSample, sequence: number, nowMs: number): Record<string, unknown>;
	/** A connectivity test the vendor sends (answered 200, emitted only if asked). */
	testEventType?: string;
	/** Vendor event type → canonical type; the README renders this table. */
	canonicalTypes: Record<string, CanonicalType>;
	/** The table key when the event type alone is not enough (e.g. Knit's data type). */
	mappingKeyOf?(body: Record<string, unknown>, eventType: string): string;
	/** For vendors without a closed event list: a rule for types the table does not name. */
	canonicalTypeFallback?(eventType: string): CanonicalType | undefined;
	/** Vendor payload → canonical fields (ids, people, job, time). */
	normalize(body: Record<string, unknown>): CanonicalFields;
	/** Does this payload look like it came from this vendor (when metadata is missing)? */
	looksLike(body: Record<string, unknown>): boolean;
}

/**
 * The event filter's options from `[vendor code, readable name, description]`: the dropdown and
 * its chips show the readable name, the stored value stays the vendor's code (what the vendor
 * sends and what existing workflows hold), and the description ends with that code so vendor
 * documents can be matched. Sorted by name, as n8n sorts its own options.
 */
export function eventOptions(
	values: ReadonlyArray<readonly [value: string, name: string, description: string]>,
): INodePropertyOptions[] {
	return values
		.map(([value, name, description]) => ({ name, value, description: `${description} (${value})` }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
