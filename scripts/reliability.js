#!/usr/bin/env node
// Load and fault runs against a real n8n, shared by the e2e test (CI size) and
// `npm run load -- [--events N] [--concurrency C] [--fault]` (any size).
//
// load:  N distinct signed events at concurrency C, no retries → every answer must be 2xx,
//        and n8n must hold exactly one execution per event.
// fault: the same stream, but n8n is restarted (SIGTERM, as in a deploy) once a third of the
//        events are acknowledged, and the sender retries every failed or non-2xx delivery
//        with backoff, as vendors do → still exactly one execution per event.
'use strict';
const { credentialsFor, pool, post, sampleEvent, signedRequest, vendorFor } = require('./signing');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const STREAM_VENDOR = 'kombo';
const STREAM_EVENT = 'ai-apply-application-status-updated';

/** One delivery; with `retry`, repeated until a 2xx like a vendor's retry queue. */
async function deliver(url, request, { retry = false, maxAttempts = 60, backoffMs = 200 } = {}) {
	let attempts = 0;
	for (;;) {
		attempts++;
		const answer = await post(url, request, 15_000);
		const ok = answer.status >= 200 && answer.status < 300;
		if (ok || !retry || attempts >= maxAttempts) return { ...answer, attempts };
		await sleep(backoffMs * Math.min(attempts, 10));
	}
}

function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Sends `count` distinct events; `onAcknowledged(n)` is called after each 2xx.
 * @returns {Promise<{eventIds: string[], answers: Array<{status: number, ms: number, attempts: number}>, seconds: number}>}
 */
async function sendStream(url, secret, { count, concurrency, retry = false, onAcknowledged, vendorKey = STREAM_VENDOR, eventType = STREAM_EVENT }) {
	const vendor = vendorFor(vendorKey);
	const credentials = credentialsFor(vendorKey, secret);
	const stamp = Date.now();
	const bodies = Array.from({ length: count }, (_, index) => sampleEvent(vendorKey, eventType, index, stamp + index));
	let acknowledged = 0;
	const started = performance.now();
	const answers = await pool(count, concurrency, async (index) => {
		// Signed per attempt batch: a retry sends the same bytes, as vendors do.
		const answer = await deliver(url, signedRequest(vendorKey, bodies[index], credentials), { retry });
		if (answer.status >= 200 && answer.status < 300) onAcknowledged?.(++acknowledged);
		return answer;
	});
	return {
		eventIds: bodies.map((body) => vendor.eventIdOf(body)),
		answers,
		seconds: (performance.now() - started) / 1000,
	};
}

function summarise({ answers, seconds }) {
	const latencies = answers.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.ms).sort((a, b) => a - b);
	return {
		events: answers.length,
		acknowledged: latencies.length,
		non2xx: answers.length - latencies.length,
		status5xx: answers.filter((a) => a.status >= 500).length,
		retries: answers.reduce((sum, a) => sum + a.attempts - 1, 0),
		seconds: Number(seconds.toFixed(2)),
		eventsPerSecond: Number((answers.length / seconds).toFixed(1)),
		p50Ms: Number(percentile(latencies, 50).toFixed(1)),
		p99Ms: Number(percentile(latencies, 99).toFixed(1)),
	};
}

/** Compares the events sent with the executions n8n holds: lost, duplicated, failed. */
async function auditExecutions(n8n, workflowId, triggerName, eventIds, before = 0) {
	await n8n.settledExecutions(workflowId, { atLeast: before + eventIds.length, quietMs: 2_000, timeoutMs: 300_000 });
	const executions = n8n.executionEventIds(workflowId, triggerName).slice(before);
	const counts = new Map();
	for (const { eventId } of executions) counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
	return {
		executions: executions.length,
		failed: executions.filter((execution) => execution.status !== 'success').length,
		lost: eventIds.filter((id) => !counts.has(id)).length,
		duplicated: eventIds.filter((id) => (counts.get(id) ?? 0) > 1).length,
		unexpected: [...counts.keys()].filter((id) => !eventIds.includes(id)).length,
	};
}

async function runLoad(n8n, target, { count, concurrency }) {
	const before = n8n.executions(target.workflowId).length;
	const stream = await sendStream(target.url, target.secret, { count, concurrency });
	return { ...summarise(stream), ...(await auditExecutions(n8n, target.workflowId, target.triggerName, stream.eventIds, before)) };
}

async function runFault(n8n, target, { count, concurrency }) {
	const before = n8n.executions(target.workflowId).length;
	let restart;
	const stream = await sendStream(target.url, target.secret, {
		count,
		concurrency,
		retry: true,
		onAcknowledged: (acknowledged) => {
			if (restart === undefined && acknowledged >= Math.floor(count / 3)) {
				restart = n8n.restart().then(() => n8n.waitForWebhook(target.webhookPath));
			}
		},
	});
	await restart;
	return {
		restarted: restart !== undefined,
		...summarise(stream),
		...(await auditExecutions(n8n, target.workflowId, target.triggerName, stream.eventIds, before)),
	};
}

/** A real n8n 2.x with the packed package and one trigger workflow for the stream vendor. */
async function streamTarget() {
	const { createN8n } = require('../test/support/n8n');
	const { TEST_SECRETS, TRIGGER_NAMES, testCredentials, triggerWorkflow } = require('../test/support/workflows');
	const workflow = triggerWorkflow(STREAM_VENDOR, { webhookId: `${STREAM_VENDOR}-load`, id: 'atsLoadFlow00000', normalize: false });
	const n8n = await createN8n('v2');
	n8n.importCredentials(testCredentials());
	n8n.importWorkflows([workflow]);
	await n8n.start();
	const webhookPath = `${STREAM_VENDOR}-load/webhook`;
	await n8n.waitForWebhook(webhookPath);
	return {
		n8n,
		target: {
			url: `${n8n.baseUrl}/webhook/${webhookPath}`,
			webhookPath,
			secret: TEST_SECRETS[STREAM_VENDOR],
			workflowId: workflow.id,
			triggerName: TRIGGER_NAMES[STREAM_VENDOR],
		},
	};
}

async function main() {
	const args = process.argv.slice(2);
	const option = (name, fallback) => {
		const index = args.indexOf(name);
		return index === -1 ? fallback : Number(args[index + 1]);
	};
	const count = option('--events', 10_000);
	const concurrency = option('--concurrency', 50);
	const { n8n, target } = await streamTarget();
	try {
		const kind = args.includes('--fault') ? 'fault' : 'load';
		console.log(`${kind}: ${count} distinct signed ${STREAM_VENDOR} events at concurrency ${concurrency} into n8n at ${n8n.baseUrl}`);
		const result = kind === 'fault' ? await runFault(n8n, target, { count, concurrency }) : await runLoad(n8n, target, { count, concurrency });
		console.log(JSON.stringify(result, null, 2));
		const clean = result.lost === 0 && result.duplicated === 0 && result.status5xx === 0 && result.failed === 0 && (kind === 'fault' || result.non2xx === 0);
		process.exitCode = clean ? 0 : 1;
	} finally {
		await n8n.stop();
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}

module.exports = { runLoad, runFault, streamTarget, sendStream, summarise, auditExecutions, deliver };
