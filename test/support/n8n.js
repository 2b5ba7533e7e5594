// A real n8n for tests, dev and benchmarks: the packed tarball installed into a throwaway
// user folder's .n8n/custom, credentials and workflows imported with n8n's CLI, the server
// started on a free loopback port with embedded SQLite. Executions are read from n8n's own
// database (with n8n's own sqlite3 and flatted modules, so the read path is n8n's format).
// The same class runs one process of a queue-mode topology (test/support/queue.js): any n8n
// command (`start`, `webhook`, `worker`), on Postgres (read with n8n's own `pg` module).
'use strict';
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME = path.join(ROOT, 'scripts', 'n8n-runtime.sh');

function runtimeFor(major) {
	execFileSync('bash', [RUNTIME, 'install', major], { stdio: 'inherit' });
	const [node, bin] = execFileSync('bash', [RUNTIME, 'path', major], { encoding: 'utf8' })
		.trim()
		.split(' ');
	return { major, node, bin, modules: path.resolve(bin, '..', '..', '..') };
}

let packed;
/** `npm pack` once per process: what users install is what we test. */
function packTarball() {
	if (packed && fs.existsSync(packed)) return packed;
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-pack-'));
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	packed = path.join(out, name);
	return packed;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An execution n8n has not finished yet (new, running, waiting). */
const isOpen = (execution) =>
	!['success', 'error', 'crashed', 'canceled'].includes(execution.status);

// Under jest, every n8n this harness starts is recorded (one file per process group id) in the
// folder test/support/jest-global-setup.js creates; stop() removes the record once n8n has exited.
// The global teardown fails the run for any record whose process group is still alive.
const PID_DIR_ENV = 'ATS_N8N_PID_DIR';
function recordSpawned(pid) {
	const dir = process.env[PID_DIR_ENV];
	if (dir && pid) fs.writeFileSync(path.join(dir, String(pid)), `${process.pid}\n`);
}
function forgetSpawned(pid) {
	const dir = process.env[PID_DIR_ENV];
	if (dir && pid) fs.rmSync(path.join(dir, String(pid)), { force: true });
}

// What n8n (2.41 abstract-server.js) answers, with status 200, to any request while its database migrates.
const N8N_STARTING_UP = 'n8n is starting up';

/**
 * One n8n process. options.command: the n8n command (`start`, `webhook`, `worker`) and its
 * options.args; options.postgres: {host, port, database, user} to use Postgres instead of
 * SQLite; options.name: names the log file (n8n-<name>.log). For a worker, `port` is its
 * health-check port (QUEUE_HEALTH_CHECK_PORT, set by the caller in extraEnv).
 */
class N8n {
	constructor(
		runtime,
		userFolder,
		port,
		brokerPort,
		extraEnv = {},
		{ command = 'start', args = [], postgres, name } = {},
	) {
		this.runtime = runtime;
		this.extraEnv = extraEnv;
		this.userFolder = userFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.command = command;
		this.args = args;
		this.postgres = postgres;
		this.name = name;
		this.dbPath = path.join(userFolder, '.n8n', 'database.sqlite');
		this.logPath = path.join(userFolder, name ? `n8n-${name}.log` : 'n8n.log');
		this.child = undefined;
	}

	/** The process id of the running n8n (undefined when stopped). */
	get pid() {
		return this.child && this.child.exitCode === null && this.child.signalCode === null
			? this.child.pid
			: undefined;
	}

	databaseEnv() {
		if (!this.postgres) return { DB_TYPE: 'sqlite' };
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.postgres.host,
			DB_POSTGRESDB_PORT: String(this.postgres.port),
			DB_POSTGRESDB_DATABASE: this.postgres.database,
			DB_POSTGRESDB_USER: this.postgres.user,
			DB_POSTGRESDB_PASSWORD: this.postgres.password ?? '',
		};
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	env(extra = {}) {
		return {
			...process.env,
			PATH: `${path.dirname(this.runtime.node)}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			// n8n's task broker defaults to 5679: a second n8n (e.g. npm run dev) would clash.
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${this.baseUrl}/`,
			...this.databaseEnv(),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENCRYPTION_KEY: 'ats-webhooks-local-test-encryption',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_PRUNE: 'false',
			N8N_LOG_LEVEL: process.env.ATS_N8N_LOG_LEVEL || 'warn',
			// Jest sets NODE_ENV=test, under which n8n start exits silently.
			NODE_ENV: 'production',
			// n8n 1.123's default "vm" engine needs isolated-vm, whose native build fails on Node 20.
			...(this.runtime.major === 'v1' ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			...this.extraEnv,
			...extra,
		};
	}

	cli(args) {
		const result = spawnSync(this.runtime.node, [this.runtime.bin, ...args], {
			env: this.env(),
			encoding: 'utf8',
			timeout: 180_000,
		});
		if (result.status !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`,
			);
		}
		return result.stdout;
	}

	importCredentials(credentials) {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials));
		this.cli(['import:credentials', `--input=${file}`]);
		fs.rmSync(file);
	}

	/** Imports workflows and makes them active (publish on 2.x, update on 1.x). */
	importWorkflows(workflows, { activate = true } = {}) {
		if (this.runtime.major === 'v2' && this.postgres) {
			// On Postgres (queue mode) all in one import run, then one publish run each: every CLI run
			// boots n8n for several seconds. (`--activeState=fromJson` imports but, measured on
			// 2.41.1, does not publish.)
			const file = path.join(this.userFolder, `workflows-${Date.now()}.json`);
			fs.writeFileSync(file, JSON.stringify(workflows));
			this.cli(['import:workflow', `--input=${file}`]);
			fs.rmSync(file);
			if (activate)
				for (const workflow of workflows) this.cli(['publish:workflow', `--id=${workflow.id}`]);
			return;
		}
		for (const workflow of workflows) {
			const file = path.join(this.userFolder, `workflow-${workflow.id}.json`);
			fs.writeFileSync(file, JSON.stringify(workflow));
			this.cli(['import:workflow', `--input=${file}`]);
			fs.rmSync(file);
			if (!activate) continue;
			if (this.runtime.major === 'v2') this.cli(['publish:workflow', `--id=${workflow.id}`]);
			else this.cli(['update:workflow', `--id=${workflow.id}`, '--active=true']);
		}
	}

	async start() {
		const log = fs.openSync(this.logPath, 'a');
		this.child = spawn(this.runtime.node, [this.runtime.bin, this.command, ...this.args], {
			env: this.env(),
			stdio: ['ignore', log, log],
			detached: true,
		});
		fs.closeSync(log);
		recordSpawned(this.child.pid);
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			const state = await Promise.race([
				exited.then(() => 'exited'),
				sleep(500).then(() => 'waiting'),
			]);
			if (state === 'exited')
				throw new Error(
					`n8n ${this.command} exited during start; see ${this.logPath}:\n${this.tail()}`,
				);
			if (await this.ready()) return this;
		}
		throw new Error(`n8n ${this.command} did not become healthy in 180 s; see ${this.logPath}`);
	}

	/**
	 * /healthz answers as soon as n8n listens, while its database may still be migrating; in
	 * that window n8n answers every other request `200 n8n is starting up. Please wait`.
	 * /healthz/readiness is 200 only once the database is migrated and n8n is fully started.
	 */
	async ready() {
		try {
			const response = await fetch(`${this.baseUrl}/healthz/readiness`);
			return response.ok;
		} catch {
			return false; // not listening yet
		}
	}

	/**
	 * Readiness can pass before active workflows' webhooks are registered, and OPTIONS is
	 * answered even for unknown paths. An unsigned POST is the probe: 404 while the hook is
	 * missing, 401 from our trigger once it is there (and a 401 starts no execution); n8n's
	 * own "starting up" 200 does not count.
	 */
	/**
	 * Waits until n8n serves the webhook. The probe is an unsigned `{}` unless `probe()` gives a
	 * request: a trigger with the Not Processed output turns an unsigned probe into an item (and
	 * counts it against its hourly limit), so tests of it probe with a genuine event.
	 * @param {string} webhookPath
	 * @param {() => { headers: Record<string, string>, payload: string }} [probe]
	 */
	async waitForWebhook(
		webhookPath,
		probe = () => ({ headers: { 'Content-Type': 'application/json' }, payload: '{}' }),
	) {
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			try {
				const { headers, payload } = probe();
				const response = await fetch(`${this.baseUrl}/webhook/${webhookPath}`, {
					method: 'POST',
					headers,
					body: payload,
				});
				const body = await response.text();
				if (response.status !== 404 && !body.startsWith(N8N_STARTING_UP)) return;
			} catch {
				// retry
			}
			await sleep(250);
		}
		throw new Error(`webhook ${webhookPath} never became available`);
	}

	tail(lines = 40) {
		try {
			return fs.readFileSync(this.logPath, 'utf8').split('\n').slice(-lines).join('\n');
		} catch {
			return '';
		}
	}

	/**
	 * SIGTERM, then SIGKILL only if n8n has not exited after its own graceful-shutdown
	 * timeout (N8N_GRACEFUL_SHUTDOWN_TIMEOUT, default 30 s) plus a margin. `lastStop` records how.
	 */
	async stop() {
		const child = this.child;
		this.child = undefined;
		if (!child || child.exitCode !== null) return;
		const started = Date.now();
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const gracefulMs = Number(this.env().N8N_GRACEFUL_SHUTDOWN_TIMEOUT ?? 30) * 1000;
		// A timer that outlived n8n's exit would keep the test process alive: cleared either way.
		let timer;
		const timedOut = new Promise(
			(resolve) => (timer = setTimeout(() => resolve(false), gracefulMs + 15_000)),
		);
		const done = await Promise.race([exited.then(() => true), timedOut]);
		clearTimeout(timer);
		if (!done) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
			await exited;
		}
		forgetSpawned(child.pid);
		this.lastStop = { ms: Date.now() - started, killed: !done };
	}

	/** kill -9 of the whole process group (a crash: no shutdown of any kind). */
	async kill() {
		const child = this.child;
		this.child = undefined;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			return;
		}
		await exited;
		this.lastStop = { ms: 0, killed: true };
	}

	/** A graceful restart, as in a deploy: SIGTERM, wait for exit, start again. */
	async restart() {
		await this.stop();
		return this.start();
	}

	/** Runs SQL on n8n's database with n8n's own sqlite3 build (or pg module); returns rows. */
	query(sql) {
		if (this.postgres) return this.queryPostgres(sql);
		const script = `
			const sqlite3 = require(${JSON.stringify(path.join(this.runtime.modules, 'sqlite3'))});
			const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
			db.all(process.argv[2], (err, rows) => {
				if (err) { console.error(err.message); process.exit(1); }
				process.stdout.write(JSON.stringify(rows));
				db.close();
			});`;
		const out = execFileSync(this.runtime.node, ['-e', script, this.dbPath, sql], {
			encoding: 'utf8',
			maxBuffer: 512 * 1024 * 1024,
		});
		return JSON.parse(out || '[]');
	}

	queryPostgres(sql) {
		const script = `
			const { Client } = require(${JSON.stringify(path.join(this.runtime.modules, 'pg'))});
			const client = new Client(JSON.parse(process.argv[1]));
			client.connect()
				.then(() => client.query(process.argv[2]))
				.then((result) => { process.stdout.write(JSON.stringify(result.rows)); return client.end(); })
				.catch((err) => { console.error(err.message); process.exit(1); });`;
		const { host, port, database, user, password } = this.postgres;
		const out = execFileSync(
			this.runtime.node,
			['-e', script, JSON.stringify({ host, port, database, user, password }), sql],
			{
				encoding: 'utf8',
				maxBuffer: 512 * 1024 * 1024,
			},
		);
		return JSON.parse(out || '[]');
	}

	/** @returns {Array<{id: number, status: string, finished: number, mode: string}>} */
	executions(workflowId) {
		return this.query(
			`SELECT id, status, finished, mode FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
		);
	}

	/**
	 * Output items of each node's first output, from n8n's stored run data.
	 * @returns {Record<string, Array<Record<string, any>>> | undefined}
	 */
	executionItems(executionId) {
		const outputs = this.executionOutputs(executionId);
		return (
			outputs &&
			Object.fromEntries(Object.entries(outputs).map(([node, [first]]) => [node, first ?? []]))
		);
	}

	/**
	 * Output items of each node, per output (a trigger with the Not Processed output has two).
	 * @returns {Record<string, Array<Array<Record<string, any>>>> | undefined}
	 */
	executionOutputs(executionId) {
		const [row] = this.query(
			`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`,
		);
		if (!row) return undefined;
		const flatted = require(path.join(this.runtime.modules, 'flatted'));
		const data = flatted.parse(row.data);
		const outputs = {};
		for (const [node, runs] of Object.entries(data.resultData.runData)) {
			outputs[node] = (runs[0]?.data?.main ?? []).map((items) =>
				(items ?? []).map((item) => item.json),
			);
		}
		return outputs;
	}

	/**
	 * `_ats.eventId` and the item of the trigger in every execution of a workflow, in execution
	 * order (one entry per execution; an execution without that item gives undefined). Without
	 * triggerName, the item of whichever of this package's triggers started the execution (the
	 * first node whose item carries `_ats`): a workflow with several triggers.
	 * @returns {Array<{id: number, status: string, eventId: string | undefined, item: Record<string, any> | undefined}>}
	 */
	executionEventIds(workflowId, triggerName) {
		const rows = this.query(
			`SELECT e.id AS id, e.status AS status, d.data AS data FROM execution_entity e
			 LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = '${workflowId}' ORDER BY e.id`,
		);
		const flatted = require(path.join(this.runtime.modules, 'flatted'));
		const firstItem = (data) => data?.main?.[0]?.[0]?.json;
		const isTrigger = (name, item) =>
			triggerName === undefined ? item?._ats !== undefined : name === triggerName;
		return rows.map((row) => {
			const data = row.data ? flatted.parse(row.data) : undefined;
			const ran = Object.entries(data?.resultData?.runData ?? {}).find(([name, runs]) =>
				isTrigger(name, firstItem(runs?.[0]?.data)),
			);
			// An execution that never ran on a worker (queue mode: crashed, failed) still holds the
			// trigger's item where the webhook process queued it, on its execution stack.
			const queued = data?.executionData?.nodeExecutionStack?.find((entry) =>
				isTrigger(entry.node?.name, firstItem(entry.data)),
			);
			const item = firstItem(ran?.[1]?.[0]?.data) ?? firstItem(queued?.data);
			return { id: row.id, status: row.status, eventId: item?._ats?.eventId, item };
		});
	}

	/** Everything this n8n wrote to stdout and stderr so far. */
	logText() {
		try {
			return fs.readFileSync(this.logPath, 'utf8');
		} catch {
			return '';
		}
	}

	/**
	 * Waits until the workflow's execution count stops changing and no execution is running.
	 * @returns {Promise<Array<{id: number, status: string, finished: number, mode: string}>>}
	 */
	async settledExecutions(workflowId, { atLeast = 0, quietMs = 1500, timeoutMs = 120_000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let last = -1;
		let stableSince = Date.now();
		while (Date.now() < deadline) {
			const rows = this.executions(workflowId);
			const running = rows.some(isOpen);
			if (rows.length !== last || running) {
				last = rows.length;
				stableSince = Date.now();
			} else if (rows.length >= atLeast && Date.now() - stableSince >= quietMs) {
				return rows;
			}
			await sleep(200);
		}
		return this.executions(workflowId);
	}
}

/** A body as n8n stores it in an item (JSON), to compare with one. */
const asStored = (body) => JSON.parse(typeof body === 'string' ? body : JSON.stringify(body));

/**
 * Whether an execution's trigger item is this (stored) example: the item holds every field of
 * it, unchanged. The item may hold more: `_ats`, and what a kit's deliver() adds on the way
 * (Lever's `signature`) or the request carries beside the body (requestFields). The examples
 * carry fresh ids, so no other event's item holds all of an example's fields.
 */
function itemIs(execution, stored) {
	if (!execution.item) return false;
	const fields = Object.entries(stored);
	return (
		fields.length > 0 &&
		fields.every(
			([field, value]) =>
				field !== '_ats' &&
				Object.prototype.hasOwnProperty.call(execution.item, field) &&
				isDeepStrictEqual(execution.item[field], value),
		)
	);
}

/**
 * Proves that the requests sent before it started no execution of the workflow. Counting
 * after a pause cannot: an execution that comes late passes any quiet period. The positive
 * signal is a sentinel, a valid, distinct, signed event to the same workflow sent after them:
 * n8n writes an execution when it takes the webhook's items, so once the sentinel's execution
 * has finished, and no execution of the workflow is still open, one that an earlier request
 * started is there to see.
 * target: an N8n, or a queue topology (same executions and executionEventIds). before: the workflow's
 * execution count before the requests under test. sentinels: [{ body, send() }], sent in
 * order (in queue mode one per webhook process the requests went to); send() answers like
 * scripts/signing.js post(). expected: bodies that are each allowed one execution (the first
 * copy of a duplicated delivery). Throws unless the new executions are exactly one per
 * expected body and one per sentinel; returns them.
 * @param {{executions(workflowId: string): Array<{id: number, status: string}>, executionEventIds(workflowId: string): Array<{id: number, status: string, eventId: string | undefined, item: Record<string, any> | undefined}>}} target
 * @param {{workflowId: string, before: number, sentinels: Array<{body: unknown, send(): Promise<{status: number, body: string}>}>, expected?: unknown[], timeoutMs?: number}} options
 * @returns {Promise<Array<{id: number, status: string, eventId: string | undefined, item: Record<string, any> | undefined}>>}
 */
async function expectNoExecutionFor(
	target,
	{ workflowId, before, sentinels, expected = [], timeoutMs = 120_000 },
) {
	for (const sentinel of sentinels) {
		const answer = await sentinel.send();
		// A sentinel that is not executed (rejected, or taken for a duplicate) proves nothing.
		// 200, or 202 where the vendor counts only that as delivered (SmartRecruiters).
		if ((answer.status !== 200 && answer.status !== 202) || answer.body !== '{"received":true}') {
			throw new Error(
				`the sentinel was not accepted for execution: ${answer.status} ${answer.body}`,
			);
		}
	}
	const sentinelBodies = sentinels.map((sentinel) => asStored(sentinel.body));
	const deadline = Date.now() + timeoutMs;
	let executions = [];
	const finished = () =>
		!executions.some(isOpen) &&
		sentinelBodies.every((body) => executions.some((execution) => itemIs(execution, body)));
	for (;;) {
		// The cheap count first; execution data is read once every execution is closed.
		const rows = target.executions(workflowId).slice(before);
		if (rows.length >= sentinels.length && !rows.some(isOpen)) {
			executions = target.executionEventIds(workflowId).slice(before);
			if (finished()) break;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`no finished execution of the sentinel within ${timeoutMs / 1000} s: ${JSON.stringify(rows)}`,
			);
		}
		await sleep(200);
	}
	const allowed = [...expected.map(asStored), ...sentinelBodies];
	const unexpected = executions.filter(
		(execution) => !allowed.some((body) => itemIs(execution, body)),
	);
	const notOnce = allowed.filter(
		(body) => executions.filter((execution) => itemIs(execution, body)).length !== 1,
	);
	if (unexpected.length > 0 || notOnce.length > 0) {
		const described = unexpected.map(({ item, ...row }) => ({
			...row,
			type: item?._ats?.eventType,
		}));
		throw new Error(
			`expected exactly ${expected.length} execution(s) besides the sentinel's: ${unexpected.length} unexpected ${JSON.stringify(described)}, ` +
				`${notOnce.length} expected event(s) not executed exactly once`,
		);
	}
	return executions;
}

/**
 * n8n 2.x expression-engine settings for benchmarks and load runs. "vm" is the default: an
 * isolated-vm isolate is taken for every webhook whose start node is not n8n's own Webhook node (n8n 2.41
 * LiveWebhooks.webhookPhaseNeedsIsolate), so our trigger pays for one in the webhook phase and
 * one in the execution, the bare Webhook node for one. "vm-lazy" (an n8n setting) takes an
 * isolate only when an expression is evaluated; "legacy" evaluates without isolates.
 */
const EXPRESSION_ENGINES = {
	vm: { N8N_EXPRESSION_ENGINE: 'vm' },
	'vm-lazy': { N8N_EXPRESSION_ENGINE: 'vm', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	legacy: { N8N_EXPRESSION_ENGINE: 'legacy' },
};

/**
 * The n8n runtime of `major`, and a user folder (new unless given) with the packed package
 * installed. Every process of a queue-mode topology shares one.
 * install: 'custom' (private install in .n8n/custom, node types CUSTOM.*) or 'community'
 * (where Settings → Community Nodes puts it, .n8n/nodes; node types n8n-nodes-ats-webhooks.*).
 * Only a community package gets credential tests in the editor: n8n 2.41 links credentials
 * to their nodes (supportedNodes, which the Test button needs) for package loaders only.
 * @returns {{runtime: ReturnType<typeof runtimeFor>, folder: string}}
 */
function prepareUserFolder(major = 'v2', userFolder, install = 'custom') {
	const runtime = runtimeFor(major);
	const folder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `ats-n8n-${major}-`));
	const installDir = path.join(folder, '.n8n', install === 'community' ? 'nodes' : 'custom');
	fs.mkdirSync(installDir, { recursive: true });
	if (!fs.existsSync(path.join(installDir, 'package.json'))) {
		fs.writeFileSync(path.join(installDir, 'package.json'), '{"private":true,"name":"n8n-custom"}');
	}
	execFileSync(
		'npm',
		[
			'install',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			packTarball(),
		],
		{ cwd: installDir, stdio: 'inherit' },
	);
	return { runtime, folder };
}

/**
 * Creates a user folder with the packed package installed, ready for imports.
 * major: 'v2' (n8n 2.41.1 on Node 24) or 'v1' (n8n 1.123.81 on Node 20).
 * env: extra environment for n8n (e.g. N8N_EXPRESSION_ENGINE for the benchmark).
 * install: see prepareUserFolder.
 * @param {string} [major]
 * @param {{userFolder?: string, env?: Record<string, string>, install?: string}} [options]
 */
async function createN8n(major = 'v2', { userFolder, env, install = 'custom' } = {}) {
	const { runtime, folder } = prepareUserFolder(major, userFolder, install);
	return new N8n(runtime, folder, await freePort(), await freePort(), env);
}

module.exports = {
	EXPRESSION_ENGINES,
	N8N_STARTING_UP,
	N8n,
	PID_DIR_ENV,
	createN8n,
	expectNoExecutionFor,
	freePort,
	packTarball,
	prepareUserFolder,
	sleep,
	ROOT,
};
