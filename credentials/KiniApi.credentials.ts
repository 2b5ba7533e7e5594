import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class KiniApi implements ICredentialType {
	name = 'kiniApi';

	displayName = 'Kini API';

	icon: Icon = {
		light: 'file:../nodes/KiniTrigger/kini.svg',
		dark: 'file:../nodes/KiniTrigger/kini.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#kini';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The key Kini gave you. Kini sends it as "Authorization: Bearer &lt;key&gt;" with every status webhook.',
		},
	];
}
