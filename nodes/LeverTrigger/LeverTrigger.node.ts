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
import { leverTrigger } from './lever.trigger';

const calls = triggerCalls(leverTrigger);

export class LeverTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'Lever Trigger',
		name: 'leverTrigger',
		icon: { light: 'file:lever.svg', dark: 'file:lever.dark.svg' },
		description:
			'Starts the workflow on Lever webhooks (applications, stage changes, hires, archiving, interviews, contacts)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'Lever Trigger' },
		credentials: [
			{ name: 'leverApi', required: true, testedBy: 'leverApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(leverTrigger, {
			notice:
				"Paste this node's Production URL into Lever → Settings → Integrations and API → Webhooks, once for each event you enable. Lever shows a signature token for each webhook: paste every one into this credential's Signature Tokens, one per line. Lever signs only the token and triggeredAt fields, not the rest of the body (event, id, data): this node rejects a triggeredAt outside the tolerance window and a token it already accepted with another body, but that memory is per n8n process.",
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			leverApiTest: secretFormatTest('Lever', [
				{ name: 'signatureTokens', label: 'Signature Tokens' },
			]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
