import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class LeverApi implements ICredentialType {
	name = 'leverApi';

	displayName = 'Lever API';

	icon: Icon = {
		light: 'file:../nodes/LeverTrigger/lever.svg',
		dark: 'file:../nodes/LeverTrigger/lever.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#lever';

	properties: INodeProperties[] = [
		{
			displayName: 'Signature Tokens',
			name: 'signatureTokens',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The signature token of each Lever webhook that sends to this node (Lever → Settings → Integrations and API → Webhooks; one token per webhook). Several tokens: one per line, or separated by commas or spaces. A delivery is accepted when any of them signed it.',
		},
	];
}
