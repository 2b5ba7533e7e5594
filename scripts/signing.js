// Builds and sends signed vendor events. One implementation of each vendor's signing (its
// test kit's `sign`, the opposite of its verifier) serves the simulator, the e2e tests, the
// load, fault and fuzz tests and the benchmark. Vendors come from the registry in dist/; each
// one's test kit from the kits npm run build compiles into .kits/ (scripts/vendor-kits.js).
'use strict';
const path = require('node:path');
const { loadTestKit, loadTrigger } = require('./vendor-kits');

function registry() {
	try {
		return require(path.join(__dirname, '..', 'dist', 'nodes', 'vendors'));
	} catch {
		throw new Error('dist/ is missing: run "npm run build" first');
	}
}

/**
 * The signing helpers over a given registry: `vendors` (key → definition), where test kits are
 * (`kitOf(vendor)`) and, optionally, triggers (`triggerOf(vendor)`, for the vendor's test event).
 * The module's own exports use the built registry; a test can pass its own.
 */
/**
 * @param {Record<string, any>} vendors
 * @param {(vendor: any) => any} kitOf
 * @param {(vendor: any) => { testEventType?: string } | undefined} [triggerOf]
 */
function signingFor(vendors, kitOf, triggerOf = () => undefined) {
	const kits = new Map();
	function vendorFor(key) {
		const vendor = vendors[key];
		if (!vendor)
			throw new Error(`unknown vendor "${key}"; one of: ${Object.keys(vendors).join(', ')}`);
		return vendor;
	}
	function kitFor(key) {
		if (!kits.has(key)) kits.set(key, kitOf(vendorFor(key)));
		return kits.get(key);
	}

	/** The event types the vendor has examples of, in example order. */
	function exampleTypes(vendorKey) {
		return [...new Set(kitFor(vendorKey).samples.map((sample) => sample.eventType))];
	}

	/** A documented example of that event type, made distinct (fresh ids and timestamps). */
	function sampleEvent(vendorKey, eventType, sequence = 0, nowMs = Date.now()) {
		const kit = kitFor(vendorKey);
		const sample = kit.samples.find((candidate) => candidate.eventType === eventType);
		if (!sample) {
			throw new Error(
				`no ${vendorKey} example for "${eventType}"; examples exist for: ${exampleTypes(vendorKey).join(', ')}`,
			);
		}
		return kit.freshSample(sample, sequence, nowMs);
	}

	/**
	 * The event the e2e suite and the dev server send by default: the first example that maps
	 * to a canonical type of its own (not `other`, not the vendor's connectivity test).
	 */
	function typicalEvent(vendorKey) {
		const kit = kitFor(vendorKey);
		const types = exampleTypes(vendorKey);
		const typical = types.find(
			(type) =>
				type !== triggerOf(vendorFor(vendorKey))?.testEventType &&
				(kit.expectedTypes[type] ?? 'other') !== 'other',
		);
		return typical ?? types[0];
	}

	/** Credentials object for a vendor from one secret (the field the sender signs with). */
	function credentialsFor(vendorKey, secret) {
		return { [kitFor(vendorKey).secretField]: secret };
	}

	/** Headers + exact body bytes a genuine sender would send; `tamper` forges the signature. */
	function signedRequest(
		vendorKey,
		body,
		credentials,
		{ nowMs = Date.now(), tamper = false } = {},
	) {
		const kit = kitFor(vendorKey);
		const signingCredentials = tamper
			? Object.fromEntries(Object.entries(credentials).map(([k, v]) => [k, `${v}-forged`]))
			: credentials;
		if (kit.deliver && typeof body !== 'string') {
			const delivery = kit.deliver(body, signingCredentials, nowMs);
			const headers = { 'Content-Type': 'application/json', ...delivery.headers };
			return { headers, payload: delivery.payload };
		}
		const payload = typeof body === 'string' ? body : JSON.stringify(body);
		const headers = {
			'Content-Type': 'application/json',
			...kit.sign(payload, signingCredentials, nowMs),
		};
		return { headers, payload };
	}

	return {
		vendorFor,
		kitFor,
		exampleTypes,
		typicalEvent,
		sampleEvent,
		credentialsFor,
		signedRequest,
	};
}

let built;
/** The helpers over dist/ (built on first use, so requiring this module needs no build). */
const fromDist = () =>
	(built ??= signingFor(
		registry().vendors,
		(vendor) => loadTestKit(vendor),
		(vendor) => loadTrigger(vendor),
	));

/**
 * POSTs one request. By default over fetch's pooled keep-alive connections; with
 * `newConnection` over a fresh connection that is closed afterwards, as many webhook senders
 * do (and as a restart test needs: a stopping n8n refuses new connections).
 */
async function post(url, { headers, payload }, timeoutMs = 30_000, { newConnection = false } = {}) {
	const started = performance.now();
	try {
		if (newConnection) {
			const { status, body } = await postOnce(url, headers, payload, timeoutMs);
			return { status, body, ms: performance.now() - started };
		}
		const response = await fetch(url, {
			method: 'POST',
			headers,
			body: payload,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await response.text();
		return { status: response.status, body: text, ms: performance.now() - started };
	} catch (error) {
		return {
			status: 0,
			body: String(error.cause?.code ?? error.code ?? error.message),
			ms: performance.now() - started,
		};
	}
}

function postOnce(url, headers, payload, timeoutMs) {
	const http = require('node:http');
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'POST',
				headers: { ...headers, Connection: 'close' },
				agent: false,
				timeout: timeoutMs,
			},
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
				);
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', reject);
		request.end(payload);
	});
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

module.exports = {
	vendorFor: (...args) => fromDist().vendorFor(...args),
	kitFor: (...args) => fromDist().kitFor(...args),
	exampleTypes: (...args) => fromDist().exampleTypes(...args),
	typicalEvent: (...args) => fromDist().typicalEvent(...args),
	sampleEvent: (...args) => fromDist().sampleEvent(...args),
	credentialsFor: (...args) => fromDist().credentialsFor(...args),
	signedRequest: (...args) => fromDist().signedRequest(...args),
	signingFor,
	post,
	pool,
	registry,
};
