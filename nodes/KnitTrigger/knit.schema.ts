import { z } from 'zod/v4';

import { eventOptions } from '../shared/vendor';

export const knitEvents = eventOptions([
	['record.new', 'New Record', 'A new record (e.g. application) was found'],
	['record.modified', 'Modified Record', 'A record changed'],
	['record.deleted', 'Deleted Record', 'A record is no longer in the ATS'],
	['sync.events.processed', 'Sync Batch Processed', 'A batch of a sync run was processed'],
	[
		'sync.events.allConsumed',
		'Sync Finished (All Events Delivered)',
		'A sync run finished and every event was delivered',
	],
]);

const syncFields = {
	eventId: z.string().min(1),
	syncType: z.string(),
	syncDataType: z.string(),
	syncJobId: z.string(),
	syncRunId: z.string(),
};

const epochMillis = z.string().regex(/^\d+$/, 'expected epoch milliseconds');

export const knitRecordEventSchema = z.looseObject({
	...syncFields,
	eventType: z.enum(['record.new', 'record.modified', 'record.deleted']),
	// Any object: its fields depend on the synced data type. z.looseObject({}) checks the same as
	// z.record(z.string(), z.unknown()) without validating every key, and is about 2x cheaper.
	eventData: z.looseObject({}),
	recordId: z.string(),
});

export const knitSyncEventSchema = z.looseObject({
	...syncFields,
	eventType: z.enum(['sync.events.processed', 'sync.events.allConsumed']),
	eventData: z.looseObject({
		status: z.string(),
		processed: z.number().int(),
		emitted: z.number().int(),
		consumed: z.number().int().optional(),
		startedAt: epochMillis,
		processedAt: epochMillis,
		completedAt: epochMillis.optional(),
		complete: z.boolean(),
	}),
});

export const knitWebhookSchema = z.discriminatedUnion('eventType', [
	knitRecordEventSchema,
	knitSyncEventSchema,
]);

export type KnitWebhook = z.infer<typeof knitWebhookSchema>;
