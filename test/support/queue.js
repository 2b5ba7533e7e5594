// n8n in queue mode, as teams run it at scale, for tests, `npm run dev -- --queue`, load runs
// and the benchmark: Postgres + Redis (scripts/services.sh: Debian packages, installed with
// apt-get when missing, started on free loopback ports with their data in a temp folder),
// n8n main (`n8n start`, editor and API, N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true), N
// `n8n webhook` processes behind a round-robin, readiness-gated balancer
// (scripts/readiness-gate.js startBalancer), and M `n8n worker` processes that run the
// executions. Every process shares one user folder (the packed package in .n8n/custom), one
// encryption key, one Postgres database and one Redis.
//
// API (everything is real: no mock of n8n, Postgres or Redis):
//   const topology = await createQueueTopology({ webhooks = 2, workers = 2, workerConcurrency = 10,
//                                                env = {}, userFolder, mainPort, balancerPort })
//       services started, user folder ready; nothing of n8n runs yet. `env` goes to every n8n
//       process (e.g. N8N_EXPRESSION_ENGINE, QUEUE_WORKER_LOCK_DURATION).
//   topology.importCredentials(list); topology.importWorkflows(list, { activate = true })
//       n8n's CLI against Postgres (import:credentials / import:workflow / publish:workflow).
//   await topology.start()            main, then every webhook process and worker, then the
//                                     balancer; resolves when each answers /healthz/readiness.
//   await topology.waitForWebhook(p)  until webhook path `p` is registered on every webhook process.
//   topology.baseUrl                  the balancer (what a vendor is given): `${baseUrl}/webhook/<path>`
//   topology.mainUrl                  the editor and REST API
//   topology.webhookUrls              base URL of each webhook process (to deliver to one process)
//   topology.redis {host, port}       the Redis queue mode runs on (for a Redis dedupe store)
//   topology.postgres {host, port, database, user}
//   topology.main, .webhookProcesses[i], .workerProcesses[i]   N8n instances (test/support/n8n.js):
//                                     pid, logPath, start(), stop() (SIGTERM, waits), kill() (kill -9)
//   await topology.stopWebhook(i)     SIGTERM webhook process i, resolves when it has exited
//   await topology.startWebhook(i)    starts it again (its webhooks registered)
//   await topology.killWorker(i)      kill -9 worker i;  await topology.startWorker(i)
//   await topology.restartAll()       SIGTERM every n8n process, then start all again (services
//                                     and balancer stay up); call waitForWebhook afterwards
//   topology.executions(workflowId), .executionItems(id), .executionOutputs(id) (per output),
//   .executionEventIds(workflowId, triggerName),
//   await topology.settledExecutions(workflowId, opts)          as on N8n, read from Postgres
//   topology.executionsByStatus(workflowId)                      { success: n, crashed: n, ... }
//   topology.executionError(id)       n8n's error message stored with a failed execution
//   topology.workerExecutions()       Map executionId -> worker index, from each worker's log
//                                     line `Worker started execution N (job N)`
//   topology.redisCommand(...args)    one command on the queue's Redis (redis-cli), its raw reply
//   topology.balancer.counts          what the balancer forwarded / held back, per process
//   await topology.stop()             every n8n process (SIGTERM, by pid), the balancer, then
//                                     Postgres and Redis (by pid); also done on process exit.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { N8n, freePort, prepareUserFolder, ROOT } = require('./n8n');
const { startBalancer } = require('../../scripts/readiness-gate');

const SERVICES = path.join(ROOT, 'scripts', 'services.sh');

/** Postgres and Redis on free loopback ports, data in `dir`; stopped by pid. */
async function startServices(dir) {
	const postgresPort = await freePort();
	const redisPort = await freePort();
	// Installs the Debian packages first when they are missing (prints what, where, how long).
	execFileSync('bash', [SERVICES, 'install'], { stdio: 'inherit' });
	const out = execFileSync(
		'bash',
		[SERVICES, 'start', dir, String(postgresPort), String(redisPort)],
		{
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const pids = Object.fromEntries(
		out
			.trim()
			.split('\n')
			.map((line) => line.split(' '))
			.map(([name, pid]) => [name, Number(pid)]),
	);
	return {
		dir,
		pids,
		postgres: { host: '127.0.0.1', port: postgresPort, database: 'n8n', user: 'n8n', password: '' },
		redis: { host: '127.0.0.1', port: redisPort },
		stop: () => {
			execFileSync('bash', [SERVICES, 'stop', dir], { stdio: 'inherit' });
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

// Every topology still running when this process exits is stopped (kill -9 of its n8n
// process groups, services by pid), so a failed test run leaves nothing behind.
const running = new Set();
process.once('exit', () => {
	for (const topology of running) topology.killNowSync();
});

class QueueTopology {
	constructor({
		runtime,
		folder,
		services,
		env,
		webhooks,
		workers,
		workerConcurrency,
		mainPort,
		balancerPort,
	}) {
		this.runtime = runtime;
		this.userFolder = folder;
		this.services = services;
		this.redis = services.redis;
		this.postgres = services.postgres;
		this.balancerPort = balancerPort;
		this.baseUrl = `http://127.0.0.1:${balancerPort}`;
		this.balancer = undefined;
		const shared = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: services.redis.host,
			QUEUE_BULL_REDIS_PORT: String(services.redis.port),
			// The URL n8n shows for production webhooks: the balancer's.
			WEBHOOK_URL: `${this.baseUrl}/`,
			...env,
		};
		const processOf = (name, command, args, port, brokerPort, extra = {}) =>
			new N8n(
				runtime,
				folder,
				port,
				brokerPort,
				{ ...shared, ...extra },
				{ command, args, postgres: services.postgres, name },
			);
		this.processOf = processOf;
		this.ports = { mainPort, webhooks, workers, workerConcurrency };
	}

	async create() {
		const { mainPort, webhooks, workers, workerConcurrency } = this.ports;
		this.main = this.processOf(
			'main',
			'start',
			[],
			mainPort ?? (await freePort()),
			await freePort(),
			{
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			},
		);
		this.webhookProcesses = [];
		for (let i = 0; i < webhooks; i++) {
			this.webhookProcesses.push(
				this.processOf(`webhook-${i + 1}`, 'webhook', [], await freePort(), await freePort()),
			);
		}
		this.workerProcesses = [];
		for (let i = 0; i < workers; i++) {
			const healthPort = await freePort();
			this.workerProcesses.push(
				this.processOf(
					`worker-${i + 1}`,
					'worker',
					[`--concurrency=${workerConcurrency}`],
					healthPort,
					await freePort(),
					{
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						// `Worker started execution N (job N)` is an info line: it says which worker ran what.
						N8N_LOG_LEVEL: process.env.ATS_N8N_LOG_LEVEL || 'info',
					},
				),
			);
		}
		return this;
	}

	get mainUrl() {
		return this.main.baseUrl;
	}

	get webhookUrls() {
		return this.webhookProcesses.map((n8n) => n8n.baseUrl);
	}

	get processes() {
		return [this.main, ...this.webhookProcesses, ...this.workerProcesses];
	}

	importCredentials(credentials) {
		this.main.importCredentials(credentials);
	}

	importWorkflows(workflows, options) {
		this.main.importWorkflows(workflows, options);
	}

	async start() {
		running.add(this);
		await this.main.start();
		await Promise.all(
			[...this.webhookProcesses, ...this.workerProcesses].map((n8n) => n8n.start()),
		);
		if (!this.balancer)
			this.balancer = await startBalancer(this.webhookUrls, { port: this.balancerPort });
		return this;
	}

	/** Waits until `webhookPath` is registered on every webhook process. */
	async waitForWebhook(webhookPath) {
		await Promise.all(
			this.webhookProcesses.filter((n8n) => n8n.pid).map((n8n) => n8n.waitForWebhook(webhookPath)),
		);
	}

	async stopWebhook(index) {
		await this.webhookProcesses[index].stop();
		return this.webhookProcesses[index].lastStop;
	}

	async startWebhook(index) {
		await this.webhookProcesses[index].start();
	}

	async killWorker(index) {
		await this.workerProcesses[index].kill();
	}

	async startWorker(index) {
		await this.workerProcesses[index].start();
	}

	/** A deploy of everything n8n: SIGTERM every process, then start them all again. */
	async restartAll() {
		await Promise.all(this.processes.map((n8n) => n8n.stop()));
		await this.main.start();
		await Promise.all(
			[...this.webhookProcesses, ...this.workerProcesses].map((n8n) => n8n.start()),
		);
	}

	query(sql) {
		return this.main.query(sql);
	}

	executions(workflowId) {
		return this.main.executions(workflowId);
	}

	executionItems(executionId) {
		return this.main.executionItems(executionId);
	}

	executionOutputs(executionId) {
		return this.main.executionOutputs(executionId);
	}

	executionEventIds(workflowId, triggerName) {
		return this.main.executionEventIds(workflowId, triggerName);
	}

	/** One command on the queue's Redis, with Debian's redis-cli (installed with redis-server); its reply, trimmed. */
	redisCommand(...args) {
		return execFileSync(
			'redis-cli',
			['-h', this.redis.host, '-p', String(this.redis.port), '--raw', ...args.map(String)],
			{ encoding: 'utf8' },
		).trim();
	}

	settledExecutions(workflowId, options) {
		return this.main.settledExecutions(workflowId, options);
	}

	/** n8n's error message stored with a failed execution (undefined when there is none). */
	executionError(executionId) {
		const [row] = this.query(
			`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`,
		);
		if (!row) return undefined;
		const flatted = require(path.join(this.runtime.modules, 'flatted'));
		return flatted.parse(row.data)?.resultData?.error?.message;
	}

	/** @returns {Record<string, number>} executions of a workflow counted by status */
	executionsByStatus(workflowId) {
		const counts = {};
		for (const { status } of this.executions(workflowId))
			counts[status] = (counts[status] ?? 0) + 1;
		return counts;
	}

	/** Map execution id -> index of the worker whose log says it started that execution. */
	workerExecutions() {
		const map = new Map();
		this.workerProcesses.forEach((worker, index) => {
			let text = '';
			try {
				text = fs.readFileSync(worker.logPath, 'utf8');
			} catch {
				return;
			}
			for (const match of text.matchAll(/Worker started execution (\d+) \(job/g))
				map.set(Number(match[1]), index);
		});
		return map;
	}

	async stop() {
		try {
			await Promise.all(this.processes.map((n8n) => n8n.stop()));
			await this.balancer?.close();
			this.balancer = undefined;
		} finally {
			this.services.stop();
			running.delete(this);
		}
	}

	/** Last resort on process exit: kill -9 every n8n process group, stop services by pid. */
	killNowSync() {
		for (const n8n of this.processes) {
			const pid = n8n.pid;
			if (!pid) continue;
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
		try {
			this.services.stop();
		} catch {
			// best effort
		}
	}
}

/**
 * Services started and a user folder with the packed package; nothing of n8n runs yet.
 * n8n 2.x (2.41.1 on Node 24), the version the suite and the docs measure queue mode with.
 */
async function createQueueTopology({
	webhooks = 2,
	workers = 2,
	workerConcurrency = 10,
	env = {},
	userFolder,
	mainPort,
	balancerPort,
} = {}) {
	const { runtime, folder } = prepareUserFolder('v2', userFolder);
	const servicesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-services-'));
	const services = await startServices(servicesDir);
	try {
		const topology = new QueueTopology({
			runtime,
			folder,
			services,
			env,
			webhooks,
			workers,
			workerConcurrency,
			mainPort,
			balancerPort: balancerPort ?? (await freePort()),
		});
		running.add(topology);
		return await topology.create();
	} catch (error) {
		services.stop();
		throw error;
	}
}

module.exports = { createQueueTopology, startServices };
