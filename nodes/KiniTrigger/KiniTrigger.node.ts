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
import { kiniVendor } from './kini.vendor';

export class KiniTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kini Trigger',
		name: 'kiniTrigger',
		icon: { light: 'file:kini.svg', dark: 'file:kini.dark.svg' },
		group: ['trigger'],
		...triggerVersions,
		subtitle: EVENTS_SUBTITLE,
		description: "Starts the workflow when Kini reports an application's sync status",
		defaults: { name: 'Kini Trigger' },
		inputs: [],
		outputs: TRIGGER_OUTPUTS,
		credentials: [{ name: 'kiniApi', required: true, testedBy: 'kiniApiTest' }, { name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown }],
		webhooks: vendorWebhooks,
		properties: [
			notice(
				'Send Kini this node\'s Production URL (Kini configures webhook URLs for you). Requests without the header Authorization: Bearer followed by your API key are answered 401.',
			),
			eventFilterProperty(kiniVendor),
			...dedupeStoreProperties,
			...notProcessedProperties,
			optionsProperty(),
		],
	};

	methods = { credentialTest: { atsDedupeRedisTest: redisConnectionTest, kiniApiTest: secretFormatTest('Kini', [{ name: 'apiKey', label: 'API Key' }]) } };

	webhookMethods = manualWebhookMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return rememberDeliveries.call(this, kiniVendor);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveVendorWebhook.call(this, kiniVendor);
	}
}
