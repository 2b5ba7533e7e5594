import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class StartupKitApi implements ICredentialType {
	name = 'startupKitApi';

	displayName = 'StartupKit API';

	icon: Icon = {
		light: 'file:../nodes/StartupKitTrigger/startupKit.svg',
		dark: 'file:../nodes/StartupKitTrigger/startupKit.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#startupkit';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The webhook's signing secret from StartupKit's webhook settings",
		},
		{
			displayName: 'Previous Signing Secret',
			name: 'previousSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'While you rotate the secret, requests signed with this older secret are accepted too. Clear it once the rotation is done.',
		},
	];
}
