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
import { komboTrigger } from './kombo.trigger';

const calls = triggerCalls(komboTrigger);

export class KomboTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'Kombo Trigger',
		name: 'komboTrigger',
		icon: { light: 'file:kombo.svg', dark: 'file:kombo.dark.svg' },
		description:
			'Starts the workflow on Kombo webhooks (AI Apply status updates, syncs, integrations)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'Kombo Trigger' },
		credentials: [
			{ name: 'komboApi', required: true, testedBy: 'komboApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(komboTrigger, {
			notice:
				"Paste this node's Production URL into Kombo's dashboard → Configuration → Webhooks and subscribe to the events you want.",
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			komboApiTest: secretFormatTest('Kombo', [{ name: 'webhookSecret', label: 'Webhook Secret' }]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
