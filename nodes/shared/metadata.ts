import { z } from 'zod/v4';

export const METADATA_KEY = '_ats';

/** What every trigger adds to its item under `_ats`; the ATS Normalize node reads it. */
export const atsMetadataSchema = z.object({
	vendor: z.string(),
	eventType: z.string().nullable(),
	eventId: z.string().nullable(),
	receivedAt: z.string(),
	verified: z.boolean().describe('False only for KeldairHR without authentication'),
	valid: z.boolean().describe('False when the payload did not match the documented schema'),
	issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});

export type AtsMetadata = z.infer<typeof atsMetadataSchema>;

/** JSON schema of a trigger's item: the vendor payload plus `_ats`. Used for n8n's schema preview. */
export function triggerItemJsonSchema(payload: z.ZodType): Record<string, unknown> {
	const item = z.intersection(payload, z.looseObject({ [METADATA_KEY]: atsMetadataSchema }));
	return z.toJSONSchema(item, { unrepresentable: 'any' }) as Record<string, unknown>;
}
