// (e) of npm run bench: what dedupe costs per event, with 1,000 and 100,000 keys already stored,
// measured side by side in one run.
// - in-process store: claim + confirm (what every request and its execution do);
// - durable copy: writing it (once a second at most) and the part n8n pays on every request
//   for it: parsing the workflow's static data, which n8n loads with each request;
// - Redis store: claim + confirm round trips to a real redis-server on loopback.
'use strict';
const { MemoryDedupeStore, DURABLE_SLOTS } = require('../dist/nodes/shared/dedupeMemory');
const { Redis } = require('ioredis');
const {
	REDIS_KEY_PREFIX,
	claimOnRedis,
	confirmOnRedis,
	closeRedisClients,
} = require('../dist/nodes/shared/dedupeRedis');
const { startRedis } = require('../test/support/redis');

const STORED = [1_000, 100_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const identity = (n) => {
	const key = `k${n.toString(16).padStart(22, '0')}`;
	return { slot: key, fingerprint: key };
};

function bestNs(rounds, count, run) {
	let best = Infinity;
	for (let round = 0; round < rounds; round++) {
		const start = process.hrtime.bigint();
		run(round);
		best = Math.min(best, Number(process.hrtime.bigint() - start) / count);
	}
	return best;
}

function filledStore(stored, nowMs) {
	const store = new MemoryDedupeStore(Math.max(stored * 2, 200_000));
	for (let n = 0; n < stored; n++) {
		store.claim(identity(n), nowMs - stored + n, 24 * 3_600_000);
		store.confirm(identity(n));
	}
	return store;
}

/** ns per event for claim + confirm of new events on a store already holding `stored` slots. */
function memoryPerEvent(stored) {
	const nowMs = Date.now();
	const count = 20_000;
	// Filled once; each round adds `count` new events to it (at most 5 x 20,000 more).
	const store = filledStore(stored, nowMs);
	return bestNs(ROUNDS, count, (round) => {
		const base = 10_000_000 * (round + 1);
		for (let n = 0; n < count; n++) {
			store.claim(identity(base + n), nowMs, 24 * 3_600_000);
			store.confirm(identity(base + n));
		}
	});
}

function parseMicroseconds(json) {
	for (let i = 0; i < 20; i++) JSON.parse(json); // warm up
	return (
		bestNs(ROUNDS * 2, 20, () => {
			for (let i = 0; i < 20; i++) JSON.parse(json);
		}) / 1e3
	);
}

/** The durable copy with `stored` slots (DURABLE_SLOTS at most are written): write and per-request parse. */
function durableCosts(stored) {
	const nowMs = Date.now();
	const store = filledStore(stored, nowMs);
	const writeMs = bestNs(ROUNDS, 1, () => store.serialise(nowMs)) / 1e6;
	const copy = store.serialise(nowMs);
	// What n8n stores and parses per request: the workflow's static data as JSON.
	const staticDataJson = JSON.stringify({ global: { atsDedupe: { 'trigger-node': copy } } });
	const parseUs = parseMicroseconds(staticDataJson);
	// What it would cost if the copy were not capped at DURABLE_SLOTS (the reason for the cap).
	const uncapped = Array.from(
		{ length: stored },
		(_, n) => `${identity(n).slot},,${Math.floor(nowMs / 1000)},c`,
	).join(' ');
	const uncappedJson = JSON.stringify({ global: { atsDedupe: { 'trigger-node': uncapped } } });
	const uncappedParseUs = parseMicroseconds(uncappedJson);
	return {
		writeMs,
		bytes: staticDataJson.length,
		parseUs,
		uncappedBytes: uncappedJson.length,
		uncappedParseUs,
	};
}

async function redisPerEvent(redis, stored) {
	const settings = { host: redis.host, port: redis.port, database: 0, ssl: false };
	const scope = `bench-${stored}`;
	// Stored keys as claims leave them (the script's key layout is the store's own: prefix:scope:slot).
	const client = new Redis({ host: redis.host, port: redis.port });
	const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))[1]);
	const memoryBefore = await usedMemory();
	for (let n = 0; n < stored; n += 10_000) {
		const pipeline = client.pipeline();
		for (let i = n; i < Math.min(stored, n + 10_000); i++)
			pipeline.set(
				`${REDIS_KEY_PREFIX}:${scope}:${identity(i).slot}`,
				identity(i).fingerprint,
				'PX',
				3_600_000,
			);
		await pipeline.exec();
	}
	const bytesPerKey = ((await usedMemory()) - memoryBefore) / stored;
	client.disconnect();
	const count = 2_000;
	let best = Infinity;
	let bestConcurrentPerSecond = 0;
	for (let round = 0; round < ROUNDS; round++) {
		const base = 10_000_000 * (round + 1);
		const start = process.hrtime.bigint();
		for (let n = 0; n < count; n++) {
			await claimOnRedis(settings, scope, identity(base + n));
			await confirmOnRedis(settings, scope, [identity(base + n)], 24 * 3_600_000);
		}
		best = Math.min(best, Number(process.hrtime.bigint() - start) / count);
		// 50 deliveries in flight, as n8n handles concurrent requests.
		const concurrentBase = base + 5_000_000;
		const concurrentStart = process.hrtime.bigint();
		for (let n = 0; n < count; n += 50) {
			await Promise.all(
				Array.from({ length: 50 }, async (_, i) => {
					await claimOnRedis(settings, scope, identity(concurrentBase + n + i));
					await confirmOnRedis(settings, scope, [identity(concurrentBase + n + i)], 24 * 3_600_000);
				}),
			);
		}
		const seconds = Number(process.hrtime.bigint() - concurrentStart) / 1e9;
		bestConcurrentPerSecond = Math.max(bestConcurrentPerSecond, count / seconds);
	}
	return {
		sequentialUs: best / 1e3,
		concurrentEventsPerSecond: bestConcurrentPerSecond,
		bytesPerKey,
	};
}

async function benchDedupe({ log = console.log } = {}) {
	const result = { memory: {}, durable: {}, redis: {} };
	log(
		`(e) dedupe per event with ${STORED.map((n) => n.toLocaleString('en')).join(' and ')} keys stored (best of ${ROUNDS})`,
	);
	for (const stored of STORED) result.memory[stored] = memoryPerEvent(stored);
	log(
		`  in-process claim + confirm: ${STORED.map((n) => `${result.memory[n].toFixed(0)} ns @${n.toLocaleString('en')}`).join(', ')}; ratio ${(result.memory[STORED[1]] / result.memory[STORED[0]]).toFixed(2)}x`,
	);
	for (const stored of STORED) result.durable[stored] = durableCosts(stored);
	for (const stored of STORED) {
		const d = result.durable[stored];
		log(
			`  durable copy @${stored.toLocaleString('en')} (written: newest ${Math.min(stored, DURABLE_SLOTS).toLocaleString('en')}): write ${d.writeMs.toFixed(2)} ms at most once a second; ` +
				`n8n parses ${(d.bytes / 1024).toFixed(0)} KiB per request: ${d.parseUs.toFixed(0)} µs (uncapped it would be ${(d.uncappedBytes / 1024).toFixed(0)} KiB, ${d.uncappedParseUs.toFixed(0)} µs)`,
		);
	}
	const redis = await startRedis();
	try {
		for (const stored of STORED) result.redis[stored] = await redisPerEvent(redis, stored);
	} finally {
		await closeRedisClients();
		await redis.stop();
	}
	log(
		`  Redis claim + confirm (2 round trips): ${STORED.map((n) => `${result.redis[n].sequentialUs.toFixed(0)} µs @${n.toLocaleString('en')}`).join(', ')}; ratio ${(result.redis[STORED[1]].sequentialUs / result.redis[STORED[0]].sequentialUs).toFixed(2)}x; ` +
			`50 in flight: ${STORED.map((n) => `${Math.round(result.redis[n].concurrentEventsPerSecond).toLocaleString('en')}/s @${n.toLocaleString('en')}`).join(', ')}; ` +
			`Redis memory ${Math.round(result.redis[STORED[1]].bytesPerKey)} bytes per key`,
	);
	return result;
}

module.exports = { benchDedupe };

if (require.main === module)
	benchDedupe().catch((error) => {
		console.error(error);
		process.exit(1);
	});
