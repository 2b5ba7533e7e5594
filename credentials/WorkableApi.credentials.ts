import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class WorkableApi implements ICredentialType {
	name = 'workableApi';

	displayName = 'Workable API';

	icon: Icon = {
		light: 'file:../nodes/WorkableTrigger/workable.svg',
		dark: 'file:../nodes/WorkableTrigger/workable.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#workable';

	properties: INodeProperties[] = [
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'groove-tech',
			description:
				'Your Workable account\'s subdomain: the "groove-tech" of groove-tech.workable.com',
		},
		{
			displayName: 'API Access Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An API access token (Workable: Settings → Integrations → API Access Token) with the r_candidates scope, and r_employees for employee events. The trigger creates and deletes its subscription with it, and Workable signs every webhook with it.',
		},
		{
			displayName: 'Signing Secret (OAuth App Secret)',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for subscriptions made through a Workable OAuth app: Workable then signs with the app's client secret. Filled in, it is the only key that is accepted; empty, the API access token is.",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://groove-tech.workable.com/spi/v3',
			description:
				"Workable's API address; empty for https://<subdomain>.workable.com/spi/v3 (Workable's documentation). The token is sent there. Without the switch below only the account's Workable host is used, or a test server on this machine (localhost, 127.x.x.x, [::1]; plain http only there).",
		},
		{
			displayName: "Allow a Base URL Other Than Workable's",
			name: 'allowCustomBaseUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to use a Base URL on another host (a proxy, for example). The token is then sent to that host, and whoever runs it can use it: switch this on only for a host you trust with the token. Its answers are not shown, only their HTTP status.',
		},
	];

	// Used for the subscription calls (POST and DELETE /subscriptions).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiToken}}' } },
	};
}
