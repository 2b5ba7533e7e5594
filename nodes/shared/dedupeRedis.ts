import { createHmac, randomBytes } from 'crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type * as IORedis from 'ioredis';
import type { Redis, RedisOptions } from 'ioredis';

import type { DeliveryIdentity } from './dedupe';
import { UNCONFIRMED_CLAIM_MS } from './dedupeMemory';

/**
 * The shared dedupe store: the same slots as the in-process store, on a Redis every n8n
 * process reaches (in queue mode, the one n8n already runs on). Each operation is one Lua
 * script, so it is atomic across processes. A claim sets the slot with a
 * `UNCONFIRMED_CLAIM_MS` expiry; the execute step, wherever the execution runs (a worker),
 * extends it to the window.
 *
 * The client is n8n's own `ioredis` (n8n 1.x and 2.x ship it for their queue; n8n puts its
 * modules on NODE_PATH, which is how `zod` resolves too), so the package keeps no runtime
 * dependency. It is required on first use, not imported at module load: every trigger loads
 * this module, and where n8n's ioredis cannot be resolved they must still load and run on the
 * memory store (the Redis store then fails like an unreachable Redis: the delivery runs
 * undeduped). A `require`, not a dynamic import(), which resolves as ES modules do and ignores
 * NODE_PATH. A connection is only opened when a trigger uses this store.
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

/**
 * Why a Redis operation failed, in fixed words. Never the server's own text: whatever listens
 * at the credential's host can answer anything, including what it was sent (the password).
 */
export type RedisFailure =
	| 'could not connect'
	| 'timed out'
	| 'authentication refused'
	| 'command not permitted for this Redis user'
	| 'TLS failed'
	| 'the server answered an error (its text is not shown)'
	| 'no Redis client (ioredis) found in this n8n';

const TLS_CODE = /^(ERR_SSL|ERR_TLS|ERR_OSSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|EPROTO)/;
const CONNECT_CODE =
	/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNRESET|ECONNABORTED|EPIPE|EADDRNOTAVAIL)$/;

/**
 * Reads only error codes and class names of our side, and the first word of a server's reply
 * (Redis puts its error class there); `undefined` for ioredis's generic "connection closed"
 * errors, whose real cause is an earlier connection error.
 */
function failureOf(error: unknown): RedisFailure | undefined {
	if (error instanceof RedisStoreError) return error.failure;
	const { code, name, message } = (error ?? {}) as {
		code?: unknown;
		name?: unknown;
		message?: unknown;
	};
	const text = typeof message === 'string' ? message : '';
	if (typeof code === 'string') {
		if (code === 'ETIMEDOUT') return 'timed out';
		if (TLS_CODE.test(code)) return 'TLS failed';
		if (CONNECT_CODE.test(code)) return 'could not connect';
	}
	if (name === 'ReplyError') {
		if (/^(WRONGPASS|NOAUTH)\b/.test(text) || /^ERR invalid (password|username)/.test(text))
			return 'authentication refused';
		if (/^NOPERM\b/.test(text)) return 'command not permitted for this Redis user';
		return 'the server answered an error (its text is not shown)';
	}
	if (text === 'Command timed out' || text.endsWith(': Command timed out')) return 'timed out';
	if (name === 'MaxRetriesPerRequestError' || text === 'Connection is closed.') return undefined;
	return 'the server answered an error (its text is not shown)';
}

/** The most telling of the errors one operation met (the connection's errors first). */
function bestFailure(errors: unknown[]): RedisFailure {
	for (const error of errors) {
		const failure = failureOf(error);
		if (failure !== undefined) return failure;
	}
	return 'could not connect';
}

/**
 * What claimOnRedis / confirmOnRedis throw: a fresh error with a fixed message and nothing
 * else. ioredis's own errors hold the server's text and, for a refused AUTH, the password in
 * `command.args`; they never leave this module.
 */
export class RedisStoreError extends Error {
	constructor(readonly failure: RedisFailure) {
		super(`Redis: ${failure}`);
		this.name = 'RedisStoreError';
	}
}

let ioredis: typeof IORedis | undefined;

/** A client from n8n's ioredis, required the first time one is needed (see the top). */
function newClient(options: RedisOptions): Redis {
	if (ioredis === undefined) {
		try {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			ioredis = require('ioredis') as typeof IORedis;
		} catch {
			// Not NodeApiError, and not the require error (its text holds this host's paths).
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw new RedisStoreError('no Redis client (ioredis) found in this n8n');
		}
	}
	return new ioredis.Redis(options);
}

function optionsOf(settings: RedisSettings): RedisOptions {
	return {
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
		// ioredis's ready check (INFO) prints a refused INFO's text with console.warn, to n8n's
		// output: server text, which may hold what it was sent. A Redis still loading its data
		// refuses the commands instead, and the delivery runs undeduped.
		enableReadyCheck: false,
	};
}

interface CachedClient {
	client: Redis;
	/** The triggers (workflow and node) whose latest request used these settings. */
	users: Set<string>;
	/** Operations in flight: a replaced client is closed only once they are done. */
	busy: number;
	/** The connection's latest error, as a fixed reason (a command only says "closed"). */
	lastFailure?: RedisFailure;
}

/**
 * Clients by a keyed digest of their settings: the map never holds a password, and the digest
 * (keyed by a per-process random key) cannot be used to guess one offline.
 */
const clients = new Map<string, CachedClient>();
/** Which settings each trigger used last; a trigger whose credential changed releases the old. */
const settingsOfTrigger = new Map<string, string>();
const DIGEST_KEY = randomBytes(32);

const digestOf = (settings: RedisSettings) =>
	createHmac('sha256', DIGEST_KEY)
		.update(
			JSON.stringify([
				settings.host,
				settings.port,
				settings.user,
				settings.password,
				settings.database,
				settings.ssl,
			]),
		)
		.digest('hex');

function open(settings: RedisSettings): CachedClient {
	const cached: CachedClient = {
		client: newClient(optionsOf(settings)),
		users: new Set(),
		busy: 0,
	};
	// Errors surface on the commands; without a listener ioredis also prints each one.
	cached.client.on('error', (error: unknown) => {
		cached.lastFailure = failureOf(error) ?? cached.lastFailure;
	});
	cached.client.on('ready', () => {
		cached.lastFailure = undefined;
	});
	return cached;
}

/** QUIT lets replies in flight arrive; a client that is not connected is simply dropped. */
function close(client: Redis): void {
	if (client.status !== 'ready') {
		client.disconnect();
		return;
	}
	client.quit().catch(() => client.disconnect());
}

function closeIfUnused(digest: string): void {
	const cached = clients.get(digest);
	if (cached === undefined || cached.users.size > 0 || cached.busy > 0) return;
	clients.delete(digest);
	close(cached.client);
}

/**
 * One client per credential settings per process, opened on first use. When a trigger's
 * credential now resolves to other settings (password or host changed, another credential
 * chosen), the trigger moves to a client for the new settings, and the old one is closed once
 * no trigger uses it: a process never keeps clients for old passwords.
 */
async function onRedis<T>(
	settings: RedisSettings,
	trigger: string,
	operation: (client: Redis) => Promise<T>,
): Promise<T> {
	const digest = digestOf(settings);
	let cached = clients.get(digest);
	if (cached === undefined) {
		cached = open(settings);
		clients.set(digest, cached);
	}
	cached.users.add(trigger);
	cached.busy++;
	const previous = settingsOfTrigger.get(trigger);
	settingsOfTrigger.set(trigger, digest);
	if (previous !== undefined && previous !== digest) {
		clients.get(previous)?.users.delete(trigger);
		closeIfUnused(previous);
	}
	try {
		return await operation(cached.client);
	} catch (error) {
		// Not NodeApiError: it would carry ioredis's error (server text, AUTH's arguments) along.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw new RedisStoreError(failureOf(error) ?? cached.lastFailure ?? 'could not connect');
	} finally {
		cached.busy--;
		closeIfUnused(digest);
	}
}

const redisKey = (scope: string, slot: string) => `${REDIS_KEY_PREFIX}:${scope}:${slot}`;

/** `scope` is the trigger (workflow and node id): its keys, and the owner of its client. */
export async function claimOnRedis(
	settings: RedisSettings,
	scope: string,
	identity: DeliveryIdentity,
): Promise<boolean> {
	return await onRedis(settings, scope, async (client) => {
		const result = await client.eval(
			CLAIM,
			1,
			redisKey(scope, identity.slot),
			identity.fingerprint,
			UNCONFIRMED_CLAIM_MS,
		);
		return result === 1;
	});
}

export async function confirmOnRedis(
	settings: RedisSettings,
	scope: string,
	identities: DeliveryIdentity[],
	windowMs: number,
): Promise<void> {
	if (identities.length === 0) return;
	// PEXPIRE takes whole milliseconds only (Redis refuses 3960000.0000000005, 1.1 h): the
	// caller rounds; a window that is not one is a bug to see, not a value to send.
	if (!Number.isSafeInteger(windowMs) || windowMs < UNCONFIRMED_CLAIM_MS)
		throw new RangeError('Redelivery window is not whole milliseconds in range');
	await onRedis(settings, scope, async (client) => {
		await Promise.all(
			identities.map(
				async (identity) =>
					await client.eval(
						CONFIRM,
						1,
						redisKey(scope, identity.slot),
						identity.fingerprint,
						windowMs,
					),
			),
		);
	});
}

// KEYS[1] counts this window's items, KEYS[2] the ones suppressed since the last item.
const COUNT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n <= tonumber(ARGV[1]) then
  local s = tonumber(redis.call('GET', KEYS[2]) or '0')
  redis.call('DEL', KEYS[2])
  return {1, s}
end
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return {0, 0}`;

/** How long a count of suppressed not-processed items waits on Redis for a next item to carry it. */
const SUPPRESSED_COUNT_TTL_MS = 7 * 24 * 3_600_000;

/**
 * The Not Processed output's limit across every process that shares this Redis: whether this
 * delivery may start an execution in the window that began at `windowStart`, and how many were
 * suppressed since the previous one that could.
 */
export async function countOnRedis(
	settings: RedisSettings,
	scope: string,
	windowStart: number,
	limit: number,
	periodMs: number,
): Promise<{ allowed: boolean; suppressedSinceLast: number }> {
	return await onRedis(settings, scope, async (client) => {
		const [allowed, suppressed] = (await client.eval(
			COUNT,
			2,
			redisKey(scope, `not-processed:${windowStart}`),
			redisKey(scope, 'not-processed:suppressed'),
			limit,
			periodMs,
			SUPPRESSED_COUNT_TTL_MS,
		)) as [number, number];
		return { allowed: allowed === 1, suppressedSinceLast: Number(suppressed) };
	});
}

/**
 * For the credential's Test: a round trip to the server on a client of its own (no retries).
 * Resolves to a fixed reason when it failed, never to text the server sent.
 */
export async function pingRedis(settings: RedisSettings): Promise<RedisFailure | undefined> {
	const errors: unknown[] = [];
	let client: Redis;
	try {
		client = newClient({ ...optionsOf(settings), lazyConnect: true, retryStrategy: () => null });
	} catch (error) {
		return bestFailure([error]);
	}
	client.on('error', (error: unknown) => errors.push(error));
	try {
		// Bounded without a timer of ours: 2 s to connect (TLS included), 2 s per command.
		await client.connect();
		await client.ping();
		return undefined;
	} catch (error) {
		return bestFailure([...errors, error]);
	} finally {
		client.disconnect();
	}
}

/** Closes every client this process opened (tests, benchmark). */
export async function closeRedisClients(): Promise<void> {
	for (const { client } of clients.values()) client.disconnect();
	clients.clear();
	settingsOfTrigger.clear();
}

/** The client cache as it stands, for tests: its keys, and each client's connection status. */
export function redisClientCache(): ReadonlyMap<string, Redis> {
	return new Map([...clients].map(([digest, { client }]) => [digest, client]));
}
