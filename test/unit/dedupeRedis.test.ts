/**
 * The Redis dedupe store against a real redis-server (and, where a server must misbehave, a
 * fake on 127.0.0.1), through n8n-core's real WebhookContext and ExecuteContext. Issue 20:
 * item 1 (window in whole milliseconds), item 9 (client cache), item 3 for the Redis
 * credential (nothing from the server is shown or logged), and the test server's start-up.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { AddressInfo, Server, Socket } from 'net';
import { createServer } from 'net';
import { inspect } from 'util';
import type {
	ICredentialDataDecryptedObject,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import { Redis } from 'ioredis';

import { KomboTrigger } from '../../nodes/KomboTrigger/KomboTrigger.node';
import { redisConnectionTest } from '../../nodes/shared/dedupe';
import { UNCONFIRMED_CLAIM_MS, forgetMemoryStores } from '../../nodes/shared/dedupeMemory';
import {
	REDIS_KEY_PREFIX,
	claimOnRedis,
	closeRedisClients,
	redisClientCache,
	redisSettingsOf,
} from '../../nodes/shared/dedupeRedis';
import { credentialsOf, kitOf, signing } from '../support/vendors';
import { callWebhook, executeTrigger, triggerNode, workflowOf } from '../support/context';

const { startRedis } = require('../support/redis');

type RedisServer = { host: string; port: number; stop(): Promise<void> };

const SECRET = 'unit-test-secret-value';
const HOUR = 3_600_000;
const kombo = new KomboTrigger();
let sequence = 0;

const komboEvent = () =>
	signing.sampleEvent('kombo', 'ai-apply-application-status-updated', ++sequence, Date.now());
const komboCredentials = () => credentialsOf(kitOf('kombo'), SECRET);

function signed(body: Record<string, unknown>) {
	const rawBody = JSON.stringify(body);
	return {
		rawBody,
		headers: {
			'content-type': 'application/json',
			...kitOf('kombo').sign(rawBody, komboCredentials(), Date.now()),
		},
	};
}

const ran = (call: { items: unknown[] }) => call.items.length === 1;

/** A production delivery to a Kombo trigger on the Redis store, and its execute step (a worker). */
async function deliverAndExecute(
	redisCredential: ICredentialDataDecryptedObject,
	{ workflowId = `wf-${++sequence}`, options = {} as INodeParameters } = {},
) {
	const call = await callWebhook(kombo, {
		...signed(komboEvent()),
		credentials: komboCredentials(),
		otherCredentials: { atsDedupeRedisApi: redisCredential },
		parameters: { dedupeStore: 'redis', options },
		workflowId,
	});
	expect(ran(call)).toBe(true);
	await executeTrigger(kombo, call.workflow, call.items, {
		credentials: { atsDedupeRedisApi: redisCredential },
	});
	return call;
}

const captureWarnings = () =>
	jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);

async function waitForStatus(client: Redis, status: string) {
	for (let tries = 0; client.status !== status && tries < 100; tries++)
		await new Promise((resolve) => setTimeout(resolve, 20));
	return client.status;
}

beforeEach(() => forgetMemoryStores());
afterEach(async () => {
	jest.restoreAllMocks();
	await closeRedisClients();
});

describe('item 1: the Redis window in whole milliseconds, within the editor range', () => {
	let redis: RedisServer;
	let admin: Redis;
	beforeAll(async () => {
		redis = await startRedis();
		admin = new Redis({ host: redis.host, port: redis.port });
	});
	afterAll(async () => {
		admin.disconnect();
		await redis.stop();
	});

	const ttlAfterConfirm = async (options: INodeParameters) => {
		const warn = captureWarnings();
		const workflowId = `wf-window-${++sequence}`;
		await deliverAndExecute({ host: redis.host, port: redis.port }, { workflowId, options });
		const keys = await admin.keys(`${REDIS_KEY_PREFIX}:${workflowId}:*`);
		expect(keys).toHaveLength(1);
		// The confirm step really extended the key: no warning was its only trace.
		expect(warn).not.toHaveBeenCalled();
		return await admin.pttl(keys[0]);
	};

	it('1.1 h: the confirmed key lives 3,960,000 ms, not the 5-minute claim expiry', async () => {
		const ttl = await ttlAfterConfirm({ dedupeWindowHours: 1.1 });
		expect(ttl).toBeGreaterThan(3_960_000 - 30_000);
		expect(ttl).toBeLessThanOrEqual(3_960_000);
		expect(ttl).toBeGreaterThan(UNCONFIRMED_CLAIM_MS);
	});

	it.each([
		[2.2, 2.2 * HOUR],
		[149.11, 149.11 * HOUR],
		[24.123456789, 24.123456789 * HOUR], // more decimals than the editor takes: a workflow written elsewhere
	])('%p h is applied in whole milliseconds', async (hours, expected) => {
		expect(Number.isInteger(hours * HOUR)).toBe(false); // the case the old code sent to Redis as is
		const ttl = await ttlAfterConfirm({ dedupeWindowHours: hours });
		expect(ttl).toBeGreaterThan(Math.round(expected) - 30_000);
		expect(ttl).toBeLessThanOrEqual(Math.round(expected));
	});

	it.each([
		['"x"', 'x', 24 * HOUR],
		['NaN', NaN, 24 * HOUR],
		['an empty text', '', 24 * HOUR],
		['1e12', 1e12, 168 * HOUR],
		['"500"', '500', 168 * HOUR],
		['0', 0, 1 * HOUR],
		['-5', -5, 1 * HOUR],
		['1/3', 1 / 3, 1 * HOUR],
	])(
		'a window of %s from a workflow is clamped or falls back to the editor range',
		async (_label, hours, expected) => {
			const ttl = await ttlAfterConfirm({ dedupeWindowHours: hours });
			expect(ttl).toBeGreaterThan(expected - 30_000);
			expect(ttl).toBeLessThanOrEqual(expected);
		},
	);

	it('works with the ACL user docs/dedupe.md recommends: only n8n-ats-dedupe:* keys, only the commands it runs', async () => {
		const password = 'acl-user-password-4c2e';
		await admin.acl(
			'SETUSER',
			'ats-dedupe',
			'reset',
			'on',
			`>${password}`,
			'~n8n-ats-dedupe:*',
			'-@all',
			'+eval',
			'+get',
			'+set',
			'+pexpire',
			'+ping',
		);
		const warn = captureWarnings();
		const workflowId = 'wf-acl';
		await deliverAndExecute(
			{ host: redis.host, port: redis.port, user: 'ats-dedupe', password },
			{ workflowId },
		);
		expect(warn).not.toHaveBeenCalled();
		const [key] = await admin.keys(`${REDIS_KEY_PREFIX}:${workflowId}:*`);
		expect(await admin.pttl(key)).toBeGreaterThan(23 * HOUR);
		expect(
			await testCredential({ host: redis.host, port: redis.port, user: 'ats-dedupe', password }),
		).toMatchObject({ status: 'OK' });
	});

	it('the option says what precision it takes', () => {
		const options = kombo.description.properties.find((property) => property.name === 'options')!
			.options as INodeProperties[];
		const window = options.find((option) => option.name === 'dedupeWindowHours')!;
		expect(window.typeOptions).toMatchObject({ minValue: 1, maxValue: 168, numberPrecision: 2 });
		expect(window.description).toMatch(/whole milliseconds/);
	});
});

describe('item 9: the client cache is keyed by a digest and replaced clients are closed', () => {
	const passwords = [
		'redis-pw-one-7c1e',
		'redis-pw-two-9d4a',
		'redis-pw-three-2b8f',
		'redis-pw-four-5e6c',
	];
	let redis: RedisServer;
	let admin: Redis;
	beforeAll(async () => {
		redis = await startRedis({ args: ['--requirepass', passwords[0]] });
		admin = new Redis({ host: redis.host, port: redis.port, password: passwords[0] });
	});
	afterAll(async () => {
		admin.disconnect();
		await redis.stop();
	});

	const credential = (password: string) => ({ host: redis.host, port: redis.port, password });
	const expectNoPasswordInKeys = () => {
		const keys = [...redisClientCache().keys()];
		for (const key of keys) {
			expect(key).toMatch(/^[0-9a-f]{64}$/);
			for (const password of passwords) expect(key).not.toContain(password);
		}
		expect(inspect(keys, { showHidden: true, depth: null })).not.toMatch(/redis-pw-/);
	};

	it("a credential's new password gets a new client and the old one is closed; clients never pile up", async () => {
		const workflowId = 'wf-rotate';
		await deliverAndExecute(credential(passwords[0]), { workflowId });
		expect(redisClientCache().size).toBe(1);
		expectNoPasswordInKeys();
		const replaced: Redis[] = [];
		for (const [n, password] of passwords.slice(1).entries()) {
			const [old] = [...redisClientCache().values()];
			replaced.push(old);
			expect(old.status).toBe('ready');
			await admin.config('SET', 'requirepass', password); // the rotation on the server; admin stays signed in
			await deliverAndExecute(credential(password), { workflowId });
			expect(await waitForStatus(old, 'end')).toBe('end');
			expect(redisClientCache().size).toBe(1);
			expectNoPasswordInKeys();
			expect([...redisClientCache().values()][0]).not.toBe(replaced[n]);
		}
		for (const old of replaced) expect(old.status).toBe('end');
		await admin.config('SET', 'requirepass', passwords[0]);
	});

	it('a client two triggers share is closed only once neither uses it', async () => {
		await admin.config('SET', 'requirepass', passwords[0]);
		const [a, b] = [
			triggerNode(kombo, { dedupeStore: 'redis' }, 'Kombo A', 'node-a'),
			triggerNode(kombo, { dedupeStore: 'redis' }, 'Kombo B', 'node-b'),
		];
		const workflow = workflowOf('wf-shared', [
			[a, kombo],
			[b, kombo],
		]);
		const send = async (nodeName: string, password: string) =>
			await callWebhook(kombo, {
				...signed(komboEvent()),
				credentials: komboCredentials(),
				otherCredentials: { atsDedupeRedisApi: credential(password) },
				workflow,
				nodeName,
			});
		const warn = captureWarnings();
		expect(ran(await send('Kombo A', passwords[0]))).toBe(true);
		expect(ran(await send('Kombo B', passwords[0]))).toBe(true);
		const [shared] = [...redisClientCache().values()];
		expect(redisClientCache().size).toBe(1);
		await admin.config('SET', 'requirepass', passwords[1]);
		expect(ran(await send('Kombo A', passwords[1]))).toBe(true);
		expect(redisClientCache().size).toBe(2);
		expect(shared.status).toBe('ready'); // B still uses it
		expect(ran(await send('Kombo B', passwords[1]))).toBe(true);
		expect(await waitForStatus(shared, 'end')).toBe('end');
		expect(redisClientCache().size).toBe(1);
		expect(warn).not.toHaveBeenCalled();
		await admin.config('SET', 'requirepass', passwords[0]);
	});
});

/**
 * A fake Redis at an editor-chosen host: answers every command with an error that carries a
 * marker and everything it was sent (the AUTH password too), or never answers.
 */
async function startEchoServer(
	mode:
		| 'echo ERR'
		| 'echo WRONGPASS'
		| 'echo NOPERM'
		| 'AUTH OK, then echo NOPERM'
		| 'silent'
		| 'plain banner',
) {
	const received: string[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		if (mode === 'plain banner') socket.write(`-ERR ${MARKER} not TLS\r\n`);
		let buffered = '';
		socket.on('data', (chunk) => {
			buffered += chunk.toString('utf8');
			// RESP arrays: *<n>, then $<len> and the argument for each of the n.
			for (;;) {
				const lines = buffered.split('\r\n');
				const count = /^\*(\d+)$/.exec(lines[0])?.[1];
				if (count === undefined || lines.length < 1 + 2 * Number(count) + 1) return;
				const args = Array.from({ length: Number(count) }, (_, n) => lines[2 + 2 * n]);
				buffered = lines.slice(1 + 2 * Number(count)).join('\r\n');
				received.push(args.join(' '));
				if (mode === 'silent' || mode === 'plain banner') continue;
				if (mode === 'AUTH OK, then echo NOPERM' && args[0].toUpperCase() === 'AUTH') {
					socket.write('+OK\r\n');
					continue;
				}
				const kind = mode.slice(mode.lastIndexOf(' ') + 1);
				// Everything this connection sent so far, the AUTH password included.
				socket.write(
					`-${kind} ${MARKER} you sent: ${received.join(' | ').replace(/[\r\n]/g, ' ')}\r\n`,
				);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		received,
		async stop() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

const MARKER = 'fake-server-marker-31f9';
const PASSWORD = 'redis-credential-password-5a7d';
const FIXED_REASONS = [
	'could not connect',
	'timed out',
	'authentication refused',
	'command not permitted for this Redis user',
	'TLS failed',
	'the server answered an error (its text is not shown)',
];
const testCredential = async (data: ICredentialDataDecryptedObject) =>
	await redisConnectionTest.call({} as never, {
		id: 'c',
		name: 'r',
		type: 'atsDedupeRedisApi',
		data,
	});
const leaked = (value: unknown) => {
	const text = inspect(value, { showHidden: true, depth: null });
	return [MARKER, PASSWORD].filter((secret) => text.includes(secret));
};

describe('item 3, Redis: the Test and the logs show no text from the server', () => {
	it.each([
		['echo ERR', 'the server answered an error (its text is not shown)', {}],
		['echo WRONGPASS', 'authentication refused', {}],
		['echo ERR', 'the server answered an error (its text is not shown)', { user: 'ats' }],
		['echo NOPERM', 'command not permitted for this Redis user', {}],
		['AUTH OK, then echo NOPERM', 'command not permitted for this Redis user', {}],
	] as const)(
		'a fake answering %s to everything: a fixed reason and host:port only, nothing printed',
		async (mode, reason, extra) => {
			const fake = await startEchoServer(mode);
			// ioredis prints some server answers itself (a refused INFO of its ready check).
			const printed = [
				jest.spyOn(console, 'warn'),
				jest.spyOn(console, 'error'),
				jest.spyOn(console, 'log'),
			];
			try {
				const result = await testCredential({
					host: '127.0.0.1',
					port: fake.port,
					password: PASSWORD,
					...extra,
				});
				// The fake did receive the password (that is what AUTH does), and could echo it back.
				expect(fake.received.join('\n')).toContain(PASSWORD);
				expect(result).toEqual({
					status: 'Error',
					message: `Redis at 127.0.0.1:${fake.port}: ${reason}`,
				});
				expect(leaked(result)).toEqual([]);
				expect(leaked(printed.map((spy) => spy.mock.calls))).toEqual([]);
			} finally {
				await fake.stop();
			}
		},
	);

	it('a server that accepts and never answers: timed out', async () => {
		const fake = await startEchoServer('silent');
		try {
			const result = await testCredential({
				host: '127.0.0.1',
				port: fake.port,
				password: PASSWORD,
			});
			expect(result).toEqual({
				status: 'Error',
				message: `Redis at 127.0.0.1:${fake.port}: timed out`,
			});
		} finally {
			await fake.stop();
		}
	});

	it('nothing listening: could not connect', async () => {
		const fake = await startEchoServer('silent');
		const { port } = fake;
		await fake.stop();
		expect(await testCredential({ host: '127.0.0.1', port, password: PASSWORD })).toEqual({
			status: 'Error',
			message: `Redis at 127.0.0.1:${port}: could not connect`,
		});
	});

	describe('against a real redis-server', () => {
		let redis: RedisServer;
		beforeAll(async () => {
			redis = await startRedis({ args: ['--requirepass', PASSWORD] });
		});
		afterAll(async () => await redis.stop());

		it('right password: OK; wrong password: authentication refused', async () => {
			expect(
				await testCredential({ host: redis.host, port: redis.port, password: PASSWORD }),
			).toMatchObject({ status: 'OK' });
			const wrong = await testCredential({
				host: redis.host,
				port: redis.port,
				password: `${PASSWORD}-old`,
			});
			expect(wrong).toEqual({
				status: 'Error',
				message: `Redis at ${redis.host}:${redis.port}: authentication refused`,
			});
			expect(leaked(wrong)).toEqual([]);
		});
	});

	it('SSL on, and the server answers in plain text: TLS failed', async () => {
		const fake = await startEchoServer('plain banner');
		try {
			const result = await testCredential({
				host: '127.0.0.1',
				port: fake.port,
				password: PASSWORD,
				ssl: true,
			});
			expect(result).toEqual({
				status: 'Error',
				message: `Redis at 127.0.0.1:${fake.port}: TLS failed`,
			});
			expect(leaked(result)).toEqual([]);
		} finally {
			await fake.stop();
		}
	});

	it('a claim against the echoing fake: the event runs, and neither the error nor the warning holds its text or the password', async () => {
		const fake = await startEchoServer('echo ERR');
		try {
			const settings = redisSettingsOf({ host: '127.0.0.1', port: fake.port, password: PASSWORD });
			const identity = { slot: 'slot-1', fingerprint: 'fp-1' };
			const error = await claimOnRedis(settings, 'wf-fake:node', identity).then(
				() => undefined,
				(failure: unknown) => failure,
			);
			expect(error).toBeInstanceOf(Error);
			expect(fake.received.join('\n')).toContain(PASSWORD);
			expect(leaked(error)).toEqual([]);
			expect(FIXED_REASONS.some((reason) => (error as Error).message === `Redis: ${reason}`)).toBe(
				true,
			);

			const warn = captureWarnings();
			const call = await callWebhook(kombo, {
				...signed(komboEvent()),
				credentials: komboCredentials(),
				otherCredentials: {
					atsDedupeRedisApi: { host: '127.0.0.1', port: fake.port, password: PASSWORD },
				},
				parameters: { dedupeStore: 'redis' },
				workflowId: 'wf-fake',
			});
			expect(ran(call)).toBe(true);
			expect(warn).toHaveBeenCalled();
			expect(leaked(warn.mock.calls)).toEqual([]);
		} finally {
			await closeRedisClients();
			await fake.stop();
		}
	});
});

describe('test support: startRedis never returns a server that is not up', () => {
	/** The error startRedis threw; a server it wrongly reported as up is stopped, not leaked. */
	const failureOf = async (options: { args: string[]; deadlineMs?: number }) =>
		await startRedis(options).then(
			async (server: RedisServer) => {
				await server.stop();
				return undefined;
			},
			(error: unknown) => error,
		);

	it('throws with the port and the output tail when redis-server does not accept connections in time', async () => {
		// Listening on another loopback address: alive, but nothing accepts on 127.0.0.1.
		const error = await failureOf({ args: ['--bind', '127.0.0.2'], deadlineMs: 1_500 });
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(
			/^redis-server on 127\.0\.0\.1:\d+ did not accept connections within 1500 ms; stderr: .*log: .*Ready to accept connections/s,
		);
	});

	it("throws with redis-server's stderr when it exits", async () => {
		const error = await failureOf({ args: ['--port', 'not-a-port'] });
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/exited \(1\).*FATAL CONFIG FILE ERROR.*not-a-port/s);
	});
});
