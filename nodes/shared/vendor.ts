import type { ICredentialDataDecryptedObject, INodePropertyOptions, IWebhookFunctions } from 'n8n-workflow';
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

/**
 * A documented example payload, kept verbatim from the vendor's own document. Only the
 * vendors' test kits (`<key>.testing.ts`, not shipped) hold examples.
 */
export interface VendorSample {
	eventType: string;
	title: string;
	body: Record<string, unknown>;
}

/**
 * Everything that differs between vendors, as far as the shipped nodes need it. The webhook
 * pipeline, the normalize node and the schema generator are driven by this object; the
 * simulator and the tests add the vendor's test kit (`<key>.testing.ts` beside its node:
 * signer, examples), which is not shipped. docs/adding-a-vendor.md is the recipe.
 */
export interface VendorDefinition {
	key: VendorKey;
	displayName: string;
	/**
	 * Class, file and folder name of the vendor's trigger node: n8n loads
	 * `nodes/<triggerNode>/<triggerNode>.node.js` (listed in package.json) and the output schema
	 * goes to `nodes/<triggerNode>/__schema__/`.
	 */
	triggerNode: string;
	credentialType: string;
	/** The vendor's event types, as offered by the trigger's event filter. */
	events: INodePropertyOptions[];
	/** The vendor publishes no closed list of event types: any well-formed type is "known". */
	openEventTypes?: boolean;
	/**
	 * How one entry of the node's event filter matches an event type (e.g. a wildcard such as
	 * `applicant.*`). Absent: the entry must equal the event type.
	 */
	eventMatches?(selected: string, eventType: string): boolean;
	/**
	 * For a vendor that allows unauthenticated webhooks: whether this node is set to accept
	 * them (then requests are not verified and items say `verified: false`). Absent: every
	 * request is verified.
	 */
	acceptsUnverified?(node: Pick<IWebhookFunctions, 'getNodeParameter'>): boolean;
	/** Envelope schema; unknown fields pass through. */
	schema: z.ZodType;
	eventTypeOf(body: unknown): string | undefined;
	/** The vendor's own event id, where it sends one (dedupe falls back to a body digest). */
	eventIdOf(body: unknown): string | undefined;
	/**
	 * For vendors without event ids: the subject whose state each event reports (e.g. the
	 * application). Dedupe then drops a repeat of the subject's current state only.
	 */
	dedupeSubjectOf?(body: Record<string, unknown>): string | undefined;
	/** Pure, constant-time check of one request. Never throws. */
	verify(request: VerifyRequest): VerifyResult;
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
	/**
	 * Does this payload look like it came from this vendor (when metadata is missing)? Judge
	 * by this vendor's own format only: ATS Normalize refuses a payload two vendors claim.
	 */
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
