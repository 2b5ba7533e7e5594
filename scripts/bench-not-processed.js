// Part of `npm run bench` (c): what the Not Processed output costs under a forged flood.
// One n8n 2.x per expression engine with two copies of our KeldairHR trigger (dedupe on, as in
// (b)/(c)), side by side, rounds interleaved and rotated so machine noise hits both alike:
// - "on": Not Processed output on, its defaults (outcomes rejected + not JSON, limit 20
//   executions per hour), output 2 wired to a No Op, as a user who wants to see forgeries does;
// - "off": the output off (the default): a forgery starts nothing.
// Both get the same forged flood (900 requests by default, split over the rounds, at
// concurrency 25). Measured: executions each side created during the flood (on: at most the
// limit per hourly window the flood touched; off: 0), rejected/s over the whole flood (every
// 401 answer divided by the time spent answering, so the rounds in which "on" starts its
// executions count) and on / off; every answer that is not a 401 is counted and shown.
// The readiness probe is a genuine signed event (an Events execution, before the flood), not
// the unsigned POST of N8n.waitForWebhook, which would spend one of the "on" side's allowance.
'use strict';
const { EXPRESSION_ENGINES, N8N_STARTING_UP, createN8n, sleep } = require('../test/support/n8n');
const {
	TEST_SECRETS,
	TRIGGER_NAMES,
	testCredentials,
	triggerWorkflow,
} = require('../test/support/workflows');
const { credentialsFor, pool, post, sampleEvent, signedRequest } = require('./signing');

const VENDOR = 'keldairHr';
const EVENT = 'applicant.hired';
const TRIGGER = TRIGGER_NAMES[VENDOR];
/** The trigger's default (NOT_PROCESSED_LIMIT.default in nodes/shared/notProcessed.ts); the workflow leaves it unset. */
const LIMIT = 20;
const HOUR_MS = 3_600_000;
const SINK = 'Not Processed';

/** Our trigger with (on) or without (off) the Not Processed output; on's output 2 goes to a No Op. */
function benchTrigger(name, notProcessedOutput) {
	const id = `atsNp${name}`.padEnd(16, '0').slice(0, 16);
	const workflow = triggerWorkflow(VENDOR, {
		webhookId: `np-${name}-bench`,
		id,
		normalize: false,
		parameters: {
			options: { dedupe: true },
			...(notProcessedOutput ? { notProcessedOutput: true } : {}),
		},
	});
	workflow.name = `${TRIGGER} ${notProcessedOutput ? 'with' : 'without'} Not Processed output (benchmark, ${name})`;
	if (notProcessedOutput) {
		workflow.nodes.push({
			id: `np-${name}-sink`,
			name: SINK,
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [260, 200],
			parameters: {},
		});
		workflow.connections[TRIGGER] = { main: [[], [{ node: SINK, type: 'main', index: 0 }]] };
	}
	return { workflow, path: `np-${name}-bench/webhook` };
}

function stoppedAtMs(value) {
	// n8n's SQLite stores UTC as "YYYY-MM-DD HH:MM:SS.SSS".
	const text = String(value);
	return Date.parse(text.endsWith('Z') ? text : `${text.replace(' ', 'T')}Z`);
}

function signingCredentials() {
	const credentials = credentialsFor(VENDOR, TEST_SECRETS[VENDOR]);
	credentials.signatureHeader = 'X-Signature';
	return credentials;
}

/** Until the webhook answers a genuine event 200 (n8n's "starting up" 200 does not count). */
async function waitWithGenuineEvent(url, sequence) {
	const deadline = Date.now() + 60_000;
	for (let attempt = 0; Date.now() < deadline; attempt++) {
		const answer = await post(
			url,
			signedRequest(
				VENDOR,
				sampleEvent(VENDOR, EVENT, sequence + attempt, Date.now()),
				signingCredentials(),
			),
		);
		if (answer.status === 200 && !answer.body.startsWith(N8N_STARTING_UP)) return;
		await sleep(250);
	}
	throw new Error(`${url} never answered a genuine event 200`);
}

const lastExecutionId = (n8n) =>
	n8n.query(`SELECT COALESCE(MAX(id), 0) AS "lastId" FROM execution_entity`)[0].lastId;
const executionsAfter = (n8n, workflowId, afterId) =>
	n8n.query(
		`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id > ${afterId} ORDER BY id`,
	);

/** One round of `count` forged requests at one side; the side's executions settled before it returns. */
async function floodRound(n8n, side, { count, concurrency, sequenceBase }) {
	const credentials = signingCredentials();
	const requests = Array.from({ length: count }, (_, index) =>
		signedRequest(
			VENDOR,
			sampleEvent(VENDOR, EVENT, sequenceBase + index, Date.now() + sequenceBase + index),
			credentials,
			{ tamper: true },
		),
	);
	const before = lastExecutionId(n8n);
	await sleep(500); // let the previous round's writes settle
	const started = Date.now();
	const answers = await pool(count, concurrency, (index) => post(side.url, requests[index]));
	const answeredMs = Date.now() - started;
	// "on" starts its executions after answering: wait until they are written and finished, and
	// count the round until the last of them stopped, so the settling pause hides none of their cost.
	await n8n.settledExecutions(side.workflow.id, { quietMs: 1500 });
	const executions = n8n.query(
		`SELECT id, "stoppedAt" FROM execution_entity WHERE "workflowId" = '${side.workflow.id}' AND id > ${before}`,
	);
	const busyMs = Math.max(
		answeredMs,
		...executions.map((execution) => stoppedAtMs(execution.stoppedAt) - started),
	);
	const statuses = {};
	for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
	const others = answers.filter((answer) => answer.status !== 401);
	return {
		started,
		ended: started + answeredMs,
		answeredMs,
		statuses,
		rejected: answers.length - others.length,
		non401: others.length,
		non401Examples: others
			.slice(0, 3)
			.map((answer) => ({ status: answer.status, body: String(answer.body).slice(0, 200) })),
		busyMs,
		executions: executions.length,
		rejectedPerSecond: ((answers.length - others.length) / busyMs) * 1000,
	};
}

/** Warn lines our trigger logged for each side since `offset` (n8n's log level in the bench is warn). */
function warnLines(n8n, offset) {
	const lines = n8n.logText().slice(offset).split('\n');
	return {
		on: lines.filter((line) =>
			line.includes('did not start the workflow: not-processed limit reached'),
		).length,
		off: lines.filter((line) => /did not start the workflow: 401 /.test(line)).length,
	};
}

/**
 * engine: a key of EXPRESSION_ENGINES (test/support/n8n.js). requests: the flood per side,
 * split evenly over `rounds` (the flood's halves interleaved, order rotating each round).
 * warmup: forged requests first sent to a warm-up copy of each side (its own allowance), so
 * neither side's first round pays for n8n's first forged requests and first Not Processed runs.
 */
async function benchNotProcessed({
	requests = 900,
	concurrency = 25,
	rounds = 6,
	warmup = 150,
	engine = 'vm',
	log = console.log,
} = {}) {
	const sides = { on: benchTrigger('on', true), off: benchTrigger('off', false) };
	const warm = { on: benchTrigger('warmOn', true), off: benchTrigger('warmOff', false) };
	const n8n = await createN8n('v2', { env: EXPRESSION_ENGINES[engine] });
	n8n.importCredentials(testCredentials());
	n8n.importWorkflows(
		[...Object.values(sides), ...Object.values(warm)].map((side) => side.workflow),
	);
	await n8n.start();
	try {
		let sequence = 0;
		for (const side of [...Object.values(sides), ...Object.values(warm)]) {
			side.url = `${n8n.baseUrl}/webhook/${side.path}`;
			await waitWithGenuineEvent(side.url, (sequence += 100));
			await n8n.settledExecutions(side.workflow.id, { atLeast: 1, quietMs: 1000 });
		}
		for (const name of ['on', 'off']) {
			if (warmup > 0)
				await floodRound(n8n, warm[name], {
					count: warmup,
					concurrency,
					sequenceBase: (sequence += 10_000),
				});
		}
		const firstId = lastExecutionId(n8n);
		const logOffset = n8n.logText().length;
		const perRound = Math.ceil(requests / rounds);
		const runs = { on: [], off: [] };
		const plan = ['on', 'off'];
		let sent = 0;
		for (let round = 0; round < rounds; round++) {
			const count = Math.min(perRound, requests - sent);
			if (count <= 0) break;
			sent += count;
			for (let i = 0; i < plan.length; i++) {
				const name = plan[(i + round) % plan.length];
				const result = await floodRound(n8n, sides[name], {
					count,
					concurrency,
					sequenceBase: (sequence += 10_000),
				});
				runs[name].push(result);
				log(
					`    round ${round + 1} Not Processed ${name.padEnd(3)} ${result.rejectedPerSecond.toFixed(1)} rejected/s, executions ${result.executions}, answers ${JSON.stringify(result.statuses)}` +
						(result.non401 > 0 ? `, non-401 e.g. ${JSON.stringify(result.non401Examples[0])}` : ''),
				);
			}
		}
		// The authoritative count: everything each workflow started after the probes, settled again.
		const totals = {};
		for (const [name, side] of Object.entries(sides)) {
			await n8n.settledExecutions(side.workflow.id, { quietMs: 3000 });
			const executions = executionsAfter(n8n, side.workflow.id, firstId);
			totals[name] = {
				executions: executions.length,
				failedExecutions: executions.filter((execution) => execution.status !== 'success').length,
				ids: executions.map((execution) => execution.id),
			};
		}
		// Each "on" execution must carry one rejected delivery on output 2 (Not Processed), nothing on output 1.
		const items = totals.on.ids.map((id) => n8n.executionOutputs(id)?.[TRIGGER]);
		const wellFormed = items.filter(
			(outputs) =>
				outputs?.[0]?.length === 0 &&
				outputs?.[1]?.length === 1 &&
				outputs[1][0].outcome === 'rejected' &&
				outputs[1][0].status === 401,
		).length;
		const suppressedReported = items.reduce(
			(sum, outputs) => sum + Number(outputs?.[1]?.[0]?.suppressedSinceLast ?? 0),
			0,
		);
		const sideResult = (name) => {
			const list = runs[name];
			const busyMs = list.reduce((sum, run) => sum + run.busyMs, 0);
			const rejected = list.reduce((sum, run) => sum + run.rejected, 0);
			return {
				requests: list.reduce(
					(sum, run) => sum + Object.values(run.statuses).reduce((a, b) => a + b, 0),
					0,
				),
				rejectedPerSecond: (rejected / busyMs) * 1000,
				seconds: busyMs / 1000,
				executions: totals[name].executions,
				failedExecutions: totals[name].failedExecutions,
				non401: list.reduce((sum, run) => sum + run.non401, 0),
				non401Examples: list.flatMap((run) => run.non401Examples).slice(0, 5),
				rounds: list.map(({ started, ended, ...run }) => run),
			};
		};
		const result = { on: sideResult('on'), off: sideResult('off') };
		const floodStart = Math.min(...runs.on.map((run) => run.started));
		const floodEnd = Math.max(...runs.on.map((run) => run.ended));
		// The limit counts per fixed wall-clock hour: a flood across an hour boundary may use two allowances.
		const hourWindows = Math.floor(floodEnd / HOUR_MS) - Math.floor(floodStart / HOUR_MS) + 1;
		const floodSeconds =
			(Math.max(...runs.on.map((run) => run.ended), ...runs.off.map((run) => run.ended)) -
				Math.min(floodStart, ...runs.off.map((run) => run.started))) /
			1000;
		return {
			config: {
				requests,
				rounds,
				warmup,
				concurrency,
				engine,
				vendor: VENDOR,
				limitPerHour: LIMIT,
				outcomes: ['rejected', 'notJson'],
				n8n: '2.41.1',
			},
			...result,
			onVsOff: result.on.rejectedPerSecond / result.off.rejectedPerSecond,
			roundRatios: runs.on.map(
				(run, index) => run.rejectedPerSecond / runs.off[index].rejectedPerSecond,
			),
			hourWindows,
			executionsTarget: LIMIT * hourWindows,
			notProcessedItems: {
				wellFormed,
				of: totals.on.executions,
				suppressedSinceLastReported: suppressedReported,
			},
			warnLines: { ...warnLines(n8n, logOffset), floodSeconds },
		};
	} finally {
		await n8n.stop();
	}
}

module.exports = { benchNotProcessed };
