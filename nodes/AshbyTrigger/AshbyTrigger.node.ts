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
import { ashbyTrigger } from './ashby.trigger';

const calls = triggerCalls(ashbyTrigger);

export class AshbyTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'Ashby Trigger',
		name: 'ashbyTrigger',
		icon: { light: 'file:ashby.svg', dark: 'file:ashby.dark.svg' },
		description:
			'Starts the workflow on Ashby webhooks (applications, stage changes, hires, offers, interviews, jobs)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'Ashby Trigger' },
		credentials: [
			{ name: 'ashbyApi', required: true, testedBy: 'ashbyApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(ashbyTrigger, {
			notice:
				"In Ashby: Admin → Integrations → Webhooks → New. Paste this node's Production URL as the Request URL and type the same Secret Token there and in this node's credential (Webhook Secret); one Ashby webhook per type, all with this URL and secret. Ashby never retries a 401, so a real event rejected for a wrong secret is lost for good: check the secret first with the ping Ashby sends when you save the webhook. A correctly signed ping is answered 200 (it runs the workflow only with Emit Test Pings on); a wrong secret gets 401 and Ashby saves the webhook disabled: fix the secret, tick Enabled and click Update to ping again.",
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			ashbyApiTest: secretFormatTest('Ashby', [{ name: 'webhookSecret', label: 'Webhook Secret' }]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
