import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { secretFormatTest } from '../shared/credentialTest';
import { eventFilterProperty, manualWebhookMethods, notice, optionsProperty, triggerVersions, vendorWebhooks } from '../shared/description';
import { receiveVendorWebhook, rememberDeliveries } from '../shared/pipeline';
import { kiniVendor } from './kini.vendor';

export class KiniTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kini Trigger',
		name: 'kiniTrigger',
		icon: 'file:kini.svg',
		group: ['trigger'],
		...triggerVersions,
		subtitle: '={{ [].concat($parameter["events"]).includes("*") ? "All events" : [].concat($parameter["events"]).join(", ") }}',
		description: "Starts the workflow when Kini reports an application's sync status",
		defaults: { name: 'Kini Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kiniApi', required: true, testedBy: 'kiniApiTest' }],
		webhooks: vendorWebhooks,
		properties: [
			notice(
				'Send Kini this node\'s Production URL (Kini configures webhook URLs for you). Requests without the header Authorization: Bearer followed by your API key are answered 401.',
			),
			eventFilterProperty(kiniVendor),
			optionsProperty(),
		],
	};

	methods = { credentialTest: { kiniApiTest: secretFormatTest('Kini', [{ name: 'apiKey', label: 'API Key' }]) } };

	webhookMethods = manualWebhookMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return rememberDeliveries.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveVendorWebhook.call(this, kiniVendor);
	}
}
