import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { secretFormatTest } from '../shared/credentialTest';
import { redisConnectionTest } from '../shared/dedupe';
import {
	EVENTS_SUBTITLE,
	redisCredentialShown,
	triggerDescription,
	triggerProperties,
} from '../shared/description';
import { triggerCalls } from '../shared/pipeline';
import { startupKitTrigger } from './startupKit.trigger';

const calls = triggerCalls(startupKitTrigger);

export class StartupKitTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'StartupKit Trigger',
		name: 'startupKitTrigger',
		icon: { light: 'file:startupKit.svg', dark: 'file:startupKit.dark.svg' },
		description:
			'Starts the workflow on StartupKit hiring events (applications, offers, interviews, reviews, jobs)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'StartupKit Trigger' },
		credentials: [
			{ name: 'startupKitApi', required: true, testedBy: 'startupKitApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(startupKitTrigger, {
			notice:
				"Paste this node's Production URL into StartupKit → Integrations → Webhooks, then use Send Test Ping. Every request must carry a valid X-Webhook-Signature and a fresh X-Webhook-Timestamp.",
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			startupKitApiTest: secretFormatTest('StartupKit', [
				{ name: 'signingSecret', label: 'Signing Secret' },
			]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
