import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class KnitApi implements ICredentialType {
	name = 'knitApi';

	displayName = 'Knit API';

	icon: Icon = 'file:../nodes/KnitTrigger/knit.svg';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#knit';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your Knit API key. Knit signs every webhook with it; the trigger also uses it to start, pause and resume syncs if you let it register itself.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.getknit.dev/v1.0',
			description: "Knit's API address (from Knit's documentation). Change it only for a proxy or a test server: the API key is sent there.",
		},
	];

	// Used when the trigger registers itself (Knit's sync.start / sync.pause / sync.resume).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};
}
