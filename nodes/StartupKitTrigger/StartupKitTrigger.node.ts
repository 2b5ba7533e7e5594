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
import { startupKitVendor } from './startupKit.vendor';

export class StartupKitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'StartupKit Trigger',
		name: 'startupKitTrigger',
		icon: { light: 'file:startupKit.svg', dark: 'file:startupKit.dark.svg' },
		group: ['trigger'],
		...triggerVersions,
		subtitle: EVENTS_SUBTITLE,
		description: 'Starts the workflow on StartupKit hiring events (applications, offers, interviews, reviews, jobs)',
		defaults: { name: 'StartupKit Trigger' },
		inputs: [],
		outputs: TRIGGER_OUTPUTS,
		credentials: [{ name: 'startupKitApi', required: true, testedBy: 'startupKitApiTest' }, { name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown }],
		webhooks: vendorWebhooks,
		properties: [
			notice(
				"Paste this node's Production URL into StartupKit → Integrations → Webhooks, then use Send Test Ping. Every request must carry a valid X-Webhook-Signature and a fresh X-Webhook-Timestamp.",
			),
			eventFilterProperty(startupKitVendor),
			...dedupeStoreProperties,
			...notProcessedProperties,
			optionsProperty([
				{
					displayName: 'Timestamp Tolerance (Seconds)',
					name: 'toleranceSeconds',
					type: 'number',
					// Literal, as n8n's lint reads it; test/unit/security.test.ts checks it equals TOLERANCE_SECONDS.
					typeOptions: { minValue: 30, maxValue: 3600 },
					default: 300,
					description: 'Requests whose X-Webhook-Timestamp is further than this from now (either way) are rejected as replays. A stored value outside 30–3600 is treated as the nearest limit, a non-number as 300.',
				},
				{
					displayName: 'Emit Test Pings',
					name: 'emitTestEvents',
					type: 'boolean',
					default: false,
					description: 'Whether a test.ping starts the workflow. Off: it is answered 200 and nothing runs.',
				},
			]),
		],
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			startupKitApiTest: secretFormatTest('StartupKit', [{ name: 'signingSecret', label: 'Signing Secret' }]),
		},
	};

	webhookMethods = manualWebhookMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return rememberDeliveries.call(this, startupKitVendor);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveVendorWebhook.call(this, startupKitVendor);
	}
}
