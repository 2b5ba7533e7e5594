import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { secretFormatTest } from '../shared/credentialTest';
import { redisConnectionTest } from '../shared/dedupe';
import {
	eventFilterProperty,
	EVENTS_SUBTITLE,
	notice,
	redisCredentialShown,
	triggerDescription,
	triggerProperties,
	triggerVersions,
} from '../shared/description';
import { triggerCalls } from '../shared/pipeline';
import { keldairHrEventPatterns } from './keldairHr.schema';
import { keldairHrTrigger } from './keldairHr.trigger';

// KeldairHR allows unauthenticated webhooks: the node's Authentication parameter decides.
const calls = triggerCalls(keldairHrTrigger, {
	// Only the stored value 'none' switches verification off: any other value, however it got
	// into a workflow (n8n's API, an import), verifies.
	authenticate: (context) => context.getNodeParameter('authentication', 'none') !== 'none',
});

export class KeldairHrTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'KeldairHR Trigger',
		name: 'keldairHrTrigger',
		icon: { light: 'file:keldairHr.svg', dark: 'file:keldairHr.dark.svg' },
		description: 'Starts the workflow on KeldairHR events (applicants, hires, onboarding, jobs)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'KeldairHR Trigger' },
		credentials: [
			{
				name: 'keldairHrApi',
				required: true,
				testedBy: 'keldairHrApiTest',
				displayOptions: { show: { authentication: ['signature'] } },
			},
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		// 1.2: Events became the multi-select every trigger has; 1 and 1.1 keep the free text
		// their workflows hold (both filter the same way).
		version: [...triggerVersions.version, 1.2],
		defaultVersion: 1.2,
		properties: triggerProperties(keldairHrTrigger, {
			first: [
				{
					displayName: 'Authentication',
					name: 'authentication',
					type: 'options',
					options: [
						{
							name: 'None',
							value: 'none',
							description: "Accept any request (KeldairHR's default)",
						},
						{
							name: 'Signature (HMAC-SHA256)',
							value: 'signature',
							description: 'Verify the signature header',
						},
					],
					default: 'none',
				},
				notice(
					'Unauthenticated: anyone who learns this URL can start the workflow. Redeliveries are then dropped only when byte-identical: the event ID alone is not trusted, so a post by someone else cannot suppress a genuine event. Ask KeldairHR for a signing secret and choose Signature.',
					{ displayOptions: { show: { authentication: ['none'] } } },
				),
			],
			notice:
				"Send this node's Production URL to the KeldairHR product team; they register it for you.",
			eventFilter: [
				{
					...eventFilterProperty(keldairHrTrigger, {
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
			],
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			keldairHrApiTest: secretFormatTest('KeldairHR', [
				{ name: 'signingSecret', label: 'Signing Secret' },
			]),
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
