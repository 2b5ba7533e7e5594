import { z } from 'zod/v4';

/**
 * The canonical ATS event: one shape for every vendor, so a workflow's Slack, Sheets or
 * HRIS part is built once. The zod schema is the source of the TypeScript type and of the
 * output schema n8n shows for the ATS Normalize node.
 */
export const canonicalFamilies = [
	'application',
	'offer',
	'interview',
	'job',
	'assessment',
	'review',
	'sync',
	'integration',
	'test',
] as const;

export type CanonicalType = `${(typeof canonicalFamilies)[number]}.${string}` | 'other';

const text = z.string().nullable();

export const canonicalApplicationSchema = z.object({
	id: text,
	status: text,
	stage: text,
	error: text,
});
export const canonicalCandidateSchema = z.object({ id: text, name: text, email: text });
export const canonicalJobSchema = z.object({
	id: text,
	title: text,
	url: text,
	status: text,
	code: text.describe(
		"The job's code or requisition number where the vendor sends one (e.g. Kombo's job_code), never its title",
	),
});

export const canonicalEventSchema = z.object({
	id: z.string().describe('Vendor event id, or a digest of the payload when the vendor sends none'),
	source: z.string().describe("Vendor key (ATS Normalize's Source values, e.g. kombo)"),
	sourceType: z.string().describe("The vendor's own event type"),
	type: z.string().describe('Canonical event type, e.g. application.stage_changed'),
	occurredAt: z.string().nullable().describe('ISO 8601 UTC, or null when the vendor gives no time'),
	application: canonicalApplicationSchema,
	candidate: canonicalCandidateSchema,
	job: canonicalJobSchema,
	summary: z.string().describe('One sentence, ready for Slack'),
	valid: z.boolean().describe('False when the vendor payload did not match its documented schema'),
	raw: z.record(z.string(), z.unknown()).optional(),
});

export type CanonicalEvent = z.infer<typeof canonicalEventSchema>;
export type CanonicalApplication = z.infer<typeof canonicalApplicationSchema>;
export type CanonicalCandidate = z.infer<typeof canonicalCandidateSchema>;
export type CanonicalJob = z.infer<typeof canonicalJobSchema>;

/** What a vendor's mapping supplies; the normalize node adds id, source, type, summary and raw. */
export interface CanonicalFields {
	occurredAt: string | null;
	application: CanonicalApplication;
	candidate: CanonicalCandidate;
	/** `code` may be left out: the normalize node fills in null. */
	job: Omit<CanonicalJob, 'code'> & { code?: string | null };
	/** Extra words for the summary, e.g. an offer's terms or a reviewer's verdict. */
	detail?: string;
}

export const emptyApplication = (): CanonicalApplication => ({
	id: null,
	status: null,
	stage: null,
	error: null,
});
export const emptyCandidate = (): CanonicalCandidate => ({ id: null, name: null, email: null });
export const emptyJob = (): CanonicalJob => ({
	id: null,
	title: null,
	url: null,
	status: null,
	code: null,
});

/** Ids arrive as numbers or strings depending on the vendor; the canonical event uses strings. */
export function idText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value;
	return null;
}

export function textOrNull(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Any vendor time (ISO string, epoch ms as number or string) → ISO 8601 UTC, or null. */
export function isoTime(value: unknown): string | null {
	let ms: number | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) ms = value;
	else if (typeof value === 'string' && /^\d{10,13}$/.test(value)) ms = Number(value);
	else if (typeof value === 'string' && value.trim() !== '') ms = Date.parse(value);
	if (ms === undefined || Number.isNaN(ms)) return null;
	if (ms < 1e11) ms *= 1000; // epoch seconds
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

/**
 * A table look-up by own properties only: a key from a payload or a parameter such as
 * `constructor` or `__proto__` finds nothing, not Object.prototype's member.
 */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
	Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
