import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { REDIS_CREDENTIAL, scopeOf } from './dedupe';
import { countOnRedis, redisSettingsOf } from './dedupeRedis';
import { METADATA_KEY } from './metadata';
import { sha256Hex } from './signatures';
import type { Vendor } from './vendor';

/**
 * Deliveries that start no workflow run: what the trigger answered them and, where the user asks,
 * an item on the trigger's second output ("Not Processed"), so a wrong secret or a flood of
 * redeliveries is seen in n8n instead of as a workflow that "did nothing".
 */
export type NotProcessedOutcome = 'rejected' | 'notJson' | 'filtered' | 'duplicate';

export interface NotProcessedDelivery {
	outcome: NotProcessedOutcome;
	/** The HTTP status the sender got. */
	status: number;
	/** The reason as the answer's body gives it. */
	reason: string;
	/** The answer's body. */
	answer: IDataObject;
	rawBody: Buffer;
	/** Whether the request passed verification (false also for a trigger set to accept unauthenticated requests). */
	verified: boolean;
	clientAddress: string | undefined;
	nowMs: number;
	eventType?: string;
	eventId?: string;
	deliveryKey?: string;
	/** The parsed body, where the request was verified. */
	body?: unknown;
}

/** How many not-processed executions a trigger may start per hour; the rest are counted. */
export const NOT_PROCESSED_LIMIT = { min: 1, max: 3600, default: 20 } as const;
export const NOT_PROCESSED_PERIOD_MS = 3_600_000;
/** One warn line per trigger per reason per this long; the lines between are counted into the next. */
export const WARN_INTERVAL_MS = 60_000;
/** Counters kept per process (triggers × reasons); the oldest is forgotten beyond this. */
const MAX_COUNTERS = 10_000;

/** The item key of a rejected test delivery whose trigger has no Not Processed output: the execute step shows it as an error. */
export const REJECTED_TEST_KEY = '_atsRejectedTestDelivery';

const OUTCOME_NAMES: Record<NotProcessedOutcome, string> = {
	rejected: 'Rejected',
	notJson: 'Not JSON',
	filtered: 'Filtered Out',
	duplicate: 'Redelivery Dropped',
};

const whenOutputOn = { show: { notProcessedOutput: [true] } };

/**
 * The trigger's outputs. An expression, as n8n's Webhook node does, so the second output exists
 * only where the user switched it on; n8n evaluates it when it builds the workflow, not per request.
 */
export const TRIGGER_OUTPUTS =
	'={{ $parameter.notProcessedOutput === true ? [{ type: "main", displayName: "Events" }, { type: "main", displayName: "Not Processed" }] : [{ type: "main" }] }}';

export const notProcessedProperties: INodeProperties[] = [
	{
		displayName: 'Not-Processed Output',
		name: 'notProcessedOutput',
		type: 'boolean',
		default: false,
		description:
			'Whether to add a second output, Not Processed, with one item per delivery that started nothing (rejected, not JSON, filtered out or a dropped redelivery), at most the limit below per hour',
	},
	{
		displayName: 'Not-Processed Outcomes',
		name: 'notProcessedOutcomes',
		type: 'multiOptions',
		displayOptions: whenOutputOn,
		default: ['rejected', 'notJson'],
		options: [
			{
				name: 'Filtered Out',
				value: 'filtered',
				description:
					'Authentic, but its event type is not selected in Events (answered as received: 200, or 202 where the vendor expects it)',
			},
			{
				name: 'Not JSON',
				value: 'notJson',
				description: 'Authentic, but the body is not JSON (answered 400)',
			},
			{
				name: 'Redelivery Dropped',
				value: 'duplicate',
				description:
					'A repeat of an event that already started the workflow (answered as received: 200, or 202 where the vendor expects it)',
			},
			{
				name: 'Rejected',
				value: 'rejected',
				description:
					'Wrong or missing signature or key, stale timestamp, no credential (answered 401)',
			},
		],
		description: 'Which deliveries get an item on the Not Processed output',
	},
	{
		displayName: 'Not-Processed Limit (Executions per Hour)',
		name: 'notProcessedLimit',
		type: 'number',
		displayOptions: whenOutputOn,
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 20,
		description:
			'At most this many executions per hour for not-processed deliveries (20 an hour is at most 480 a day under a forged flood); the rest are counted into the next item as suppressedSinceLast',
	},
	{
		displayName: 'Include Body of Unverified Requests',
		name: 'notProcessedUnverifiedBody',
		type: 'boolean',
		displayOptions: whenOutputOn,
		default: false,
		description:
			'Whether items of requests that were not verified carry the body as text. Anyone who knows the URL chooses that text. Verified requests always carry their body.',
	},
];

interface NotProcessedSettings {
	on: boolean;
	outcomes: string[];
	limit: number;
	unverifiedBody: boolean;
}

/** Read on every request; a value that is not a number in range (a workflow written through n8n's API) gets the default. */
function settingsOf(context: IWebhookFunctions): NotProcessedSettings {
	const on = context.getNodeParameter('notProcessedOutput', false) === true;
	if (!on) return { on, outcomes: [], limit: 0, unverifiedBody: false };
	const outcomes = context.getNodeParameter('notProcessedOutcomes', ['rejected', 'notJson']);
	const limit = Number(context.getNodeParameter('notProcessedLimit', NOT_PROCESSED_LIMIT.default));
	return {
		on,
		outcomes: Array.isArray(outcomes) ? outcomes.map(String) : [],
		limit: Number.isFinite(limit)
			? Math.min(NOT_PROCESSED_LIMIT.max, Math.max(NOT_PROCESSED_LIMIT.min, Math.floor(limit)))
			: NOT_PROCESSED_LIMIT.default,
		unverifiedBody: context.getNodeParameter('notProcessedUnverifiedBody', false) === true,
	};
}

type ResponseLike = { status(code: number): { json(body: unknown): unknown } };

/**
 * Answers a delivery that starts no workflow run, and decides whether it still gets an item:
 * - Listen for test event: always shown, on the Not Processed output where it is on and selects
 *   the outcome; else a rejected or non-JSON one as the trigger's error, so a person setting up a
 *   secret sees "signature mismatch" at once. The sender still gets its answer.
 * - Production, output on and outcome selected: an item on the Not Processed output, at most the
 *   limit per hour (across webhook processes where the Redis store is chosen); the rest counted.
 * - Otherwise: a rejection is logged at warn, one line per trigger per reason per minute.
 */
export async function answerNotProcessed(
	this: IWebhookFunctions,
	vendor: Vendor,
	delivery: NotProcessedDelivery,
): Promise<IWebhookResponseData> {
	const settings = settingsOf(this);
	const selected = settings.on && settings.outcomes.includes(delivery.outcome);
	let items: INodeExecutionData[][] | undefined;
	if (this.getMode() === 'manual') {
		if (selected) items = [[], [{ json: itemOf(this, vendor, delivery, settings, 0) }]];
		else if (delivery.outcome === 'rejected' || delivery.outcome === 'notJson') {
			items = [
				[{ json: { [REJECTED_TEST_KEY]: { status: delivery.status, reason: delivery.reason } } }],
			];
		}
	} else if (!selected) {
		if (delivery.outcome === 'rejected' || delivery.outcome === 'notJson')
			warnThrottled(this, vendor, `${delivery.status} ${delivery.reason}`, delivery.nowMs);
		else this.logger.debug(`${vendor.displayName} webhook not processed: ${delivery.reason}`);
	} else {
		const allowance = await allowanceOf(this, vendor, settings.limit, delivery.nowMs);
		if (allowance.allowed)
			items = [
				[],
				[{ json: itemOf(this, vendor, delivery, settings, allowance.suppressedSinceLast) }],
			];
		else
			warnThrottled(
				this,
				vendor,
				`not-processed limit reached (${settings.limit} per hour), item suppressed`,
				delivery.nowMs,
			);
	}
	// n8n answers a webhookResponse only when the request starts nothing; otherwise the answer
	// goes out here, before the execution it starts.
	// A "received" answer (200, or the vendor's acceptedStatus): n8n sends it with the webhook
	// description's responseCode, which triggerDescriptionOf sets to that status.
	if (items === undefined && delivery.status >= 200 && delivery.status < 300)
		return { webhookResponse: delivery.answer };
	(this.getResponseObject() as unknown as ResponseLike)
		.status(delivery.status)
		.json(delivery.answer);
	return items === undefined
		? { noWebhookResponse: true }
		: { noWebhookResponse: true, workflowData: items };
}

function itemOf(
	context: IWebhookFunctions,
	vendor: Vendor,
	delivery: NotProcessedDelivery,
	settings: NotProcessedSettings,
	suppressedSinceLast: number,
): IDataObject {
	const item: IDataObject = {
		outcome: delivery.outcome,
		outcomeName: OUTCOME_NAMES[delivery.outcome],
		status: delivery.status,
		reason: delivery.reason,
		vendor: vendor.key,
		trigger: context.getNode().name,
		workflowId: context.getWorkflow().id ?? null,
		receivedAt: new Date(delivery.nowMs).toISOString(),
		clientAddress: delivery.clientAddress ?? null,
		bodyBytes: delivery.rawBody.length,
		bodySha256: sha256Hex(delivery.rawBody),
		verified: delivery.verified,
		suppressedSinceLast,
	};
	if (delivery.verified) {
		item.eventType = delivery.eventType ?? null;
		item.eventId = delivery.eventId ?? null;
		item.deliveryKey = delivery.deliveryKey ?? null;
		item.body = (delivery.body ?? delivery.rawBody.toString('utf8')) as IDataObject;
	} else if (settings.unverifiedBody) {
		item.body = delivery.rawBody.toString('utf8');
	}
	return item;
}

interface Allowance {
	allowed: boolean;
	suppressedSinceLast: number;
}

/** Fixed hourly windows per trigger: in this process, or on Redis when the trigger's dedupe store is Redis. */
async function allowanceOf(
	context: IWebhookFunctions,
	vendor: Vendor,
	limit: number,
	nowMs: number,
): Promise<Allowance> {
	const windowStart = Math.floor(nowMs / NOT_PROCESSED_PERIOD_MS) * NOT_PROCESSED_PERIOD_MS;
	if (context.getNodeParameter('dedupeStore', 'memory') === 'redis') {
		try {
			const redis = redisSettingsOf(await context.getCredentials(REDIS_CREDENTIAL));
			return await countOnRedis(
				redis,
				scopeOf(context),
				windowStart,
				limit,
				NOT_PROCESSED_PERIOD_MS,
			);
		} catch (error) {
			context.logger.warn(
				`${vendor.displayName} trigger: Redis unavailable, not-processed limit counted in this process`,
				{ reason: (error as Error).message },
			);
		}
	}
	return countInProcess(scopeOf(context), windowStart, limit);
}

const windows = new Map<string, { windowStart: number; count: number; suppressed: number }>();

function countInProcess(scope: string, windowStart: number, limit: number): Allowance {
	let counter = windows.get(scope);
	if (counter === undefined) {
		counter = { windowStart, count: 0, suppressed: 0 };
		remember(windows, scope, counter);
	}
	if (counter.windowStart !== windowStart) Object.assign(counter, { windowStart, count: 0 });
	if (counter.count >= limit) {
		counter.suppressed++;
		return { allowed: false, suppressedSinceLast: 0 };
	}
	counter.count++;
	const suppressedSinceLast = counter.suppressed;
	counter.suppressed = 0;
	return { allowed: true, suppressedSinceLast };
}

const warned = new Map<string, { loggedAt: number; unlogged: number }>();

/**
 * One warn line per trigger per reason per minute, at n8n's default log level; the line says how
 * many more came since the previous one. A count no later delivery reports stays unlogged.
 */
function warnThrottled(
	context: IWebhookFunctions,
	vendor: Vendor,
	reason: string,
	nowMs: number,
): void {
	const key = `${scopeOf(context)}\u0000${reason}`;
	const entry = warned.get(key);
	if (entry !== undefined && nowMs - entry.loggedAt < WARN_INTERVAL_MS) {
		entry.unlogged++;
		return;
	}
	const since = entry?.unlogged ?? 0;
	remember(warned, key, { loggedAt: nowMs, unlogged: 0 });
	context.logger.warn(
		`${vendor.displayName} trigger did not start the workflow: ${reason}${since > 0 ? ` (and ${since} more for this reason since the last such line)` : ''}`,
		{
			vendor: vendor.key,
			workflowId: context.getWorkflow().id ?? null,
			node: context.getNode().name,
			reason,
			count: since + 1,
		},
	);
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
	map.delete(key);
	map.set(key, value);
	if (map.size > MAX_COUNTERS) map.delete(map.keys().next().value as string);
}

/** For tests: forget this process's counters. */
export function forgetNotProcessedCounters(): void {
	windows.clear();
	warned.clear();
}

/**
 * In the trigger's execute step: a rejected test delivery of a trigger without the Not Processed
 * output becomes the node's error (the sender already has its answer); else the Not Processed
 * items, input 2, pass through to output 2.
 */
export function notProcessedOutputOf(
	context: IExecuteFunctions,
	vendor: Vendor,
): INodeExecutionData[] | undefined {
	// Only the handler's own marker item, which has no `_ats`: every event item has it, and an
	// event's body (a sender's choice, unverified ones too) may hold a field of the marker's name.
	const isMarker = (item: INodeExecutionData) =>
		item.json[REJECTED_TEST_KEY] !== undefined && item.json[METADATA_KEY] === undefined;
	const shown = context.getInputData().find(isMarker)?.json[REJECTED_TEST_KEY] as
		| IDataObject
		| undefined;
	if (shown !== undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`${vendor.displayName} test delivery rejected (${String(shown.status)}): ${String(shown.reason)}`,
			{
				description:
					'The sender was answered with this and the workflow did not run. For a signature or key mismatch, check that the secret in the credential is the one the vendor shows for this webhook.',
			},
		);
	}
	if (context.getNodeParameter('notProcessedOutput', 0, false) !== true) return undefined;
	let items: INodeExecutionData[] = [];
	try {
		items = context.getInputData(1) ?? [];
	} catch {
		items = [];
	}
	return items.map((item, index) => ({ ...item, pairedItem: { item: index, input: 1 } }));
}
