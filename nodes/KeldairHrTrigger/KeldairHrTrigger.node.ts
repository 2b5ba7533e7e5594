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
import { dedupeStoreProperties, manualWebhookMethods, notice, optionsProperty, redisCredentialShown, triggerVersions, vendorWebhooks } from '../shared/description';
import { receiveVendorWebhook, rememberDeliveries } from '../shared/pipeline';
import { redisConnectionTest } from '../shared/redelivery';
import { keldairHrVendor } from './keldairHr.vendor';

export class KeldairHrTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KeldairHR Trigger',
		name: 'keldairHrTrigger',
		icon: { light: 'file:keldairHr.svg', dark: 'file:keldairHr.dark.svg' },
		group: ['trigger'],
		...triggerVersions,
		subtitle: '={{$parameter["events"]}}',
		description: 'Starts the workflow on KeldairHR events (applicants, hires, onboarding, jobs)',
		defaults: { name: 'KeldairHR Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'keldairHrApi',
				required: true,
				testedBy: 'keldairHrApiTest',
				displayOptions: { show: { authentication: ['signature'] } },
			},
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		webhooks: vendorWebhooks,
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'None', value: 'none', description: "Accept any request (KeldairHR's default)" },
					{ name: 'Signature (HMAC-SHA256)', value: 'signature', description: 'Verify the signature header' },
				],
				default: 'none',
			},
			notice(
				'Unauthenticated: anyone who learns this URL can start the workflow. Ask KeldairHR for a signing secret and choose Signature.',
				{ displayOptions: { show: { authentication: ['none'] } } },
			),
			notice("Send this node's Production URL to the KeldairHR product team; they register it for you."),
			{
				displayName: 'Event Types',
				name: 'events',
				type: 'string',
				default: '*',
				placeholder: 'applicant.hired, onboarding.*',
				description:
					'Comma-separated event types that start the workflow; "resource.*" matches a whole resource, "*" everything. Others are answered 200 and dropped. KeldairHR publishes no list of types: the placeholder shows examples; ask KeldairHR which types they send.',
				hint: 'KeldairHR documents no event types. Keep "*" until you know the types they send (each item shows its type in _ats.eventType).',
			},
			...dedupeStoreProperties,
			optionsProperty(),
		],
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			keldairHrApiTest: secretFormatTest('KeldairHR', [{ name: 'signingSecret', label: 'Signing Secret' }]),
		},
	};

	webhookMethods = manualWebhookMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return rememberDeliveries.call(this, keldairHrVendor);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveVendorWebhook.call(this, keldairHrVendor);
	}
}
