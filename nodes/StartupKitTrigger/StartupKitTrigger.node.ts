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
			options: [
				{
					displayName: 'Timestamp Tolerance (Seconds)',
					name: 'toleranceSeconds',
					type: 'number',
					// Literal, as n8n's lint reads it; test/unit/security.test.ts checks it equals TOLERANCE_SECONDS.
					typeOptions: { minValue: 30, maxValue: 3600 },
					default: 300,
					description:
						'Requests whose X-Webhook-Timestamp is further than this from now (either way) are rejected as replays. A stored value outside 30–3600 is treated as the nearest limit, a non-number as 300.',
				},
			],
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
