import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { redisConnectionTest } from '../shared/dedupe';
import {
	EVENTS_SUBTITLE,
	eventFilterProperty,
	redisCredentialShown,
	triggerDescription,
	triggerProperties,
} from '../shared/description';
import { triggerCalls } from '../shared/pipeline';
import { WORKABLE_CANDIDATE_EVENTS, workableEvents } from './workable.schema';
import { workableApiTokenTest, workableWebhookMethods } from './workable.subscription';
import { workableTrigger } from './workable.trigger';

const whenSubscribingToCandidates = {
	displayOptions: {
		show: { createSubscription: [true], event: [...WORKABLE_CANDIDATE_EVENTS] },
	},
};

const calls = triggerCalls(workableTrigger, { webhookMethods: workableWebhookMethods });

export class WorkableTrigger implements INodeType {
	// Names, icon, subtitle and credentials written out: n8n's lint reads them from the source.
	description: INodeTypeDescription = {
		displayName: 'Workable Trigger',
		name: 'workableTrigger',
		icon: { light: 'file:workable.svg', dark: 'file:workable.dark.svg' },
		description:
			'Starts the workflow on Workable webhook subscriptions (candidates created or moved, employee events)',
		subtitle: EVENTS_SUBTITLE,
		defaults: { name: 'Workable Trigger' },
		credentials: [
			{ name: 'workableApi', required: true, testedBy: 'workableApiTest' },
			{ name: 'atsDedupeRedisApi', testedBy: 'atsDedupeRedisTest', ...redisCredentialShown },
		],
		...triggerDescription,
		properties: triggerProperties(workableTrigger, {
			first: [
				{
					displayName: 'Event',
					name: 'event',
					type: 'options',
					options: workableEvents,
					default: 'candidate_created',
					description:
						"The event of this node's Workable subscription (one subscription, one event). Payloads that do not name their event themselves (Workable's candidate payloads) get it as event_type.",
				},
			],
			notice:
				"Activating the workflow subscribes this node's Production URL to the Event above in Workable (POST /subscriptions) with the credential's API access token; deactivating deletes that subscription. Workable signs each request with the same token (or your OAuth app's secret) and replays it until it is answered 200, so a wrong token means every event is retried and none runs: check the credential first.",
			eventFilter: [
				eventFilterProperty(workableTrigger, {
					hint: 'A Workable subscription sends one event type, the Event above: leave this at All Events unless the subscription was made by hand for several nodes.',
				}),
			],
			then: [
				{
					displayName: 'Create Subscription on Activation',
					name: 'createSubscription',
					type: 'boolean',
					default: true,
					description:
						"Whether activating the workflow creates the Workable subscription (and deactivating deletes it). Off: create it yourself with POST /subscriptions, this node's Production URL as target; the node then only receives. The API address is the credential's.",
				},
				{
					displayName: 'Job Shortcode',
					name: 'jobShortcode',
					type: 'string',
					default: '',
					placeholder: 'GROOV005',
					description: "Only this job's candidates (the job's shortcode); empty for every job",
					...whenSubscribingToCandidates,
				},
				{
					displayName: 'Stage Slug',
					name: 'stageSlug',
					type: 'string',
					default: '',
					placeholder: 'hired',
					description:
						'Only candidates in this stage (its slug, e.g. hired); empty for every stage',
					...whenSubscribingToCandidates,
				},
			],
		}),
	};

	methods = {
		credentialTest: {
			atsDedupeRedisTest: redisConnectionTest,
			workableApiTest: workableApiTokenTest,
		},
	};

	webhookMethods = calls.webhookMethods;

	execute = calls.execute;

	webhook = calls.webhook;
}
