// A readiness-gated route to n8n, as a load balancer health check or a Kubernetes readiness
// probe gives a real deployment. Why the restart test needs one: a starting n8n listens
// before its database is migrated and answers every request meanwhile with
// `200 n8n is starting up. Please wait` (n8n 2.41 abstract-server.js). A vendor takes that
// 200 as delivered and never retries, so the event is lost before any node sees it. Behind
// this gate such a request gets 503 (retried) until /healthz/readiness says n8n is ready.
// startBalancer is the same gate in front of several n8n processes, round robin (queue mode).
'use strict';
const http = require('node:http');

const READINESS_PATH = '/healthz/readiness';

/** 'ready', 'starting' (listening, not ready) or 'down' (nothing listening). */
function readinessOf(target) {
	return new Promise((resolve) => {
		const request = http.get(
			{
				host: target.hostname,
				port: target.port,
				path: READINESS_PATH,
				agent: false,
				timeout: 5_000,
			},
			(response) => {
				response.resume();
				resolve(response.statusCode === 200 ? 'ready' : 'starting');
			},
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) => resolve(error.code === 'ECONNREFUSED' ? 'down' : 'starting'));
	});
}

function answer(res, status, reason) {
	if (res.headersSent) return res.destroy();
	res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
	res.end(JSON.stringify({ gate: reason }));
}

/**
 * Starts the gate on a free loopback port in front of `baseUrl` (kept across n8n restarts).
 * `counts` says how many requests were held back while n8n was down or starting, forwarded,
 * or lost on the way (n8n went away mid-request: answered 502, so the sender retries).
 */
function startReadinessGate(baseUrl) {
	return startBalancer([baseUrl]);
}

/**
 * A round-robin load balancer on a free loopback port in front of several n8n processes (the
 * `n8n webhook` processes of a queue-mode deployment): each request goes to the next process
 * in turn whose /healthz/readiness answers 200 at that moment; a process that is down,
 * starting or shutting down is skipped. With none ready the answer is 503 (retried by the
 * sender). `counts` as for the gate, plus `perTarget[i].forwarded` for each process.
 * options.port: where the balancer listens (default: a free port).
 * @param {string[]} baseUrls
 */
async function startBalancer(baseUrls, { port = 0 } = {}) {
	const targets = baseUrls.map((url) => new URL(url));
	const counts = {
		down: 0,
		starting: 0,
		forwarded: 0,
		forwardFailed: 0,
		perTarget: targets.map((t) => ({ target: t.origin, forwarded: 0 })),
	};
	let next = 0;
	/** The next ready target in round-robin order, or why there is none. */
	async function pick() {
		const first = next;
		next = (next + 1) % targets.length;
		let best = 'down';
		for (let i = 0; i < targets.length; i++) {
			const index = (first + i) % targets.length;
			const readiness = await readinessOf(targets[index]);
			if (readiness === 'ready') return { index };
			if (readiness === 'starting') best = 'starting';
		}
		return { reason: best };
	}
	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const choice = await pick();
		if (choice.index === undefined) {
			counts[choice.reason]++;
			return answer(res, 503, `n8n ${choice.reason}`);
		}
		const target = targets[choice.index];
		counts.forwarded++;
		counts.perTarget[choice.index].forwarded++;
		const headers = { ...req.headers, host: target.host, connection: 'close' };
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				path: req.url,
				method: req.method,
				headers,
				agent: false,
			},
			(response) => {
				res.writeHead(response.statusCode, { ...response.headers, connection: 'close' });
				response.pipe(res);
				response.on('error', () => res.destroy());
			},
		);
		upstream.on('error', () => {
			counts.forwardFailed++;
			answer(res, 502, 'n8n went away');
		});
		upstream.end(Buffer.concat(chunks));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		baseUrl: `http://127.0.0.1:${server.address().port}`,
		counts,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startBalancer, startReadinessGate, READINESS_PATH };
