import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class SmartRecruitersApi implements ICredentialType {
	name = 'smartRecruitersApi';

	displayName = 'SmartRecruiters API';

	icon: Icon = {
		light: 'file:../nodes/SmartRecruitersTrigger/smartRecruiters.svg',
		dark: 'file:../nodes/SmartRecruitersTrigger/smartRecruiters.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#smartrecruiters';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"A SmartRecruiters API key (Settings → Apps & Integrations → Credentials → New Credential → API Key), sent as X-SmartToken. The trigger uses it to create, activate and delete its webhook subscription; it has full access to your company's SmartRecruiters data.",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.smartrecruiters.com',
			description:
				"SmartRecruiters' API address; the API key is sent there. Without the switch below only https://api.smartrecruiters.com is used, or a test server on this machine (localhost, 127.x.x.x, [::1]; plain http only there).",
		},
		{
			displayName: "Allow a Base URL Other Than SmartRecruiters'",
			name: 'allowCustomBaseUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to use a Base URL on another host (a proxy, for example). The API key is then sent to that host, and whoever runs it can use it: switch this on only for a host you trust with the key. Its answers are not shown, only their HTTP status.',
		},
		{
			displayName: 'Signing Keys',
			name: 'secretKeys',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for a subscription created outside n8n: its secret keys (POST /subscriptions/{id}/secret-key), one per line or separated by spaces, up to 16 (during rotation SmartRecruiters signs with every unexpired key). A subscription the trigger creates itself needs nothing here: its key is generated on activation and kept in the workflow's static data.",
		},
	];

	// The Webhooks Subscription API, with the key as SmartRecruiters' X-SmartToken header.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-SmartToken': '={{$credentials.apiKey}}' } },
	};
}
