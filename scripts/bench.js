#!/usr/bin/env node
// npm run bench: ratios measured side by side in one run (never a timed test).
// (a) per vendor: our verify + parse + validate per event vs the floor (HMAC-SHA256 + JSON.parse)
// (b) real n8n, valid signed events/s: our trigger vs the bare Webhook node, vs the Webhook node
//     with Header Auth (what one n8n credential per request costs) and vs Webhook+Crypto+If
// (c) real n8n, forged flood: rejected/s and executions, ours vs the chain; and our trigger with
//     the Not Processed output on (its defaults: limit 20 executions per hour) vs off, the same
//     forged flood to each (BENCH_NP_REQUESTS, default 900, in BENCH_NP_ROUNDS interleaved rounds,
//     default 6): executions created (on: at most the limit), rejected/s on / off, every answer
//     that is not a 401 (scripts/bench-not-processed.js; its own n8n per engine; BENCH_NOT_PROCESSED=0 skips it)
// (d) ATS Normalize items/s over 100k items.
// (e) dedupe per event with 1,000 and 100,000 keys stored: in-process, durable copy, Redis (scripts/bench-dedupe.js).
// (b) and (c) run under n8n 2.x's default expression engine ("vm") and two other n8n settings
// (see EXPRESSION_ENGINES in test/support/n8n.js for why that matters); BENCH_ENGINES=vm,legacy picks,
// BENCH_N8N=0 skips them.
// (b) also runs in n8n's queue mode (main, 2 webhook processes behind a balancer, 2 workers,
// Postgres, Redis: test/support/queue.js), ours / bare Webhook in that topology;
// BENCH_QUEUE_ENGINES (default vm) picks its engines, BENCH_QUEUE=0 skips it;
// BENCH_ENGINES=none BENCH_QUEUE_ENGINES=vm-lazy runs (a), (d) and only the queue-mode (b).
// Results also go to bench-results.json.
'use strict';
const { execFileSync } = require('node:child_process');
const { createHmac } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { vendorList } = require('../dist/nodes/vendors');
const { kitFor, signedRequest } = require('./signing');
const { loadTrigger } = require('./vendor-kits');
const { withRequestFields } = require('../dist/nodes/shared/pipeline');
const { normalizeEvent } = require('../dist/nodes/AtsNormalize/normalize');
const { benchQueueN8n, benchRealN8n } = require('./bench-n8n');
const { benchDedupe } = require('./bench-dedupe');
const { benchNotProcessed } = require('./bench-not-processed');
const { EXPRESSION_ENGINES } = require('../test/support/n8n');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const N = Number(process.env.BENCH_EVENTS ?? 20_000);

/** Best-of-rounds ns per operation, the two sides interleaved so machine noise hits both. */
function compare(ours, floor, n) {
	let bestOurs = Infinity;
	let bestFloor = Infinity;
	for (let round = 0; round < ROUNDS; round++) {
		for (const [fn, set] of [
			[ours, (v) => (bestOurs = Math.min(bestOurs, v))],
			[floor, (v) => (bestFloor = Math.min(bestFloor, v))],
		]) {
			const start = process.hrtime.bigint();
			for (let i = 0; i < n; i++) fn(i);
			set(Number(process.hrtime.bigint() - start) / n);
		}
	}
	return { oursNs: bestOurs, floorNs: bestFloor, ratio: bestOurs / bestFloor };
}

const results = { a: {}, b: {}, bQueue: {}, c: {}, d: {}, e: {} };
const A_PROCESSES = Number(process.env.BENCH_A_PROCESSES ?? 5);

/** (a) for every vendor in this process: { vendor: { ours, floor, verifyOnly } }. */
function measurePipelineVsFloor() {
	const measured = {};
	for (const vendor of vendorList) {
		const secret = 'bench-secret-value';
		const kit = kitFor(vendor.key);
		const { verify, requestFields } = loadTrigger(vendor);
		const credentials = { [kit.secretField]: secret };
		const nowMs = Date.now();
		const events = Array.from({ length: 64 }, (_, i) => {
			const sample = kit.samples[i % kit.samples.length];
			// As a genuine sender makes the request (a kit's deliver() where the bytes are not the example's JSON).
			const { payload, headers } = signedRequest(
				vendor.key,
				kit.freshSample(sample, i, nowMs),
				credentials,
				{ nowMs },
			);
			return {
				raw: payload,
				buffer: Buffer.from(payload),
				headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
			};
		});
		const ours = (i) => {
			const event = events[i & 63];
			const verdict = verify({
				rawBody: event.buffer,
				headers: event.headers,
				credentials,
				nowMs,
				toleranceSeconds: 300,
			});
			if (!verdict.ok) throw new Error(`${vendor.key}: ${verdict.reason}`);
			// As the pipeline: a verifier that parsed the body hands it on, and the fields a vendor
			// sends beside the body (requestFields) join it before the schema reads it.
			const body = verdict.body ?? JSON.parse(event.buffer.toString('utf8'));
			vendor.schema.safeParse(
				requestFields ? withRequestFields(requestFields, event.headers, () => '', body) : body,
			);
		};
		// Both sides start from the raw bytes, as n8n hands them over (req.rawBody is a Buffer).
		const floor = (i) => {
			const event = events[i & 63];
			createHmac('sha256', secret).update(event.buffer).digest();
			JSON.parse(event.buffer.toString('utf8'));
		};
		// Where the difference goes: the signature check alone against the HMAC alone.
		const verifyOnly = (i) => {
			const event = events[i & 63];
			verify({
				rawBody: event.buffer,
				headers: event.headers,
				credentials,
				nowMs,
				toleranceSeconds: 300,
			});
		};
		const hmacOnly = (i) =>
			createHmac('sha256', secret)
				.update(events[i & 63].buffer)
				.digest();
		measured[vendor.key] = {
			...compare(ours, floor, N),
			verifyOnly: compare(verifyOnly, hmacOnly, N),
		};
	}
	return measured;
}

const rangeText = (range) => range.map((x) => x.toFixed(2)).join('–');

const median = (values) => {
	const sorted = [...values].sort((x, y) => x - y);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

if (process.argv.includes('--pipeline-only')) {
	process.stdout.write(JSON.stringify(measurePipelineVsFloor()));
	process.exit(0);
}

// One process's ratios depend on how V8 happened to compile and lay out that process (the same
// run repeated moved a ratio by up to 0.35), so (a) runs in several fresh processes and reports
// the median, with the range.
console.log(
	`(a) pipeline per event vs floor (HMAC-SHA256 + JSON.parse): ${A_PROCESSES} processes, each best of ${ROUNDS} x ${N}; medians [range]`,
);
const runs = Array.from({ length: A_PROCESSES }, () =>
	JSON.parse(execFileSync(process.execPath, [__filename, '--pipeline-only'], { encoding: 'utf8' })),
);
for (const vendor of vendorList) {
	const mine = runs.map((run) => run[vendor.key]);
	const pick = (get) => median(mine.map(get));
	const ratios = mine.map((r) => r.ratio);
	const r = {
		oursNs: pick((m) => m.oursNs),
		floorNs: pick((m) => m.floorNs),
		ratio: median(ratios),
		ratioRange: [Math.min(...ratios), Math.max(...ratios)],
		verifyOnly: {
			oursNs: pick((m) => m.verifyOnly.oursNs),
			floorNs: pick((m) => m.verifyOnly.floorNs),
			ratio: pick((m) => m.verifyOnly.ratio),
		},
		processes: mine,
	};
	results.a[vendor.key] = r;
	const us = (ns) => `${(ns / 1000).toFixed(2)} µs`;
	console.log(
		`  ${vendor.key.padEnd(11)} ours ${us(r.oursNs)}  floor ${us(r.floorNs)}  ratio ${r.ratio.toFixed(2)}x [${rangeText(r.ratioRange)}]` +
			`   (verify alone ${us(r.verifyOnly.oursNs)} vs HMAC alone ${us(r.verifyOnly.floorNs)}: ${r.verifyOnly.ratio.toFixed(2)}x)`,
	);
}

const items = [];
for (let i = 0; i < 100_000; i++) {
	const vendor = vendorList[i % vendorList.length];
	const kit = kitFor(vendor.key);
	const sample = kit.samples[i % kit.samples.length];
	items.push({
		...kit.freshSample(sample, i, 1_700_000_000_000),
		_ats: { vendor: vendor.key, eventId: `e${i}`, valid: true },
	});
}
let best = Infinity;
for (let round = 0; round < ROUNDS; round++) {
	const start = process.hrtime.bigint();
	for (const item of items) normalizeEvent(item);
	best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
results.d = { items: items.length, seconds: best, itemsPerSecond: items.length / best };
console.log(
	`(d) ATS Normalize: ${Math.round(results.d.itemsPerSecond).toLocaleString('en')} items/s (${items.length.toLocaleString('en')} items in ${best.toFixed(3)} s)`,
);

async function realN8nRatios() {
	const count = Number(process.env.BENCH_N8N_EVENTS ?? 300);
	const rounds = Number(process.env.BENCH_N8N_ROUNDS ?? 3);
	// Unknown names are skipped: BENCH_ENGINES=none runs no single-process (b)/(c).
	for (const engine of (process.env.BENCH_ENGINES ?? Object.keys(EXPRESSION_ENGINES).join(','))
		.split(',')
		.filter((name) => name in EXPRESSION_ENGINES)) {
		console.log(
			`(b), (c) real n8n 2.41.1, expression engine "${engine}": ${rounds} rounds x ${count} events at concurrency 25 per side`,
		);
		const { b, c } = await benchRealN8n({
			count,
			rounds,
			concurrency: 25,
			engine,
			log: (line) => console.log(line),
		});
		results.b[engine] = b;
		results.c[engine] = c;
		if (process.env.BENCH_NOT_PROCESSED !== '0') {
			const requests = Number(process.env.BENCH_NP_REQUESTS ?? 900);
			const npRounds = Number(process.env.BENCH_NP_ROUNDS ?? 6);
			console.log(
				`(c) Not Processed output on vs off, engine "${engine}": ${requests} forged requests per side in ${npRounds} interleaved rounds at concurrency 25`,
			);
			c.notProcessed = await benchNotProcessed({
				requests,
				rounds: npRounds,
				concurrency: 25,
				engine,
				log: (line) => console.log(line),
			});
			for (const line of notProcessedLines(engine, c.notProcessed)) console.log(line);
		}
	}
}

/** The (c) Not Processed result lines, target in brackets. */
function notProcessedLines(engine, np) {
	const ratios = np.roundRatios;
	const target =
		np.hourWindows > 1
			? `<= ${np.executionsTarget}: ${np.hourWindows} hourly windows`
			: `<= ${np.executionsTarget}`;
	return [
		`  (c) ${engine.padEnd(7)} Not Processed on: ${np.on.executions} executions in a ${np.on.requests}-request forged flood [${target}], ${np.notProcessedItems.wellFormed}/${np.notProcessedItems.of} with the rejection on output 2; off: ${np.off.executions} [0]`,
		`  (c) ${engine.padEnd(7)} Not Processed on / off rejected/s ${np.onVsOff.toFixed(2)}x   [>= 0.90]  (${np.on.rejectedPerSecond.toFixed(1)} vs ${np.off.rejectedPerSecond.toFixed(1)} rejected/s; rounds ${rangeText([Math.min(...ratios), Math.max(...ratios)])})`,
		`  (c) ${engine.padEnd(7)} Not Processed non-401 answers: on ${np.on.non401}, off ${np.off.non401} [0]${np.on.non401 + np.off.non401 > 0 ? `  e.g. ${JSON.stringify([...np.on.non401Examples, ...np.off.non401Examples][0])}` : ''}   (warn lines on ${np.warnLines.on}, off ${np.warnLines.off} over ${np.warnLines.floodSeconds.toFixed(0)} s)`,
	];
}

async function queueRatios() {
	const count = Number(process.env.BENCH_N8N_EVENTS ?? 300);
	const rounds = Number(process.env.BENCH_N8N_ROUNDS ?? 3);
	for (const engine of (process.env.BENCH_QUEUE_ENGINES ?? 'vm')
		.split(',')
		.filter((name) => name in EXPRESSION_ENGINES)) {
		console.log(
			`(b) queue mode, n8n 2.41.1, expression engine "${engine}": ${rounds} rounds x ${count} events at concurrency 25 per side, through the balancer`,
		);
		results.bQueue[engine] = await benchQueueN8n({
			count,
			rounds,
			concurrency: 25,
			engine,
			log: (line) => console.log(line),
		});
	}
}

function printSummary() {
	console.log('\nRatios (target in brackets)');
	for (const [vendor, r] of Object.entries(results.a)) {
		console.log(
			`  (a) ${vendor.padEnd(11)} ours / floor            ${r.ratio.toFixed(2)}x   [<= 1.5]   (range over ${A_PROCESSES} processes ${rangeText(r.ratioRange)})`,
		);
	}
	for (const [engine, b] of Object.entries(results.b)) {
		console.log(
			`  (b) ${engine.padEnd(7)} ours / bare Webhook      ${b.oursVsBare.toFixed(2)}x   [>= 0.95]  (${b.oursEventsPerSecond.toFixed(1)} vs ${b.bareWebhookEventsPerSecond.toFixed(1)} events/s)`,
		);
		console.log(
			`  (b) ${engine.padEnd(7)} ours / Webhook+Header Auth ${b.oursVsHeaderAuth.toFixed(2)}x   [>= 0.95]  (${b.oursEventsPerSecond.toFixed(1)} vs ${b.headerAuthEventsPerSecond.toFixed(1)} events/s)`,
		);
		console.log(
			`  (b) ${engine.padEnd(7)} Webhook+Header Auth / bare Webhook ${b.headerAuthVsBare.toFixed(2)}x  (n8n's own price of one credential per request)`,
		);
		console.log(
			`  (b) ${engine.padEnd(7)} ours / Webhook+Crypto+If ${b.oursVsChain.toFixed(2)}x   [>= 1.5]   (${b.oursEventsPerSecond.toFixed(1)} vs ${b.chainEventsPerSecond.toFixed(1)} events/s)`,
		);
	}
	for (const [engine, b] of Object.entries(results.bQueue)) {
		console.log(
			`  (b) queue ${engine.padEnd(7)} ours / bare Webhook ${b.oursVsBare.toFixed(2)}x   [>= 0.95]  (${b.oursEventsPerSecond.toFixed(1)} vs ${b.bareWebhookEventsPerSecond.toFixed(1)} events/s; main + 2 webhook + 2 worker processes)`,
		);
	}
	for (const [engine, c] of Object.entries(results.c)) {
		console.log(
			`  (c) ${engine.padEnd(7)} forged: ours ${c.oursRejectedPerSecond.toFixed(1)} rejected/s, ${c.oursExecutions} executions [0]; chain ${c.chainProcessedPerSecond.toFixed(1)}/s, ${c.chainExecutions} executions; ours / chain ${c.oursVsChain.toFixed(2)}x`,
		);
		if (c.notProcessed)
			for (const line of notProcessedLines(engine, c.notProcessed)) console.log(line);
	}
	console.log(
		`  (d) ATS Normalize ${Math.round(results.d.itemsPerSecond).toLocaleString('en')} items/s [>= 100,000]`,
	);
	const { memory, redis } = results.e;
	console.log(
		`  (e) dedupe per event, 100,000 / 1,000 keys stored: in-process ${(memory[100000] / memory[1000]).toFixed(2)}x, Redis ${(redis[100000].sequentialUs / redis[1000].sequentialUs).toFixed(2)}x   [~1: flat]`,
	);
}

(async () => {
	results.e = await benchDedupe();
	if (process.env.BENCH_N8N !== '0') await realN8nRatios();
	if (process.env.BENCH_N8N !== '0' && process.env.BENCH_QUEUE !== '0') await queueRatios();
	printSummary();
	fs.writeFileSync(
		path.join(__dirname, '..', 'bench-results.json'),
		JSON.stringify(results, null, 2),
	);
	console.log('Written to bench-results.json');
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
