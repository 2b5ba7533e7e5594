import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class KomboApi implements ICredentialType {
	name = 'komboApi';

	displayName = 'Kombo API';

	icon: Icon = {
		light: 'file:../nodes/KomboTrigger/kombo.svg',
		dark: 'file:../nodes/KomboTrigger/kombo.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#kombo';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The secret shown when you created the webhook in Kombo's dashboard",
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Not needed to receive webhooks; kept here so later Kombo nodes can share this credential.',
		},
	];
}
