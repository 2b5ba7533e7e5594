import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class KeldairHrApi implements ICredentialType {
	name = 'keldairHrApi';

	displayName = 'KeldairHR API';

	icon: Icon = {
		light: 'file:../nodes/KeldairHrTrigger/keldairHr.svg',
		dark: 'file:../nodes/KeldairHrTrigger/keldairHr.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#keldairhr';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The webhook signing secret agreed with the KeldairHR product team',
		},
		{
			displayName: 'Signature Header',
			name: 'signatureHeader',
			type: 'string',
			default: 'X-Signature',
			description:
				'The header that carries the HMAC-SHA256 signature (hex or base64, optionally prefixed "sha256=")',
		},
	];
}
