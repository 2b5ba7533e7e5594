// Builds and sends signed vendor events. One implementation of each vendor's signing (the
// vendor definition's `sign`, the opposite of its verifier) serves the simulator, the e2e
// tests, the load, fault and fuzz tests and the benchmark.
'use strict';
const path = require('node:path');

function registry() {
	try {
		return require(path.join(__dirname, '..', 'dist', 'nodes', 'vendors'));
	} catch {
		throw new Error('dist/ is missing: run "npm run build" first');
	}
}

function vendorFor(key) {
	const { vendors } = registry();
	const vendor = vendors[key];
	if (!vendor) throw new Error(`unknown vendor "${key}"; one of: ${Object.keys(vendors).join(', ')}`);
	return vendor;
}

/** A documented example of that event type, made distinct (fresh ids and timestamps). */
function sampleEvent(vendorKey, eventType, sequence = 0, nowMs = Date.now()) {
	const vendor = vendorFor(vendorKey);
	const sample = vendor.samples.find((candidate) => candidate.eventType === eventType);
	if (!sample) {
		const known = [...new Set(vendor.samples.map((candidate) => candidate.eventType))].join(', ');
		throw new Error(`no ${vendorKey} example for "${eventType}"; examples exist for: ${known}`);
	}
	return vendor.freshSample(sample, sequence, nowMs);
}

/** Credentials object for a vendor from one secret (the field the sender signs with). */
function credentialsFor(vendorKey, secret) {
	return { [vendorFor(vendorKey).secretField]: secret };
}

/** Headers + exact body bytes a genuine sender would send; `tamper` forges the signature. */
function signedRequest(vendorKey, body, credentials, { nowMs = Date.now(), tamper = false } = {}) {
	const vendor = vendorFor(vendorKey);
	const payload = typeof body === 'string' ? body : JSON.stringify(body);
	const signingCredentials = tamper
		? Object.fromEntries(Object.entries(credentials).map(([k, v]) => [k, `${v}-forged`]))
		: credentials;
	const headers = { 'Content-Type': 'application/json', ...vendor.sign(payload, signingCredentials, nowMs) };
	return { headers, payload };
}

async function post(url, { headers, payload }, timeoutMs = 30_000) {
	const started = performance.now();
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers,
			body: payload,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await response.text();
		return { status: response.status, body: text, ms: performance.now() - started };
	} catch (error) {
		return { status: 0, body: String(error.cause?.code ?? error.message), ms: performance.now() - started };
	}
}

/** Runs `count` jobs with at most `concurrency` in flight; returns results in job order. */
async function pool(count, concurrency, job) {
	const results = new Array(count);
	let next = 0;
	const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
		while (next < count) {
			const index = next++;
			results[index] = await job(index);
		}
	});
	await Promise.all(workers);
	return results;
}

module.exports = { vendorFor, sampleEvent, credentialsFor, signedRequest, post, pool, registry };
