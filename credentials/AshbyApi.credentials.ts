import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class AshbyApi implements ICredentialType {
	name = 'ashbyApi';

	displayName = 'Ashby API';

	icon: Icon = {
		light: 'file:../nodes/AshbyTrigger/ashby.svg',
		dark: 'file:../nodes/AshbyTrigger/ashby.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#ashby';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The Secret Token typed into the webhook in Ashby (Admin → Integrations → Webhooks). Ashby lets it be left empty; this node needs it, and the same value on every Ashby webhook pointing at this node's URL.",
		},
	];
}
