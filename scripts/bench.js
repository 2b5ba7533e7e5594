#!/usr/bin/env node
// npm run bench: ratios measured side by side in one run (never a timed test).
// (a) per vendor: our verify + parse + validate per event vs the floor (HMAC-SHA256 + JSON.parse)
// (d) ATS Normalize items/s over 100k items.
// Real-n8n comparisons (our trigger vs the bare Webhook node vs a Webhook+Crypto+If chain)
// are not implemented yet. Results also go to bench-results.json.
'use strict';
const { createHmac } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { vendorList } = require('../dist/nodes/vendors');
const { normalizeEvent } = require('../dist/nodes/AtsNormalize/normalize');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const N = Number(process.env.BENCH_EVENTS ?? 20_000);

/** Best-of-rounds ns per operation, the two sides interleaved so machine noise hits both. */
function compare(ours, floor, n) {
	let bestOurs = Infinity;
	let bestFloor = Infinity;
	for (let round = 0; round < ROUNDS; round++) {
		for (const [fn, set] of [[ours, (v) => (bestOurs = Math.min(bestOurs, v))], [floor, (v) => (bestFloor = Math.min(bestFloor, v))]]) {
			const start = process.hrtime.bigint();
			for (let i = 0; i < n; i++) fn(i);
			set(Number(process.hrtime.bigint() - start) / n);
		}
	}
	return { oursNs: bestOurs, floorNs: bestFloor, ratio: bestOurs / bestFloor };
}

const results = { a: {}, d: {} };
console.log(`(a) pipeline per event vs floor (HMAC-SHA256 + JSON.parse), best of ${ROUNDS} x ${N}`);
for (const vendor of vendorList) {
	const secret = 'bench-secret-value';
	const credentials = { [vendor.secretField]: secret, signatureHeader: 'X-Signature' };
	const nowMs = Date.now();
	const events = Array.from({ length: 64 }, (_, i) => {
		const sample = vendor.samples[i % vendor.samples.length];
		const raw = JSON.stringify(vendor.freshSample(sample, i, nowMs));
		return { raw, buffer: Buffer.from(raw), headers: Object.fromEntries(Object.entries(vendor.sign(raw, credentials, nowMs)).map(([k, v]) => [k.toLowerCase(), v])) };
	});
	const ours = (i) => {
		const event = events[i & 63];
		const verdict = vendor.verify({ rawBody: event.buffer, headers: event.headers, credentials, nowMs, toleranceSeconds: 300 });
		if (!verdict.ok) throw new Error(`${vendor.key}: ${verdict.reason}`);
		vendor.schema.safeParse(JSON.parse(event.buffer.toString('utf8')));
	};
	const floor = (i) => {
		const event = events[i & 63];
		createHmac('sha256', secret).update(event.buffer).digest();
		JSON.parse(event.raw);
	};
	const r = compare(ours, floor, N);
	results.a[vendor.key] = r;
	console.log(`  ${vendor.key.padEnd(11)} ours ${(r.oursNs / 1000).toFixed(2)} µs  floor ${(r.floorNs / 1000).toFixed(2)} µs  ratio ${r.ratio.toFixed(2)}x`);
}

const items = [];
for (let i = 0; i < 100_000; i++) {
	const vendor = vendorList[i % vendorList.length];
	const sample = vendor.samples[i % vendor.samples.length];
	items.push({ ...vendor.freshSample(sample, i, 1_700_000_000_000), _ats: { vendor: vendor.key, eventId: `e${i}`, valid: true } });
}
let best = Infinity;
for (let round = 0; round < ROUNDS; round++) {
	const start = process.hrtime.bigint();
	for (const item of items) normalizeEvent(item);
	best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
results.d = { items: items.length, seconds: best, itemsPerSecond: items.length / best };
console.log(`(d) ATS Normalize: ${Math.round(results.d.itemsPerSecond).toLocaleString('en')} items/s (${items.length.toLocaleString('en')} items in ${best.toFixed(3)} s)`);
console.log('(b), (c) real-n8n comparisons: not implemented yet');
fs.writeFileSync(path.join(__dirname, '..', 'bench-results.json'), JSON.stringify(results, null, 2));
