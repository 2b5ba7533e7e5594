import type { INodePropertyOptions } from 'n8n-workflow';
import type { z } from 'zod/v4';

import type { CanonicalFields, CanonicalType } from './canonical';
import type { Verifier } from './signatures';

/** The registry key; also the `source` of canonical events. */
export type VendorKey = string;

/** Where a vendor's payload says what it is: top-level field names, declared, read by `envelopeOf`. */
export interface EnvelopeFields {
	eventType: string;
	/** The vendor's own event id; absent where the vendor sends none (dedupe keys on the body's digest). */
	eventId?: string;
	/**
	 * For a vendor whose events report a subject's state (Kini: an application's sync status):
	 * the fields naming the subject, joined with `/`; the last is required. Dedupe then keeps one
	 * key per subject, so only a repeat of its current state is a redelivery.
	 */
	dedupeSubject?: string[];
}

/** What the envelope of one payload says, read once per delivery. */
export interface Envelope {
	eventType: string | undefined;
	/** The vendor's own event id, where it sends one (dedupe falls back to a body digest). */
	eventId: string | undefined;
	dedupeSubject?: string;
}

const text = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;
const idText = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);

/** The envelope of a payload, by its vendor's declared fields. */
export function envelopeOf(vendor: Pick<Vendor, 'envelope'>, body: unknown): Envelope {
	const record = (
		body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}
	) as Record<string, unknown>;
	const { eventType, eventId, dedupeSubject } = vendor.envelope;
	const subject = dedupeSubject?.map((field) => idText(record[field]));
	return {
		eventType: text(record[eventType]),
		eventId: eventId === undefined ? undefined : text(record[eventId]),
		dedupeSubject:
			subject === undefined || subject[subject.length - 1] === undefined
				? undefined
				: subject.map((part) => part ?? '').join('/'),
	};
}

/**
 * A vendor as the registry lists it: what ATS Normalize needs (reading and mapping a payload)
 * and the names the build and the tests find its trigger by. No verifier: ATS Normalize loads
 * this, not the trigger's `<key>.trigger.ts`.
 */
export interface Vendor {
	key: VendorKey;
	displayName: string;
	/** Class, file and folder name of its trigger node (`nodes/<triggerNode>/<triggerNode>.node.ts`). */
	triggerNode: string;
	credentialType: string;
	/** Envelope schema; unknown fields pass through. */
	schema: z.ZodType;
	envelope: EnvelopeFields;
	/** Vendor event type → canonical type, as the README renders it. */
	canonicalTypes: Record<string, CanonicalType>;
	/** The canonical type of one payload: usually `typeFromTable(canonicalTypes)`. */
	canonicalTypeOf(body: Record<string, unknown>, eventType: string): CanonicalType | undefined;
	/** Vendor payload → canonical fields (ids, people, job, time). */
	normalize(body: Record<string, unknown>): CanonicalFields;
	/**
	 * Does this payload look like it came from this vendor (when metadata is missing)? Judge
	 * by this vendor's own format only: ATS Normalize refuses a payload two vendors claim.
	 */
	looksLike(body: Record<string, unknown>): boolean;
}

/** What a trigger needs beside its vendor: how requests are verified and which events it offers. */
export interface TriggerVendor {
	vendor: Vendor;
	/** A scheme from signatures.ts with the vendor's parameters, or the vendor's own verifier. */
	verify: Verifier;
	/** The event filter's choices (see `eventOptions`). */
	events: INodePropertyOptions[];
	/**
	 * 'documented': the vendor publishes its list; a type not in it always passes the filter
	 * (flagged invalid). 'open': no closed list; the filter applies to every type.
	 */
	eventList: 'documented' | 'open';
	/** A connectivity test the vendor sends: answered 200, emitted only if the node asks. */
	testEventType?: string;
	/**
	 * Where the verifier finds the sender's signed time, checked against the node's Timestamp
	 * Tolerance, which the node then offers (`field` names it for the option's description;
	 * `note` adds a vendor's advice). test/unit/security.test.ts finds by behaviour which
	 * verifiers check a time and requires this of exactly those.
	 */
	signedTime?: { field: string; note?: string };
	/**
	 * Envelope fields a vendor sends outside the body: SmartRecruiters' event name and id are
	 * headers; Workable's event type is the subscription's, a node parameter. Item field → where
	 * the pipeline reads it. They are added to the item (where the body has no field of that
	 * name, so nothing sent is lost) before the envelope is read, so `envelope` names them like
	 * any body field and ATS Normalize reads them from the item.
	 */
	requestFields?: Record<string, RequestField>;
	/**
	 * The status of every answer that means "received" (an event that started the workflow, a
	 * redelivery, a filtered event), where the vendor counts only that one as delivered:
	 * SmartRecruiters treats anything but 202 as a failure and retries. Absent: 200.
	 */
	acceptedStatus?: 202;
}

/** Where one of `requestFields` comes from: a request header (its name, any case) or a node parameter. */
export type RequestField = { header: string } | { parameter: string };

/** `canonicalTypeOf` for a vendor whose event type alone decides: a look-up in its own table. */
export const typeFromTable =
	(table: Record<string, CanonicalType>) =>
	(_body: Record<string, unknown>, eventType: string): CanonicalType | undefined =>
		Object.prototype.hasOwnProperty.call(table, eventType) ? table[eventType] : undefined;

/**
 * A documented example payload, kept verbatim from the vendor's own document. Only the
 * vendors' test kits (not shipped) hold examples.
 */
export interface VendorSample {
	eventType: string;
	title: string;
	body: Record<string, unknown>;
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
		.map(([value, name, description]) => ({
			name,
			value,
			description: `${description} (${value})`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
