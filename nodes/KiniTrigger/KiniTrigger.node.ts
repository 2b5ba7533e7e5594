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
import { kiniTrigger } from './kini.trigger';

const calls = triggerCalls(kiniTrigger);

export class KiniTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'Kini Trigger',
		name: 'kiniTrigger',
		icon: { light: 'file:kini.svg', dark: 'file:kini.dark.svg' },
		description: "Starts the workflow when Kini reports an application's sync status",
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'Kini Trigger' },
		credentials: [
			{ name: 'kiniApi', required: true, testedBy: 'kiniApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(kiniTrigger, {
			notice:
				"Send Kini this node's Production URL (Kini configures webhook URLs for you). Requests without the header Authorization: Bearer followed by your API key are answered 401.",
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			kiniApiTest: secretFormatTest('Kini', [{ name: 'apiKey', label: 'API Key' }]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
