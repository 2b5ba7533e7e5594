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
import { greenhouseTrigger } from './greenhouse.trigger';

const calls = triggerCalls(greenhouseTrigger);

export class GreenhouseTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'Greenhouse Trigger',
		name: 'greenhouseTrigger',
		icon: { light: 'file:greenhouse.svg', dark: 'file:greenhouse.dark.svg' },
		description:
			'Starts the workflow on Greenhouse Recruiting web hooks (applications, candidates, offers, jobs)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'Greenhouse Trigger' },
		credentials: [
			{ name: 'greenhouseApi', required: true, testedBy: 'greenhouseApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(greenhouseTrigger, {
			notice:
				"Paste this node's Production URL into Greenhouse → Configure → Dev Center → Web Hooks as the Endpoint URL (one web hook per event; the same URL can serve several), and put the web hook's Secret Key into this node's credential. Saving the web hook sends a signed ping: it is answered 200 (unless Emit Test Pings is on, nothing runs); if it fails, Greenhouse creates the web hook disabled. Greenhouse sends no event id in the body, so dedupe keys on the body's digest: only a byte-identical redelivery is dropped.",
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			greenhouseApiTest: secretFormatTest('Greenhouse', [
				{ name: 'secretKey', label: 'Secret Key' },
			]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
