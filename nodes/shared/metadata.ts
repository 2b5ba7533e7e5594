import { z } from 'zod/v4';

export const METADATA_KEY = '_ats';

/** What every trigger adds to its item under `_ats`; the ATS Normalize node reads it. */
export const atsMetadataSchema = z.object({
	vendor: z.string(),
	eventType: z.string().nullable(),
	eventId: z.string().nullable(),
	deliveryKey: z
		.string()
		.describe(
			'Same for every delivery of one event (vendor event id, else a digest of the body): the key redeliveries are dropped by, usable downstream as an idempotency key',
		),
	receivedAt: z.string(),
	verified: z
		.boolean()
		.describe(
			'False only when the trigger is set to accept unauthenticated requests (for a vendor that allows them)',
		),
	valid: z.boolean().describe('False when the payload did not match the documented schema'),
	issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});

export type AtsMetadata = z.infer<typeof atsMetadataSchema>;

type JsonSchema = Record<string, unknown> & {
	properties?: Record<string, unknown>;
	required?: string[];
};

/**
 * JSON schema of a trigger's item: the vendor payload plus `_ats`, for n8n's schema
 * preview. `_ats` is added to the object (or to each branch of a union) rather than
 * expressed as allOf, which n8n's preview does not merge.
 */
export function triggerItemJsonSchema(payload: z.ZodType): JsonSchema {
	// The item is the payload as sent (zod's input side), fields the schema does not name
	// included: an output schema would close a z.object to them.
	const schema = z.toJSONSchema(payload, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
	const metadata = z.toJSONSchema(atsMetadataSchema, { unrepresentable: 'any' }) as JsonSchema;
	delete metadata.$schema;
	const addMetadata = (branch: JsonSchema) => {
		branch.properties = { ...branch.properties, [METADATA_KEY]: metadata };
		branch.required = [...(branch.required ?? []), METADATA_KEY];
	};
	const branches = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
	if (branches) branches.forEach(addMetadata);
	else addMetadata(schema);
	return schema;
}
