import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	dedupeStoreProperties,
	eventFilterProperty,
	manualWebhookMethods,
	notice,
	optionsProperty,
	triggerVersions,
	vendorWebhooks,
} from './description';
import { notProcessedProperties, TRIGGER_OUTPUTS } from './notProcessed';
import { receiveVendorWebhook, rememberDeliveries } from './pipeline';
import type { TriggerVendor } from './vendor';

/**
 * The one way to declare a trigger node. A node file writes out what n8n's lint reads from the
 * source (names, icon, subtitle, credentials) and spreads `triggerDescription`; its properties come from
 * `triggerProperties`, its behaviour from `triggerCalls`. What is only that vendor's (a notice,
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

export interface TriggerPropertiesOf {
	/** Where to paste the URL, what the vendor sends. */
	notice: string;
	/** Shown above the notice (KeldairHR's Authentication). */
	first?: INodeProperties[];
	/** In place of the standard event filter (KeldairHR's patterns and legacy text field). */
	eventFilter?: INodeProperties[];
	/** After the event filter (Knit's registration). */
	then?: INodeProperties[];
	/** Added to Options. */
	options?: INodeProperties[];
}

/** Every trigger's properties, in the order every trigger shows them. */
export function triggerProperties(trigger: TriggerVendor, own: TriggerPropertiesOf): INodeProperties[] {
	return [
		...(own.first ?? []),
		notice(own.notice),
		...(own.eventFilter ?? [eventFilterProperty(trigger)]),
		...(own.then ?? []),
		...dedupeStoreProperties,
		...notProcessedProperties,
		optionsProperty(own.options),
	];
}

/**
 * What n8n calls on a trigger node, with its own context as `this`: the webhook handler, the
 * execute step inside the execution it started, and the webhook's create/delete hooks.
 * `authenticate` is for a vendor that allows unauthenticated webhooks (KeldairHR): the node's
 * parameter decides.
 */
export function triggerCalls(
	trigger: TriggerVendor,
	{
		authenticate,
		webhookMethods = manualWebhookMethods,
	}: { authenticate?: (context: IWebhookFunctions) => boolean; webhookMethods?: typeof manualWebhookMethods } = {},
) {
	return {
		webhookMethods,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return await rememberDeliveries.call(this, trigger.vendor);
		},
		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			return await receiveVendorWebhook.call(this, trigger, { authenticate: authenticate?.(this) ?? true });
		},
	};
}
