import type {
	IHookFunctions,
	INodeCredentialDescription,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	IWebhookDescription,
} from 'n8n-workflow';

import { releaseDeliveries } from './dedupe';
import { DURABLE_SLOTS, MEMORY_SLOTS, PROCESS_MEMORY_MB } from './dedupeMemory';
import { notProcessedProperties, TRIGGER_OUTPUTS } from './notProcessed';
import type { TriggerVendor } from './vendor';

/**
 * Trigger node versions. 1.1 behaves exactly like 1; it exists because n8n evaluates a legacy
 * `binaryData` expression for every request to a version-1 webhook node (n8n
 * webhook-helpers parseRequestBody), which costs an expression-engine isolate per request.
 */
export const triggerVersions = { version: [1, 1.1], defaultVersion: 1.1 };

/**
 * The canvas subtitle of every trigger: the selected events. `[].concat` because versions 1 and
 * 1.1 of KeldairHR store them as comma text, the multi-select as a list.
 */
export const EVENTS_SUBTITLE =
	'={{ [].concat($parameter["events"]).includes("*") ? "All events" : [].concat($parameter["events"]).join(", ") }}';

/** The answer to an event that starts an execution. */
export const ACCEPTED_BODY = '{"received":true}';

export const vendorWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		// What n8n answers when the event starts an execution (n8n 2.x would otherwise answer
		// the literal text "firstEntryJson"). Static text, not an expression: n8n evaluates
		// this for every request before the trigger runs, and an expression costs an
		// expression-engine isolate per request (forged ones included).
		responseData: ACCEPTED_BODY,
		path: 'webhook',
	},
];

/**
 * The webhook description of a trigger whose vendor counts only one status as delivered
 * (`acceptedStatus`): n8n answers with `responseCode` both an event that starts an execution
 * and every `webhookResponse` (redelivery, filtered). Other triggers keep `vendorWebhooks`.
 */
export function vendorWebhooksOf(
	trigger: Pick<TriggerVendor, 'acceptedStatus'>,
): IWebhookDescription[] {
	const status = trigger.acceptedStatus;
	if (status === undefined) return vendorWebhooks;
	// A number, not text: n8n passes the static value to Express's res.status, which (Express 5,
	// in n8n 1.123 and 2.41) throws on anything but an integer. n8n-workflow's type says string.
	return vendorWebhooks.map((webhook) => ({
		...webhook,
		responseCode: status as unknown as string,
	}));
}

/** The "every event" choice; its stored value stays `*`, which existing workflows hold. */
export const ALL_EVENTS: INodePropertyOptions = {
	name: 'All Events',
	value: '*',
	description: 'Every event type, including ones this node does not know yet',
	action: 'On any event',
};

/**
 * The one event filter every trigger shows: a multi-select of readable names whose values are
 * the vendor's codes. `extra` adds choices after "All Events" (KeldairHR's resource patterns).
 */
export function eventFilterProperty(
	trigger: TriggerVendor,
	{ extra = [], hint }: { extra?: INodePropertyOptions[]; hint?: string } = {},
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['*'],
		description: `Which events start the workflow. Others are answered ${trigger.acceptedStatus ?? 200} and dropped. Event types this node does not know yet always pass, flagged invalid.`,
		options: [ALL_EVENTS, ...extra, ...trigger.events],
		...(hint === undefined ? {} : { hint }),
	};
}

export const dedupeOptions: INodeProperties[] = [
	{
		displayName: 'Drop Redelivered Events',
		name: 'dedupe',
		type: 'boolean',
		default: true,
		description:
			'Whether to answer as received (200, or 202 where the vendor expects it) without starting the workflow when the same event arrives again (vendors retry). Keyed on the event ID, else on a digest of the body.',
	},
	{
		displayName: 'Redelivery Window (Hours)',
		name: 'dedupeWindowHours',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 168, numberPrecision: 2 },
		default: 24,
		// No displayOptions on "dedupe": inside a collection n8n evaluates them against the options
		// the user added, so the window would stay hidden (and be dropped) unless "Drop
		// Redelivered Events" had been added first.
		description:
			'How long an event is remembered for dropping redeliveries: 1 to 168 hours, up to two decimals (0.01 h = 36 s), used in whole milliseconds (ignored when Drop Redelivered Events is off)',
	},
];

export const notice = (text: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: text,
	name: 'notice',
	type: 'notice',
	default: '',
	...extra,
});

const whenRedis = { show: { dedupeStore: ['redis'] } };

/**
 * The rest of the optional Redis store credential's entry; every trigger lists
 * `{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown }`
 * after its vendor credential (written out, as n8n's lint reads it from the source).
 */
export const redisCredentialShown: Partial<INodeCredentialDescription> = {
	required: true,
	displayOptions: whenRedis,
};

/** Where dedupe keys live. Top level, not in Options: n8n shows a credential only for top-level values. */
export const dedupeStoreProperties: INodeProperties[] = [
	{
		displayName: 'Dedupe Store',
		name: 'dedupeStore',
		type: 'options',
		options: [
			{
				name: 'In-Process Memory',
				value: 'memory',
				description: 'Enough for a single n8n; the newest keys also survive a restart',
			},
			{
				name: 'Redis',
				value: 'redis',
				description:
					'Shared by every n8n process: needed in queue mode or with several webhook processes',
			},
		],
		default: 'memory',
		description: 'Where the keys of delivered events are kept, to drop redeliveries (see Options)',
	},
	notice(
		`Redeliveries are recognised by the n8n process that received the first delivery: up to ${MEMORY_SLOTS.toLocaleString('en-US')} events per trigger while it runs (all triggers of a process together at most ${PROCESS_MEMORY_MB} MB), the newest ${DURABLE_SLOTS.toLocaleString('en-US')} across restarts. In queue mode, or with several webhook processes, a redelivery that reaches another process runs again: choose Redis.`,
		{ name: 'dedupeStoreNotice', displayOptions: { show: { dedupeStore: ['memory'] } } },
	),
];

export function optionsProperty(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...dedupeOptions, ...extra],
	};
}

/**
 * For vendors where the webhook URL is registered by hand (support ticket, dashboard):
 * there is nothing to create or delete on their side; deactivation only releases this
 * process's dedupe memory.
 */
export const manualWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			releaseDeliveries(this);
			return true;
		},
	},
};

/**
 * The one way to declare a trigger node. A node file writes out what n8n's lint reads from the
 * source (names, icon, subtitle, credentials) and spreads `triggerDescription`; its properties come from
 * `triggerProperties`, its behaviour from `triggerCalls` (pipeline.ts). What is only that vendor's (a notice,
 * an option, Knit's registration) is passed in from the vendor's folder.
 */
export const triggerDescription: Pick<
	INodeTypeDescription,
	'group' | 'version' | 'defaultVersion' | 'inputs' | 'outputs' | 'webhooks'
> = {
	group: ['trigger'],
	...triggerVersions,
	inputs: [],
	outputs: TRIGGER_OUTPUTS,
	webhooks: vendorWebhooks,
};

/** `triggerDescription` with the trigger's own webhook description (see `vendorWebhooksOf`). */
export function triggerDescriptionOf(trigger: Pick<TriggerVendor, 'acceptedStatus'>) {
	return { ...triggerDescription, webhooks: vendorWebhooksOf(trigger) };
}

export interface TriggerPropertiesOf {
	/** Where to paste the URL, what the vendor sends. */
	notice: string;
	/** Shown above the notice (KeldairHR's Authentication). */
	first?: INodeProperties[];
	/** In place of the standard event filter (KeldairHR's patterns and legacy text field). */
	eventFilter?: INodeProperties[];
	/** After the event filter (Knit's registration). */
	then?: INodeProperties[];
	/** Added to Options (before Emit Test Pings, which a vendor with `testEventType` gets). */
	options?: INodeProperties[];
}

/** The editor's range of *Timestamp Tolerance (Seconds)*; see `toleranceSecondsOf` in pipeline.ts. */
export const TOLERANCE_SECONDS = { min: 30, max: 3600, default: 300 } as const;

/**
 * The option every vendor whose signature covers the sender's time gets (`signedTime`): the
 * verifier refuses a time further than this from now, either way.
 */
function toleranceOption(trigger: TriggerVendor): INodeProperties[] {
	if (trigger.signedTime === undefined) return [];
	const { field, note } = trigger.signedTime;
	const { min, max } = TOLERANCE_SECONDS;
	return [
		{
			displayName: 'Timestamp Tolerance (Seconds)',
			name: 'toleranceSeconds',
			type: 'number',
			typeOptions: { minValue: min, maxValue: max },
			// Literal, as n8n's lint reads it; test/unit/security.test.ts checks it equals TOLERANCE_SECONDS.
			default: 300,
			description: `Requests whose ${field} is further than this from now (either way) are rejected as replays.${note ? ` ${note}` : ''} A stored value outside ${min}–${max} is treated as the nearest limit, a non-number as ${TOLERANCE_SECONDS.default}`,
		},
	];
}

/**
 * The option every vendor with a connectivity test gets (`testEventType`): the pipeline answers
 * that event 200 and starts nothing unless it is on.
 */
function emitTestPingsOption(trigger: TriggerVendor): INodeProperties[] {
	if (trigger.testEventType === undefined) return [];
	return [
		{
			displayName: 'Emit Test Pings',
			name: 'emitTestEvents',
			type: 'boolean',
			default: false,
			description: `Whether ${trigger.vendor.displayName}'s connectivity test (${trigger.testEventType}) starts the workflow. Off: it is answered 200 and nothing runs.`,
		},
	];
}

/** Every trigger's properties, in the order every trigger shows them. */
export function triggerProperties(
	trigger: TriggerVendor,
	own: TriggerPropertiesOf,
): INodeProperties[] {
	return [
		...(own.first ?? []),
		notice(own.notice),
		...(own.eventFilter ?? [eventFilterProperty(trigger)]),
		...(own.then ?? []),
		...dedupeStoreProperties,
		...notProcessedProperties,
		optionsProperty([
			...toleranceOption(trigger),
			...(own.options ?? []),
			...emitTestPingsOption(trigger),
		]),
	];
}
