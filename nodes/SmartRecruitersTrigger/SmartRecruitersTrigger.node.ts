import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { secretFormatTest } from '../shared/credentialTest';
import { redisConnectionTest } from '../shared/dedupe';
import {
	EVENTS_SUBTITLE,
	redisCredentialShown,
	triggerDescriptionOf,
	triggerProperties,
} from '../shared/description';
import { receiveVendorWebhook, triggerCalls } from '../shared/pipeline';
import {
	answerHandshake,
	smartRecruitersWebhookMethods,
	withGeneratedKeys,
} from './smartRecruiters.subscription';
import { smartRecruitersTrigger } from './smartRecruiters.trigger';

const calls = triggerCalls(smartRecruitersTrigger, {
	webhookMethods: smartRecruitersWebhookMethods,
});

export class SmartRecruitersTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'SmartRecruiters Trigger',
		name: 'smartRecruitersTrigger',
		icon: { light: 'file:smartRecruiters.svg', dark: 'file:smartRecruiters.dark.svg' },
		description:
			'Starts the workflow on SmartRecruiters webhooks (applications, offers, interviews, jobs, candidates)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'SmartRecruiters Trigger' },
		credentials: [
			{ name: 'smartRecruitersApi', required: true, testedBy: 'smartRecruitersApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		// Answers 202, the only status SmartRecruiters counts as delivered.
		...triggerDescriptionOf(smartRecruitersTrigger),
		properties: triggerProperties(smartRecruitersTrigger, {
			notice:
				"Activating the workflow subscribes this node's Production URL to the selected events with the credential's API key, generates the subscription's signing key and keeps it in the workflow, and activates the subscription (SmartRecruiters' X-Hook-Secret handshake is answered here). Deactivating deletes the subscription. Every notification is answered 202; a rejected one is retried by SmartRecruiters up to 10 times over about a day.",
			then: [
				{
					displayName: 'Create Subscription on Activation',
					name: 'createSubscription',
					type: 'boolean',
					default: true,
					description:
						"Whether activating the workflow creates and activates a SmartRecruiters webhook subscription for this node's Production URL and the selected events (deleted on deactivation). Off: create it yourself and put its secret keys in the credential's Signing Keys.",
				},
			],
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			smartRecruitersApiTest: secretFormatTest('SmartRecruiters', [
				{ name: 'apiKey', label: 'API Key' },
			]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return (
			answerHandshake(this) ??
			(await receiveVendorWebhook.call(this, withGeneratedKeys(this, smartRecruitersTrigger)))
		);
	}
}
