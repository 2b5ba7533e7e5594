import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class KnitApi implements ICredentialType {
	name = 'knitApi';

	displayName = 'Knit API';

	icon: Icon = { light: 'file:../nodes/KnitTrigger/knit.svg', dark: 'file:../nodes/KnitTrigger/knit.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#knit';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your Knit API key. Knit signs every webhook with it; the trigger also uses it to start and pause syncs if you let it register itself.',
		},
	];

	// Used only when the trigger registers itself (Knit's sync.start / sync.pause).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};
}
