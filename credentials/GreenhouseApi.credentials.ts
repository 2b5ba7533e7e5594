import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class GreenhouseApi implements ICredentialType {
	name = 'greenhouseApi';

	displayName = 'Greenhouse API';

	icon: Icon = {
		light: 'file:../nodes/GreenhouseTrigger/greenhouse.svg',
		dark: 'file:../nodes/GreenhouseTrigger/greenhouse.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#greenhouse';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The web hook's Secret Key, as entered in Greenhouse → Configure → Dev Center → Web Hooks. Greenhouse signs every request with it (Signature: sha256 …). Web hooks that share this node's URL must share this key.",
		},
	];
}
