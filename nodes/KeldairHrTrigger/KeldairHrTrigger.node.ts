import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { secretFormatTest } from '../shared/credentialTest';
import {
	dedupeStoreProperties,
	eventFilterProperty,
	EVENTS_SUBTITLE,
	manualWebhookMethods,
	notice,
	optionsProperty,
	redisCredentialShown,
	triggerVersions,
	vendorWebhooks,
} from '../shared/description';
import { notProcessedProperties, TRIGGER_OUTPUTS } from '../shared/notProcessed';
import { receiveVendorWebhook, rememberDeliveries } from '../shared/pipeline';
import { redisConnectionTest } from '../shared/redelivery';
import { keldairHrEventPatterns } from './keldairHr.schema';
import { keldairHrVendor } from './keldairHr.vendor';

export class KeldairHrTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KeldairHR Trigger',
		name: 'keldairHrTrigger',
		icon: { light: 'file:keldairHr.svg', dark: 'file:keldairHr.dark.svg' },
		group: ['trigger'],
		// 1.2: Events became the multi-select every trigger has; 1 and 1.1 keep the free text
		// their workflows hold (both filter the same way).
		version: [...triggerVersions.version, 1.2],
		defaultVersion: 1.2,
		subtitle: EVENTS_SUBTITLE,
		description: 'Starts the workflow on KeldairHR events (applicants, hires, onboarding, jobs)',
		defaults: { name: 'KeldairHR Trigger' },
		inputs: [],
		outputs: TRIGGER_OUTPUTS,
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
				'Unauthenticated: anyone who learns this URL can start the workflow. Redeliveries are then dropped only when byte-identical: the event ID alone is not trusted, so a post by someone else cannot suppress a genuine event. Ask KeldairHR for a signing secret and choose Signature.',
				{ displayOptions: { show: { authentication: ['none'] } } },
			),
			notice("Send this node's Production URL to the KeldairHR product team; they register it for you."),
			{
				...eventFilterProperty(keldairHrVendor, {
					extra: keldairHrEventPatterns,
					hint: 'KeldairHR publishes no closed list of event types. An "All … Events" choice is a pattern (applicant.*): it also matches types of that resource not listed here.',
				}),
				displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } },
			},
			{
				displayName: 'Event Types',
				name: 'events',
				type: 'string',
				default: '*',
				placeholder: 'applicant.hired, onboarding.*',
				description:
					'Comma-separated event types that start the workflow; "resource.*" matches a whole resource, "*" everything. Others are answered 200 and dropped. KeldairHR publishes no list of types: the placeholder shows examples; ask KeldairHR which types they send.',
				hint: 'KeldairHR documents no event types. Keep "*" until you know the types they send (each item shows its type in _ats.eventType).',
				displayOptions: { show: { '@version': [1, 1.1] } },
			},
			...dedupeStoreProperties,
			...notProcessedProperties,
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
