import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { secretFormatTest } from '../shared/credentialTest';
import { dedupeStoreProperties, eventFilterProperty, EVENTS_SUBTITLE, manualWebhookMethods, notice, optionsProperty, redisCredentialShown, triggerVersions, vendorWebhooks } from '../shared/description';
import { notProcessedProperties, TRIGGER_OUTPUTS } from '../shared/notProcessed';
import { receiveVendorWebhook, rememberDeliveries } from '../shared/pipeline';
import { redisConnectionTest } from '../shared/redelivery';
import { komboVendor } from './kombo.vendor';

export class KomboTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kombo Trigger',
		name: 'komboTrigger',
		icon: { light: 'file:kombo.svg', dark: 'file:kombo.dark.svg' },
		group: ['trigger'],
		...triggerVersions,
		subtitle: EVENTS_SUBTITLE,
		description: 'Starts the workflow on Kombo webhooks (AI Apply status updates, syncs, integrations)',
		defaults: { name: 'Kombo Trigger' },
		inputs: [],
		outputs: TRIGGER_OUTPUTS,
		credentials: [{ name: 'komboApi', required: true, testedBy: 'komboApiTest' }, { name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown }],
		webhooks: vendorWebhooks,
		properties: [
			notice(
				"Paste this node's Production URL into Kombo's dashboard → Configuration → Webhooks and subscribe to the events you want.",
			),
			eventFilterProperty(komboVendor),
			...dedupeStoreProperties,
			...notProcessedProperties,
			optionsProperty(),
		],
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			komboApiTest: secretFormatTest('Kombo', [{ name: 'webhookSecret', label: 'Webhook Secret' }]),
		},
	};

	webhookMethods = manualWebhookMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return rememberDeliveries.call(this, komboVendor);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveVendorWebhook.call(this, komboVendor);
	}
}
