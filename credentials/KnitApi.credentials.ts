import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class KnitApi implements ICredentialType {
	name = 'knitApi';

	displayName = 'Knit API';

	icon: Icon = {
		light: 'file:../nodes/KnitTrigger/knit.svg',
		dark: 'file:../nodes/KnitTrigger/knit.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#knit';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Your Knit API key. Knit signs every webhook with it; the trigger also uses it to start, pause and resume syncs if you let it register itself.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.getknit.dev/v1.0',
			description:
				"Knit's API address (from Knit's documentation); the API key is sent there. Without the switch below only https://api.getknit.dev is used, or a test server on this machine (localhost, 127.x.x.x, [::1]; plain http only there).",
		},
		{
			displayName: "Allow a Base URL Other Than Knit's",
			name: 'allowCustomBaseUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to use a Base URL on another host (a proxy, for example). The API key is then sent to that host, and whoever runs it can use it: switch this on only for a host you trust with the key. Its answers are not shown, only their HTTP status.',
		},
	];

	// Used when the trigger registers itself (Knit's sync.start / sync.pause / sync.resume).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};
}
