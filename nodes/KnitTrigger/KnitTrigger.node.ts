import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { dedupeStoreProperties, eventFilterProperty, EVENTS_SUBTITLE, notice, optionsProperty, redisCredentialShown, triggerVersions, vendorWebhooks } from '../shared/description';
import { notProcessedProperties, TRIGGER_OUTPUTS } from '../shared/notProcessed';
import { receiveVendorWebhook, rememberDeliveries } from '../shared/pipeline';
import { redisConnectionTest } from '../shared/redelivery';
import { knitApiKeyTest } from './knit.credentialTest';
import { knitWebhookMethods } from './knit.registration';
import { knitVendor } from './knit.vendor';

const whenRegistering = { displayOptions: { show: { registerWebhook: [true] } } };

export class KnitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Knit Trigger',
		name: 'knitTrigger',
		icon: { light: 'file:knit.svg', dark: 'file:knit.dark.svg' },
		group: ['trigger'],
		...triggerVersions,
		subtitle: EVENTS_SUBTITLE,
		description: 'Starts the workflow on Knit sync events (one record per request)',
		defaults: { name: 'Knit Trigger' },
		inputs: [],
		outputs: TRIGGER_OUTPUTS,
		credentials: [{ name: 'knitApi', required: true, testedBy: 'knitApiTest' }, { name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown }],
		webhooks: vendorWebhooks,
		properties: [
			notice(
				"Use this node's Production URL as the destination of a Knit sync, or let the node start the sync for you below. Requests must carry a valid X-Knit-Signature.",
			),
			eventFilterProperty(knitVendor),
			{
				displayName: 'Start Knit Sync on Activation',
				name: 'registerWebhook',
				type: 'boolean',
				default: false,
				description:
					"Whether activating the workflow starts a Knit sync (sync.start) with this webhook as destination. Deactivating pauses that sync; activating again resumes it. The API address is the credential's Base URL.",
			},
			{
				displayName: 'Integration ID',
				name: 'integrationId',
				type: 'string',
				required: true,
				default: '',
				description: "The customer's Knit integration ID (from Knit's UI component)",
				...whenRegistering,
			},
			{
				displayName: 'Data Type',
				name: 'dataType',
				type: 'options',
				options: [
					{ name: 'ATS Applications', value: 'ats_applications' },
					{ name: 'ATS Jobs', value: 'ats_jobs' },
				],
				default: 'ats_applications',
				...whenRegistering,
			},
			{
				displayName: 'Models',
				name: 'models',
				type: 'string',
				default:
					'application_info,application_stage,application_interviews,application_rejection,application_offers,application_attachments',
				description: "Comma-separated Knit model IDs to subscribe to (see Knit's data models)",
				...whenRegistering,
			},
			{
				displayName: 'Frequency',
				name: 'frequency',
				type: 'string',
				default: 'standard',
				...whenRegistering,
			},
			...dedupeStoreProperties,
			...notProcessedProperties,
			optionsProperty(),
		],
	};

	methods = { credentialTest: { atsDedupeRedisTest: redisConnectionTest, knitApiTest: knitApiKeyTest } };

	webhookMethods = knitWebhookMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return rememberDeliveries.call(this, knitVendor);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveVendorWebhook.call(this, knitVendor);
	}
}
