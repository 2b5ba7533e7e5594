import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { redisConnectionTest } from '../shared/dedupe';
import {
	EVENTS_SUBTITLE,
	redisCredentialShown,
	triggerDescription,
	triggerProperties,
} from '../shared/description';
import { triggerCalls } from '../shared/pipeline';
import { knitApiKeyTest } from './knit.credentialTest';
import { knitWebhookMethods } from './knit.registration';
import { knitTrigger } from './knit.trigger';

const whenRegistering = { displayOptions: { show: { registerWebhook: [true] } } };

const calls = triggerCalls(knitTrigger, { webhookMethods: knitWebhookMethods });

export class KnitTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'Knit Trigger',
		name: 'knitTrigger',
		icon: { light: 'file:knit.svg', dark: 'file:knit.dark.svg' },
		description: 'Starts the workflow on Knit sync events (one record per request)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'Knit Trigger' },
		credentials: [
			{ name: 'knitApi', required: true, testedBy: 'knitApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(knitTrigger, {
			notice:
				"Use this node's Production URL as the destination of a Knit sync, or let the node start the sync for you below. Requests must carry a valid X-Knit-Signature.",
			then: [
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
			],
		}),
	};

	methods = {
		credentialTest: { atsDedupeRedisTest: redisConnectionTest, knitApiTest: knitApiKeyTest },
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
