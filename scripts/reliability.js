#!/usr/bin/env node
// Load and fault runs against a real n8n, shared by the e2e test (CI size) and
// `npm run load -- [--events N] [--concurrency C] [--fault [--ungated]] [--engine E]`, and
// `npm run load -- --startup-probe` (what a trigger's URL answers while n8n starts), and
// `npm run load -- --queue [--events N] [--fault | --kill-worker]` in n8n's queue mode
// (main, 2 webhook processes behind a balancer, 2 workers, Postgres, Redis: test/support/queue.js).
//
// load:  N distinct signed events at concurrency C, sent as a vendor sends: an attempt that
//        times out or gets no 2xx is retried with exponential backoff and jitter, bounded
//        → every event acknowledged, exactly one execution per event, no 5xx but n8n's own.
//        What the retries hid is reported beside it: late answers, n8n's 503s, other 5xx.
// fault: the same stream, but n8n is restarted (SIGTERM, as in a deploy) once a third of the
//        events are acknowledged, and the sender retries quickly and for longer, for as long
//        as a restart takes → still exactly one execution per event. The sender reaches n8n
//        through a readiness gate (readiness-gate.js); `--ungated` goes direct.
// Nothing here asserts a throughput or an answer time: they are printed only, because these
// machines' speed varies about 2x from day to day.
'use strict';
const { startReadinessGate } = require('./readiness-gate');
const { credentialsFor, pool, post, sampleEvent, signedRequest, vendorFor } = require('./signing');
const path = require('node:path');

// From dist/ by a computed path, on first use: a literal require('../dist/…') would make the
// TypeScript program of the tests take dist/ files as inputs (and refuse to emit over them).
const envelopeOfBuilt = (...args) =>
	require(path.join(__dirname, '..', 'dist', 'nodes', 'shared', 'vendor')).envelopeOf(...args);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Why a delivery attempt failed: a refused connection never reached n8n; an HTTP status is
// n8n's answer (e.g. 404 while it registers webhooks after a start); any other error (reset,
// hang-up, timeout) lost the answer after n8n had the request.
const REFUSED = ['ECONNREFUSED'];
const isRefused = (failure) => REFUSED.includes(failure);
const isHttpStatus = (failure) => /^\d{3}$/.test(failure);
const isAnswerLost = (failure) => !isRefused(failure) && !isHttpStatus(failure);

const isOk = (answer) => answer.status >= 200 && answer.status < 300;
// The trigger's own 2xx bodies: accepted, or accepted as a duplicate.
const isTriggerAnswer = (body) => /^\{"received":true[,}]/.test(body);
const isDuplicateAnswer = (body) => /^\{"received":true,"duplicate":true[,}]/.test(body);

const jsonOf = (body) => {
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
};
/**
 * Who answered a 5xx, told apart by the body: n8n's own database health check (its DB ping
 * failed, e.g. starved of CPU; it answers every request so until a ping succeeds, before any
 * webhook runs), the readiness gate or balancer of these runs, or anything else (the trigger,
 * or n8n's handling of it), which a run must never see.
 */
function fiveHundredOf({ status, body }) {
	if (status < 500 || status > 599) return undefined;
	const json = jsonOf(body);
	if (status === 503 && json?.message === 'Database is not ready!') return 'n8nDatabaseNotReady';
	if (json !== null && typeof json === 'object' && typeof json.gate === 'string') return 'gate';
	return 'other';
}

/**
 * How the sender retries, as a vendor's delivery queue does. `timeoutMs`: how long one attempt
 * waits for an answer; after a failed attempt the next waits `firstDelayMs` doubled each time,
 * at most `maxDelayMs`, with half of it random (so retries of a burst spread out), until
 * `maxAttempts` attempts or `budgetMs` since the first one.
 */
/** @typedef {{ maxAttempts: number, timeoutMs: number, firstDelayMs?: number, maxDelayMs?: number, budgetMs?: number }} RetryPolicy */
/** @type {Record<'vendor' | 'restart' | 'none', RetryPolicy>} */
const RETRY = {
	// load: a vendor's usual schedule, bounded to about 10 minutes per event.
	vendor: {
		maxAttempts: 8,
		firstDelayMs: 1_000,
		maxDelayMs: 30_000,
		budgetMs: 10 * 60_000,
		timeoutMs: 30_000,
	},
	// fault: n8n is down for a restart; a quick and long schedule keeps the test short.
	restart: {
		maxAttempts: 60,
		firstDelayMs: 200,
		maxDelayMs: 2_000,
		budgetMs: 10 * 60_000,
		timeoutMs: 15_000,
	},
	none: { maxAttempts: 1, timeoutMs: 30_000 },
};

/** @param {RetryPolicy} policy @param {number} failedAttempts */
function backoffMs(policy, failedAttempts) {
	const ceiling = Math.min(
		policy.maxDelayMs ?? 0,
		(policy.firstDelayMs ?? 0) * 2 ** (failedAttempts - 1),
	);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

const STREAM_VENDOR = 'kombo';
const STREAM_EVENT = 'ai-apply-application-status-updated';

/**
 * One event's delivery under `policy` (a RETRY entry). `request(nowMs)` gives the signed
 * request of an attempt: signed at each attempt, so every attempt carries the same body bytes
 * and, for vendors that sign a timestamp, a current one (a vendor's retry is a new delivery of
 * the same event). Returns the last answer, with what every failed attempt got.
 * @param {string} url
 * @param {(nowMs: number) => { headers: Record<string, string>, payload: string | Buffer }} request
 * @param {RetryPolicy} [policy]
 */
async function deliver(url, request, policy = RETRY.none, { newConnection = false } = {}) {
	const started = performance.now();
	let attempts = 0;
	let lateAnswers = 0;
	const failures = [];
	const fiveHundreds = { n8nDatabaseNotReady: 0, gate: 0, other: 0 };
	const otherFiveHundreds = [];
	for (;;) {
		attempts++;
		const answer = await post(url, request(Date.now()), policy.timeoutMs, { newConnection });
		// fetch and a raw request word their timeouts differently; the elapsed time does not.
		const late = answer.status === 0 && answer.ms >= policy.timeoutMs * 0.99;
		if (late) lateAnswers++;
		const fiveHundred = fiveHundredOf(answer);
		if (fiveHundred !== undefined) fiveHundreds[fiveHundred]++;
		if (fiveHundred === 'other')
			otherFiveHundreds.push(`${answer.status} ${answer.body.slice(0, 120)}`);
		const summary = { attempts, failures, lateAnswers, fiveHundreds, otherFiveHundreds };
		if (isOk(answer) || attempts >= policy.maxAttempts)
			return { ...answer, ...summary, at: performance.now() };
		failures.push(late ? 'timeout' : answer.status === 0 ? answer.body : String(answer.status));
		const delay = backoffMs(policy, attempts);
		if (performance.now() - started + delay > (policy.budgetMs ?? 0))
			return { ...answer, ...summary, at: performance.now() };
		await sleep(delay);
	}
}

function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Sends `count` distinct events under `retry` (a RETRY entry); `onAcknowledged(n)` is called after each 2xx.
 * @returns {Promise<{eventIds: string[], answers: Array<{status: number, ms: number, attempts: number}>, seconds: number}>}
 */
async function sendStream(
	url,
	secret,
	{
		count,
		concurrency,
		retry = RETRY.none,
		newConnection = false,
		onAcknowledged,
		beforeSend,
		vendorKey = STREAM_VENDOR,
		eventType = STREAM_EVENT,
	},
) {
	const vendor = vendorFor(vendorKey);
	const credentials = credentialsFor(vendorKey, secret);
	const stamp = Date.now();
	const bodies = Array.from({ length: count }, (_, index) =>
		sampleEvent(vendorKey, eventType, index, stamp + index),
	);
	let acknowledged = 0;
	const started = performance.now();
	const answers = await pool(count, concurrency, async (index) => {
		await beforeSend?.(index);
		const payload = JSON.stringify(bodies[index]);
		const answer = await deliver(
			url,
			(nowMs) => signedRequest(vendorKey, payload, credentials, { nowMs }),
			retry,
			{ newConnection },
		);
		if (isOk(answer)) onAcknowledged?.(++acknowledged);
		return answer;
	});
	return {
		eventIds: bodies.map((body) => envelopeOfBuilt(vendor, body).eventId),
		answers,
		seconds: (performance.now() - started) / 1000,
	};
}

/**
 * What the sender saw. Per event: `acknowledged` (its last attempt got a 2xx), `non2xx` (final
 * failures: every attempt failed), `status5xx` (final failures answered 5xx). Per attempt:
 * `retries`, `lateAnswers` (no answer within the sender's timeout), `n8nDatabaseNotReady503`
 * (n8n's own health-check answer), `gate5xx` (the readiness gate or balancer), `other5xx`
 * (anything else, the trigger's included; the first few are in `other5xxAnswers`), and
 * `duplicateAnswers` (2xx answered as a redelivery: a retry of an attempt that did reach the
 * trigger). Throughput and answer times (of acknowledged attempts) are printed, never asserted.
 */
function summarise({ answers, seconds }) {
	const latencies = answers
		.filter(isOk)
		.map((a) => a.ms)
		.sort((a, b) => a - b);
	const sum = (of) => answers.reduce((total, a) => total + of(a), 0);
	return {
		events: answers.length,
		acknowledged: latencies.length,
		non2xx: answers.length - latencies.length,
		status5xx: answers.filter((a) => a.status >= 500).length,
		retries: sum((a) => a.attempts - 1),
		retriedEvents: answers.filter((a) => a.attempts > 1).length,
		maxAttempts: Math.max(0, ...answers.map((a) => a.attempts)),
		lateAnswers: sum((a) => a.lateAnswers),
		n8nDatabaseNotReady503: sum((a) => a.fiveHundreds.n8nDatabaseNotReady),
		gate5xx: sum((a) => a.fiveHundreds.gate),
		other5xx: sum((a) => a.fiveHundreds.other),
		other5xxAnswers: answers.flatMap((a) => a.otherFiveHundreds).slice(0, 5),
		duplicateAnswers: answers.filter((a) => isOk(a) && isDuplicateAnswer(a.body)).length,
		failureKinds: countBy(answers.flatMap((a) => a.failures)),
		seconds: Number(seconds.toFixed(2)),
		eventsPerSecond: Number((answers.length / seconds).toFixed(1)),
		p50Ms: Number(percentile(latencies, 50).toFixed(1)),
		p99Ms: Number(percentile(latencies, 99).toFixed(1)),
	};
}

/** @returns {Record<string, number>} */
function countBy(values) {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

/** Compares the events sent with the executions n8n holds: lost, duplicated, failed. */
async function auditExecutions(
	n8n,
	workflowId,
	triggerName,
	eventIds,
	before = 0,
	answers = [],
	stoppedAt = undefined,
) {
	await n8n.settledExecutions(workflowId, {
		atLeast: before + eventIds.length,
		quietMs: 2_000,
		timeoutMs: 300_000,
	});
	const executions = n8n.executionEventIds(workflowId, triggerName).slice(before);
	const counts = new Map();
	for (const { eventId } of executions) counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
	const lostIndexes = eventIds.flatMap((id, index) => (counts.has(id) ? [] : [index]));
	const sent = new Set(eventIds);
	return {
		executions: executions.length,
		failed: executions.filter((execution) => execution.status !== 'success').length,
		lost: lostIndexes.length,
		duplicated: eventIds.filter((id) => (counts.get(id) ?? 0) > 1).length,
		unexpected: [...counts.keys()].filter((id) => !sent.has(id)).length,
		// What the sender saw for each lost event: the first few are enough to tell a cause.
		lostDeliveries: lostIndexes
			.slice(0, 10)
			.map((index) => describeDelivery(index, answers[index], stoppedAt)),
	};
}

function describeDelivery(index, answer, stoppedAt) {
	if (answer === undefined) return { index };
	const sinceStop =
		stoppedAt === undefined ? {} : { answeredMsAfterStop: Math.round(answer.at - stoppedAt) };
	return {
		index,
		status: answer.status,
		body: answer.body.slice(0, 120),
		attempts: answer.attempts,
		failures: answer.failures,
		...sinceStop,
	};
}

/** `retry`: a RETRY entry; a vendor's schedule unless told (RETRY.none shows what n8n answers first time). */
async function runLoad(n8n, target, { count, concurrency, retry = RETRY.vendor }) {
	const before = n8n.executions(target.workflowId).length;
	const stream = await sendStream(target.url, target.secret, { count, concurrency, retry });
	return {
		...summarise(stream),
		acknowledgedNotByTrigger: stream.answers.filter(
			(answer) => isOk(answer) && !isTriggerAnswer(answer.body),
		).length,
		...(await auditExecutions(
			n8n,
			target.workflowId,
			target.triggerName,
			stream.eventIds,
			before,
			stream.answers,
		)),
	};
}

/**
 * The stream is cut in thirds. The first goes to the running n8n. Once it is acknowledged
 * n8n gets SIGTERM (a deploy) while the second third is being sent: a stopping n8n still
 * serves until its executions drain. The last third is sent only after n8n has exited, so it
 * meets an n8n that is down or starting and is retried until n8n is back: every run has
 * deliveries held back.
 *
 * With `gate` (the default) the sender reaches n8n through a readiness-gated route, as a
 * load balancer or Kubernetes gives a real deployment (see readiness-gate.js); without it,
 * n8n's own `200 n8n is starting up` answers during its start lose events, which the result
 * shows as `acknowledgedNotByTrigger`.
 */
async function runFault(n8n, target, { count, concurrency, gate = true }) {
	const before = n8n.executions(target.workflowId).length;
	const route = gate ? await startReadinessGate(n8n.baseUrl) : undefined;
	const url = route ? target.url.replace(n8n.baseUrl, route.baseUrl) : target.url;
	let stopped;
	let stoppedAt;
	let restarted;
	let markStopped;
	const down = new Promise((resolve) => (markStopped = resolve));
	try {
		const stream = await sendStream(url, target.secret, {
			count,
			concurrency,
			retry: RETRY.restart,
			newConnection: true,
			onAcknowledged: (acknowledged) => {
				if (stopped === undefined && acknowledged >= Math.floor(count / 3)) {
					stoppedAt = performance.now();
					stopped = n8n.stop().finally(markStopped);
					restarted = stopped
						.then(() => n8n.start())
						.then(() => n8n.waitForWebhook(target.webhookPath));
				}
			},
			beforeSend: (index) => (index >= Math.floor((2 * count) / 3) ? down : undefined),
		});
		await restarted;
		const failedBy = (test) => stream.answers.filter((answer) => answer.failures.some(test)).length;
		return {
			restarted: restarted !== undefined,
			shutdown: n8n.lastStop,
			gate: route ? { ...route.counts } : undefined,
			refusedDeliveries: failedBy(isRefused),
			answerLostDeliveries: failedBy(isAnswerLost),
			non2xxAnsweredDeliveries: failedBy(isHttpStatus),
			non2xxAnswerStatuses: countBy(
				stream.answers.flatMap((answer) => answer.failures.filter(isHttpStatus)),
			),
			// A 2xx the trigger did not write: n8n answered without running the trigger.
			acknowledgedNotByTrigger: stream.answers.filter(
				(answer) => isOk(answer) && !isTriggerAnswer(answer.body),
			).length,
			...summarise(stream),
			...(await auditExecutions(
				n8n,
				target.workflowId,
				target.triggerName,
				stream.eventIds,
				before,
				stream.answers,
				stoppedAt,
			)),
		};
	} finally {
		await route?.close();
	}
}

/**
 * Queue mode: one `n8n webhook` process (of several behind the balancer) gets SIGTERM once a
 * third of the stream is acknowledged, as in a rolling deploy, and is started again once it
 * has exited. The last third is sent only after it has exited. The sender goes through the
 * balancer and retries every failure → each event must run exactly once.
 */
async function runWebhookFault(topology, target, { count, concurrency, index = 0 }) {
	const before = topology.executions(target.workflowId).length;
	const forwardedBefore = topology.balancer.counts.perTarget.map((t) => t.forwarded);
	let stopped;
	let stoppedAt;
	let restarted;
	let markStopped;
	const down = new Promise((resolve) => (markStopped = resolve));
	const stream = await sendStream(target.url, target.secret, {
		count,
		concurrency,
		retry: RETRY.restart,
		newConnection: true,
		onAcknowledged: (acknowledged) => {
			if (stopped === undefined && acknowledged >= Math.floor(count / 3)) {
				stoppedAt = performance.now();
				stopped = topology.stopWebhook(index).finally(markStopped);
				restarted = stopped
					.then(() => topology.startWebhook(index))
					.then(() => topology.webhookProcesses[index].waitForWebhook(target.webhookPath));
			}
		},
		beforeSend: (i) => (i >= Math.floor((2 * count) / 3) ? down : undefined),
	});
	await restarted;
	const failedBy = (test) => stream.answers.filter((answer) => answer.failures.some(test)).length;
	return {
		stoppedProcess: index,
		shutdown: topology.webhookProcesses[index].lastStop,
		forwardedPerProcess: topology.balancer.counts.perTarget.map(
			(t, i) => t.forwarded - forwardedBefore[i],
		),
		refusedDeliveries: failedBy(isRefused),
		answerLostDeliveries: failedBy(isAnswerLost),
		non2xxAnswerStatuses: countBy(
			stream.answers.flatMap((answer) => answer.failures.filter(isHttpStatus)),
		),
		acknowledgedNotByTrigger: stream.answers.filter(
			(answer) => isOk(answer) && !isTriggerAnswer(answer.body),
		).length,
		...summarise(stream),
		...(await auditExecutions(
			topology,
			target.workflowId,
			target.triggerName,
			stream.eventIds,
			before,
			stream.answers,
			stoppedAt,
		)),
	};
}

/** Lines `Worker started|finished execution N` in a worker's log → sets of execution ids. */
function workerLogExecutions(logPath) {
	const fs = require('node:fs');
	let text = '';
	try {
		text = fs.readFileSync(logPath, 'utf8');
	} catch {
		// no log yet
	}
	const ids = (verb) =>
		new Set(
			[...text.matchAll(new RegExp(`Worker ${verb} execution (\\d+) \\(job`, 'g'))].map((m) =>
				Number(m[1]),
			),
		);
	return { started: ids('started'), finished: ids('finished') };
}

/**
 * Queue mode: worker `index` is killed with kill -9 (a crash, an OOM kill) once a third of
 * the stream is acknowledged, while it runs executions; it is started again after the stream.
 * What n8n does with the jobs it held is counted, not assumed: for every event, its
 * executions and their statuses (re-run = more than one execution; crashed = marked crashed
 * by n8n's queue recovery; lost = acknowledged and no execution at all), and which of the
 * killed worker's executions were in flight (started, never finished) at the kill.
 * n8n's queue (Bull) runs with maxStalledCount 0: a job whose worker died is failed once its
 * lock expires (QUEUE_WORKER_LOCK_DURATION), not handed to another worker, and the main
 * process marks its execution crashed at its next queue recovery
 * (N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL minutes). `settleTimeoutMs` bounds the wait for that.
 */
async function runWorkerKill(
	topology,
	target,
	{ count, concurrency, index = 0, settleTimeoutMs = 300_000 },
) {
	const before = topology.executions(target.workflowId).length;
	const worker = topology.workerProcesses[index];
	let killed;
	let killedAt;
	let inFlightAtKill = [];
	const stream = await sendStream(target.url, target.secret, {
		count,
		concurrency,
		retry: RETRY.restart,
		onAcknowledged: (acknowledged) => {
			if (killed === undefined && acknowledged >= Math.floor(count / 3)) {
				killedAt = new Date().toISOString();
				killed = worker.kill().then(() => {
					const { started, finished } = workerLogExecutions(worker.logPath);
					inFlightAtKill = [...started].filter((id) => !finished.has(id)).sort((a, b) => a - b);
				});
			}
		},
	});
	await killed;
	const summary = summarise(stream);
	// Wait until no execution of the stream is new/running/waiting any more (or the bound).
	const deadline = Date.now() + settleTimeoutMs;
	let rows = topology.executionEventIds(target.workflowId, target.triggerName).slice(before);
	const open = (list) =>
		list.filter((row) => !['success', 'error', 'crashed', 'canceled'].includes(row.status));
	while (Date.now() < deadline && (open(rows).length > 0 || rows.length < summary.acknowledged)) {
		await sleep(1_000);
		rows = topology.executionEventIds(target.workflowId, target.triggerName).slice(before);
	}
	await topology.startWorker(index);
	const perEvent = new Map();
	for (const row of rows) {
		if (!perEvent.has(row.eventId)) perEvent.set(row.eventId, []);
		perEvent.get(row.eventId).push(row);
	}
	const ranOn = topology.workerExecutions();
	const acknowledgedIds = stream.eventIds.filter((_, i) => isOk(stream.answers[i]));
	const sent = new Set(stream.eventIds);
	const executionsOf = (id) => perEvent.get(id) ?? [];
	const statusOfInFlight = countBy(
		inFlightAtKill.map((id) => rows.find((row) => row.id === id)?.status ?? 'not found'),
	);
	const notSucceeded = rows.filter((row) => row.status !== 'success');
	return {
		killedWorker: index,
		killedAt,
		...summary,
		executions: rows.length,
		executionsByStatus: countBy(rows.map((row) => row.status)),
		stillOpenAfterWait: open(rows).length,
		// The killed worker's executions whose `Worker started` line is in its log and whose
		// `Worker finished` line is not, and what became of them (a lower bound of what it held:
		// a job it had taken but not yet logged is not in there).
		inFlightAtKill: inFlightAtKill.length,
		inFlightAtKillStatus: statusOfInFlight,
		// Every execution that did not succeed: its status, and whether any worker logged starting it.
		notSucceeded: notSucceeded.map((row) => ({
			id: row.id,
			status: row.status,
			startedOn: ranOn.has(row.id) ? `worker-${ranOn.get(row.id) + 1}` : 'no worker',
		})),
		// Per acknowledged event. An execution n8n gave up on (its worker died) is written over with
		// n8n's error and no longer holds the trigger's item, so those are counted, not matched:
		// every acknowledged event is accounted for when the events without a successful execution
		// are as many as the executions that did not succeed.
		exactlyOneSuccess: acknowledgedIds.filter(
			(id) => executionsOf(id).length === 1 && executionsOf(id)[0].status === 'success',
		).length,
		eventsWithoutSuccess: acknowledgedIds.filter(
			(id) => !executionsOf(id).some((row) => row.status === 'success'),
		).length,
		notRunMarkedFailed: notSucceeded.filter((row) => row.eventId === undefined).length,
		// More than one execution for an event: n8n re-ran it, or the sender retried a delivery whose answer it did not get.
		reRun: acknowledgedIds.filter((id) => executionsOf(id).length > 1).length,
		// Acknowledged, without a successful execution and without a failed one to account for it.
		lost: Math.max(
			0,
			acknowledgedIds.filter((id) => !executionsOf(id).some((row) => row.status === 'success'))
				.length - notSucceeded.length,
		),
		unexpected: [...perEvent.keys()].filter((id) => id !== undefined && !sent.has(id)).length,
		failedExecutionMessage:
			notSucceeded.length > 0 ? topology.executionError?.(notSucceeded[0].id) : undefined,
		executionsPerWorker: countBy(
			rows.map((row) =>
				ranOn.has(row.id) ? `worker-${ranOn.get(row.id) + 1}` : 'no worker log line',
			),
		),
	};
}

/**
 * What a trigger's URL answers while n8n starts: unsigned POSTs from 4 senders, from before
 * n8n listens until the hook answers 401, over `restarts` restarts. n8n answers some of them
 * `200 n8n is starting up` (its database is still migrating): a vendor would take that 200
 * as delivered. Why the fault run goes through the readiness gate.
 */
async function probeStartup(n8n, target, { restarts = 3 } = {}) {
	const { N8N_STARTING_UP } = require('../test/support/n8n');
	const starts = [];
	for (let round = 0; round < restarts; round++) {
		await n8n.stop();
		const counts = { refused: 0, startingUp200: 0, notFound404: 0, trigger401: 0, other: 0 };
		let done = false;
		const probe = async () => {
			while (!done) {
				const answer = await post(
					target.url,
					{ payload: '{}', headers: { 'content-type': 'application/json' } },
					5_000,
					{ newConnection: true },
				);
				if (answer.status === 0) counts.refused++;
				else if (answer.status === 200 && answer.body.startsWith(N8N_STARTING_UP))
					counts.startingUp200++;
				else if (answer.status === 404) counts.notFound404++;
				else if (answer.status === 401) counts.trigger401++;
				else counts.other++;
				if (answer.status === 0) await sleep(5);
			}
		};
		const senders = Array.from({ length: 4 }, probe);
		await n8n.start();
		await n8n.waitForWebhook(target.webhookPath);
		done = true;
		await Promise.all(senders);
		starts.push(counts);
	}
	return {
		starts,
		startsWithStartingUp200: starts.filter((counts) => counts.startingUp200 > 0).length,
	};
}

/** The workflow the load and fault runs stream into: the trigger alone, dedupe on. */
function streamWorkflow() {
	const { triggerWorkflow } = require('../test/support/workflows');
	return triggerWorkflow(STREAM_VENDOR, {
		webhookId: `${STREAM_VENDOR}-load`,
		id: 'atsLoadFlow00000',
		normalize: false,
	});
}

/** Where and how to send to a trigger workflow running in `n8n`. */
function targetOf(n8n, workflow) {
	const { TEST_SECRETS, TRIGGER_NAMES } = require('../test/support/workflows');
	const vendorKey = Object.keys(TRIGGER_NAMES).find(
		(key) => TRIGGER_NAMES[key] === workflow.nodes[0].name,
	);
	const webhookPath = `${workflow.nodes[0].webhookId}/webhook`;
	return {
		url: `${n8n.baseUrl}/webhook/${webhookPath}`,
		webhookPath,
		secret: TEST_SECRETS[vendorKey],
		workflowId: workflow.id,
		triggerName: TRIGGER_NAMES[vendorKey],
	};
}

/**
 * A real n8n 2.x with the packed package and the stream workflow, ready to receive.
 * engine: a key of EXPRESSION_ENGINES in test/support/n8n.js ('vm' is n8n 2.x's default).
 */
async function streamTarget(engine = 'vm') {
	const { EXPRESSION_ENGINES, createN8n } = require('../test/support/n8n');
	const { testCredentials } = require('../test/support/workflows');
	const workflow = streamWorkflow();
	const n8n = await createN8n('v2', { env: EXPRESSION_ENGINES[engine] });
	n8n.importCredentials(testCredentials());
	n8n.importWorkflows([workflow]);
	await n8n.start();
	const target = targetOf(n8n, workflow);
	await n8n.waitForWebhook(target.webhookPath);
	return { n8n, target };
}

/**
 * The same stream workflow in queue mode (test/support/queue.js): main, 2 webhook processes
 * behind the balancer, 2 workers, on Postgres and Redis. `target.url` goes through the balancer.
 */
async function queueStreamTarget(engine = 'vm', env = {}) {
	const { EXPRESSION_ENGINES } = require('../test/support/n8n');
	const { createQueueTopology } = require('../test/support/queue');
	const { testCredentials } = require('../test/support/workflows');
	const workflow = streamWorkflow();
	const topology = await createQueueTopology({ env: { ...EXPRESSION_ENGINES[engine], ...env } });
	try {
		topology.importCredentials(testCredentials());
		topology.importWorkflows([workflow]);
		await topology.start();
		const target = targetOf(topology, workflow);
		await topology.waitForWebhook(target.webhookPath);
		return { topology, target };
	} catch (error) {
		await topology.stop();
		throw error;
	}
}

/** `npm run load -- --queue [--events N] [--concurrency C] [--fault | --kill-worker] [--engine E]` */
async function queueMain(args, { count, concurrency, engine }) {
	const kind = args.includes('--fault')
		? 'webhook SIGTERM'
		: args.includes('--kill-worker')
			? 'worker kill -9'
			: 'load';
	// For --kill-worker: a dead worker's jobs give up their lock sooner and are recovered sooner (docs/scaling.md).
	const env =
		kind === 'worker kill -9'
			? {
					QUEUE_WORKER_LOCK_DURATION: '10000',
					QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
					QUEUE_WORKER_STALLED_INTERVAL: '5000',
					N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
				}
			: {};
	const { topology, target } = await queueStreamTarget(engine, env);
	try {
		console.log(
			`queue mode ${kind}: ${count} distinct signed ${STREAM_VENDOR} events at concurrency ${concurrency} through the balancer ${topology.baseUrl} ` +
				`(${topology.webhookProcesses.length} webhook processes, ${topology.workerProcesses.length} workers, Postgres, Redis; expression engine ${engine})`,
		);
		const ranBefore = topology.workerExecutions();
		const result =
			kind === 'webhook SIGTERM'
				? await runWebhookFault(topology, target, { count, concurrency })
				: kind === 'worker kill -9'
					? await runWorkerKill(topology, target, { count, concurrency })
					: await runLoad(topology, target, { count, concurrency });
		const perWorker = {};
		for (const [id, worker] of topology.workerExecutions())
			if (!ranBefore.has(id))
				perWorker[`worker-${worker + 1}`] = (perWorker[`worker-${worker + 1}`] ?? 0) + 1;
		console.log(
			JSON.stringify(
				{
					...result,
					forwardedPerWebhookProcess: topology.balancer.counts.perTarget.map((t) => t.forwarded),
					executionsPerWorker: perWorker,
				},
				null,
				2,
			),
		);
		const clean =
			result.lost === 0 &&
			result.status5xx === 0 &&
			(kind === 'worker kill -9'
				? result.reRun === 0
				: result.duplicated === 0 && result.failed === 0) &&
			(kind !== 'load' || (result.non2xx === 0 && result.other5xx === 0));
		process.exitCode = clean ? 0 : 1;
	} finally {
		await topology.stop();
	}
}

async function main() {
	const args = process.argv.slice(2);
	const option = (name, fallback) => {
		const index = args.indexOf(name);
		return index === -1 ? fallback : Number(args[index + 1]);
	};
	const count = option('--events', 10_000);
	const concurrency = option('--concurrency', 50);
	const engineIndex = args.indexOf('--engine');
	const engine = engineIndex === -1 ? 'vm' : args[engineIndex + 1];
	if (args.includes('--queue')) return queueMain(args, { count, concurrency, engine });
	const { n8n, target } = await streamTarget(engine);
	try {
		if (args.includes('--startup-probe')) {
			const result = await probeStartup(n8n, target);
			console.log(JSON.stringify(result, null, 2));
			return;
		}
		const kind = args.includes('--fault') ? 'fault' : 'load';
		console.log(
			`${kind}: ${count} distinct signed ${STREAM_VENDOR} events at concurrency ${concurrency} into n8n at ${n8n.baseUrl} (expression engine ${engine})`,
		);
		const gate = !args.includes('--ungated');
		const result =
			kind === 'fault'
				? await runFault(n8n, target, { count, concurrency, gate })
				: await runLoad(n8n, target, { count, concurrency });
		console.log(JSON.stringify(result, null, 2));
		const clean =
			result.lost === 0 &&
			result.duplicated === 0 &&
			result.status5xx === 0 &&
			result.failed === 0 &&
			(kind === 'fault' || (result.non2xx === 0 && result.other5xx === 0));
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

module.exports = {
	RETRY,
	STREAM_EVENT,
	STREAM_VENDOR,
	backoffMs,
	fiveHundredOf,
	queueStreamTarget,
	probeStartup,
	runLoad,
	runFault,
	runWebhookFault,
	runWorkerKill,
	streamTarget,
	streamWorkflow,
	targetOf,
	sendStream,
	summarise,
	auditExecutions,
	deliver,
};
