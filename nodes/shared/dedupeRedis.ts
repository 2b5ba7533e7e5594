import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { Redis as RedisClient, type Redis, type RedisOptions } from 'ioredis';

import type { DeliveryIdentity } from './dedupe';
import { UNCONFIRMED_CLAIM_MS } from './dedupe';

/**
 * The shared dedupe store: the same slots as the in-process store, on a Redis every n8n
 * process reaches (in queue mode, the one n8n already runs on). Each operation is one Lua
 * script, so it is atomic across processes. A claim sets the slot with a
 * `UNCONFIRMED_CLAIM_MS` expiry; the execute step, wherever the execution runs (a worker),
 * extends it to the window.
 *
 * The client is n8n's own `ioredis` (n8n 1.x and 2.x ship it for their queue; n8n puts its
 * modules on NODE_PATH, which is how `zod` resolves too), so the package keeps no runtime
 * dependency. A static import on purpose: a dynamic import() resolves as ES modules do and
 * ignores NODE_PATH. A connection is only opened when a trigger uses this store.
 */

// KEYS[1] slot, ARGV[1] fingerprint, ARGV[2] expiry in ms. 0: the slot holds this fingerprint.
const CLAIM = `if redis.call('GET', KEYS[1]) == ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;
// Extends the slot only while it still holds this delivery (a later state may have replaced it).
const CONFIRM = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

export const REDIS_KEY_PREFIX = 'n8n-ats-dedupe';

export interface RedisSettings {
	host: string;
	port: number;
	user?: string;
	password?: string;
	database: number;
	ssl: boolean;
}

export function redisSettingsOf(credentials: ICredentialDataDecryptedObject): RedisSettings {
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	return {
		host: text(credentials.host) ?? '127.0.0.1',
		port: Number(credentials.port ?? 6379),
		user: text(credentials.user),
		password: text(credentials.password),
		database: Number(credentials.database ?? 0),
		ssl: credentials.ssl === true,
	};
}

const clients = new Map<string, Redis>();

async function connect(settings: RedisSettings): Promise<Redis> {
	const options: RedisOptions = {
		host: settings.host,
		port: settings.port,
		username: settings.user,
		password: settings.password,
		db: settings.database,
		tls: settings.ssl ? {} : undefined,
		// A webhook must be answered quickly even when Redis is gone: fail the command instead
		// of queueing it behind reconnects.
		connectTimeout: 2_000,
		commandTimeout: 2_000,
		maxRetriesPerRequest: 1,
	};
	const client = new RedisClient(options);
	// Errors surface on the commands; without a listener ioredis also prints each one.
	client.on('error', () => undefined);
	return client;
}

/** One client per Redis (and database) per process, opened on first use and kept. */
async function clientFor(settings: RedisSettings): Promise<Redis> {
	const id = JSON.stringify(settings);
	let client = clients.get(id);
	if (client === undefined) {
		client = await connect(settings);
		clients.set(id, client);
	}
	return client;
}

const redisKey = (scope: string, slot: string) => `${REDIS_KEY_PREFIX}:${scope}:${slot}`;

export async function claimOnRedis(settings: RedisSettings, scope: string, identity: DeliveryIdentity): Promise<boolean> {
	const client = await clientFor(settings);
	const result = await client.eval(CLAIM, 1, redisKey(scope, identity.slot), identity.fingerprint, UNCONFIRMED_CLAIM_MS);
	return result === 1;
}

export async function confirmOnRedis(
	settings: RedisSettings,
	scope: string,
	identities: DeliveryIdentity[],
	windowMs: number,
): Promise<void> {
	if (identities.length === 0) return;
	const client = await clientFor(settings);
	await Promise.all(
		identities.map(async (identity) => await client.eval(CONFIRM, 1, redisKey(scope, identity.slot), identity.fingerprint, windowMs)),
	);
}

/** For the credential test: a round trip to the server. */
export async function pingRedis(settings: RedisSettings): Promise<void> {
	const client = await connect({ ...settings });
	try {
		await client.ping();
	} finally {
		client.disconnect();
	}
}

/** Closes every client this process opened (tests, benchmark). */
export async function closeRedisClients(): Promise<void> {
	for (const client of clients.values()) client.disconnect();
	clients.clear();
}
