import type { IHookFunctions, INodeProperties, INodePropertyOptions, IWebhookDescription } from 'n8n-workflow';

import type { VendorDefinition } from './vendor';

/**
 * Trigger node versions. 1.1 behaves exactly like 1; it exists because n8n evaluates a legacy
 * `binaryData` expression for every request to a version-1 webhook node (n8n
 * webhook-helpers parseRequestBody), which costs an expression-engine isolate per request.
 */
export const triggerVersions = { version: [1, 1.1], defaultVersion: 1.1 };

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
	vendor: VendorDefinition,
	{ extra = [], hint }: { extra?: INodePropertyOptions[]; hint?: string } = {},
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['*'],
		description:
			'Which events start the workflow. Others are answered 200 and dropped. Event types this node does not know yet always pass, flagged invalid.',
		options: [ALL_EVENTS, ...extra, ...vendor.events],
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
			'Whether to answer 200 without starting the workflow when the same event arrives again (vendors retry). Keyed on the event ID, else on a digest of the body.',
	},
	{
		displayName: 'Redelivery Window (Hours)',
		name: 'dedupeWindowHours',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 168 },
		default: 24,
		description: 'How long an event is remembered for dropping redeliveries',
		displayOptions: { show: { dedupe: [true] } },
	},
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

export const notice = (text: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: text,
	name: 'notice',
	type: 'notice',
	default: '',
	...extra,
});

/**
 * For vendors where the webhook URL is registered by hand (support ticket, dashboard):
 * there is nothing to create or delete on their side, so the lifecycle is a no-op.
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
			return true;
		},
	},
};
