import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The optional shared dedupe store of the ATS triggers. Its own type rather than n8n's `redis`
 * credential: community packages may not reuse n8n's credential types.
 */
export class AtsDedupeRedisApi implements ICredentialType {
	name = 'atsDedupeRedisApi';

	displayName = 'ATS Dedupe Redis API';

	icon: Icon = {
		light: 'file:../nodes/shared/redis.svg',
		dark: 'file:../nodes/shared/redis.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ats-webhooks#dedupe';

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			description:
				'The password is sent to this host: anyone allowed to edit this credential can point it at a server of theirs and receive the password, so give edit rights only to people who may know it. In queue mode, the Redis n8n already uses (QUEUE_BULL_REDIS_HOST) works; a separate one with maxmemory set is safer (see the documentation).',
		},
		{ displayName: 'Port', name: 'port', type: 'number', default: 6379 },
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'Only for Redis ACL users',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Database Number',
			name: 'database',
			type: 'number',
			default: 0,
			description: 'Keys are prefixed n8n-ats-dedupe:, so the database n8n uses works too',
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'boolean',
			default: false,
			description: 'Whether to connect with TLS',
		},
	];
}
