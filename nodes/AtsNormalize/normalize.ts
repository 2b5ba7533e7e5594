import { createHash } from 'crypto';

import type { CanonicalEvent } from '../shared/canonical';
import { asRecord, idText, ownEntry } from '../shared/canonical';
import { METADATA_KEY } from '../shared/metadata';
import { envelopeOf, type Vendor } from '../shared/vendor';
import { vendorList, vendors } from '../vendors';
import { summarize } from './summary';

export class UnreadableItemError extends Error {}

/** Vendor from the trigger's metadata, else from the payload's shape. */
export function detectVendor(json: Record<string, unknown>, forced?: string): Vendor {
	if (forced && forced !== 'auto') {
		const vendor = ownEntry(vendors, forced);
		if (!vendor) throw new UnreadableItemError(`Unknown source "${forced}"`);
		return vendor;
	}
	const metaVendor = asRecord(json[METADATA_KEY]).vendor;
	const vendorOfMetadata =
		typeof metaVendor === 'string' ? ownEntry(vendors, metaVendor) : undefined;
	if (vendorOfMetadata) return vendorOfMetadata;
	// Each vendor judges by its own format only, so a payload two vendors claim is refused
	// rather than read by whichever comes first.
	const byShape = vendorList.filter((vendor) => vendor.looksLike(json));
	if (byShape.length === 0) {
		throw new UnreadableItemError(
			'Not an ATS event: no trigger metadata and the fields match no known vendor. Set "Source" to read it as a given vendor.',
		);
	}
	if (byShape.length > 1) {
		throw new UnreadableItemError(
			`No trigger metadata and the fields fit ${byShape.map((vendor) => vendor.displayName).join(' and ')}. Set "Source" to the vendor that sent it.`,
		);
	}
	return byShape[0];
}

export interface NormalizeOptions {
	source?: string;
	includeRaw?: boolean;
}

export function normalizeEvent(
	json: Record<string, unknown>,
	options: NormalizeOptions = {},
): CanonicalEvent {
	const vendor = detectVendor(json, options.source);
	const meta = asRecord(json[METADATA_KEY]);
	const body: Record<string, unknown> = { ...json };
	delete body[METADATA_KEY];
	const envelope = envelopeOf(vendor, body);
	const sourceType = envelope.eventType ?? 'unknown';
	const type = vendor.canonicalTypeOf(body, sourceType) ?? 'other';
	const fields = vendor.normalize(body);
	const event: CanonicalEvent = {
		id:
			idText(meta.eventId) ??
			envelope.eventId ??
			createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 24),
		source: vendor.key,
		sourceType,
		type,
		occurredAt: fields.occurredAt,
		application: fields.application,
		candidate: fields.candidate,
		job: { ...fields.job, code: fields.job.code ?? null },
		summary: summarize(type, fields, vendor.displayName, sourceType),
		valid: typeof meta.valid === 'boolean' ? meta.valid : vendor.schema.safeParse(body).success,
	};
	if (options.includeRaw) event.raw = body;
	return event;
}

/** One level only (e.g. candidate_name), for spreadsheets; raw becomes a JSON string. */
export function flattenEvent(event: CanonicalEvent): Record<string, string | boolean | null> {
	const flat: Record<string, string | boolean | null> = {};
	for (const [key, value] of Object.entries(event)) {
		if (key === 'raw') flat.raw = JSON.stringify(value);
		else if (value !== null && typeof value === 'object') {
			for (const [inner, innerValue] of Object.entries(value))
				flat[`${key}_${inner}`] = innerValue as string | null;
		} else flat[key] = value as string | boolean | null;
	}
	return flat;
}
