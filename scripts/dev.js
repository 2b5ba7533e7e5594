#!/usr/bin/env node
// npm run dev: a local n8n 2.x (embedded SQLite) with this package loaded from its packed
// tarball, local credentials, one ready workflow per trigger (trigger → ATS Normalize, active)
// and the example workflows (inactive until you add Slack/Sheets/HRIS credentials).
// State lives in .n8n-dev/ (git-ignored); Ctrl-C stops n8n.
// `npm run dev -- --queue`: the same in n8n's queue mode (test/support/queue.js): Postgres and
// Redis (Debian packages, installed when missing), n8n main (editor), two `n8n webhook`
// processes behind a round-robin readiness-gated balancer (the URLs printed), two `n8n worker`
// processes. Fresh every time (data in a temp folder); Ctrl-C stops every process.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createN8n, ROOT } = require('../test/support/n8n');
const { registry, typicalEvent } = require('./signing');
const { TEST_SECRETS, testCredentials, triggerWorkflow } = require('../test/support/workflows');

const DEV_FOLDER = path.join(ROOT, '.n8n-dev');

/** Examples name the npm package's node types; a tarball in .n8n/custom registers them as CUSTOM.*. */
function localExample(file) {
	const text = fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8');
	return JSON.parse(text.replaceAll('"n8n-nodes-ats-webhooks.', '"CUSTOM.'));
}

/** Production webhook URLs and a ready simulator command for each trigger. */
function printTriggers(baseUrl, vendors) {
	console.log('Production webhook URLs and a ready simulator command for each trigger:');
	for (const vendor of vendors) {
		const url = `${baseUrl}/webhook/${vendor}-dev/webhook`;
		console.log(`\n  ${vendor}: ${url}`);
		console.log(
			`    npm run simulate -- ${vendor} ${typicalEvent(vendor)} --url ${url} --secret ${TEST_SECRETS[vendor]}`,
		);
	}
}

async function queueMode() {
	const { createQueueTopology } = require('../test/support/queue');
	const port = Number(process.env.PORT ?? 5678);
	const topology = await createQueueTopology({
		mainPort: port,
		balancerPort: Number(process.env.BALANCER_PORT ?? port + 2),
	});
	let stopping;
	const stop = async () => {
		stopping ??= topology.stop().finally(() => process.exit(0));
		await stopping;
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	const vendors = registry().vendorList.map((vendor) => vendor.key);
	try {
		topology.importCredentials(testCredentials());
		topology.importWorkflows(
			vendors.map((vendor) => triggerWorkflow(vendor, { webhookId: `${vendor}-dev` })),
		);
		const examples = fs
			.readdirSync(path.join(ROOT, 'examples'))
			.filter((file) => file.endsWith('.json'));
		topology.importWorkflows(examples.map(localExample), { activate: false });
		await topology.start();
		for (const vendor of vendors) await topology.waitForWebhook(`${vendor}-dev/webhook`);
	} catch (error) {
		await topology.stop();
		throw error;
	}
	console.log(
		`\nn8n runs in queue mode. Editor: ${topology.mainUrl}  (first visit: create the local owner account)`,
	);
	console.log(
		`  Postgres 127.0.0.1:${topology.postgres.port} (database n8n, user n8n), Redis 127.0.0.1:${topology.redis.port}`,
	);
	topology.webhookProcesses.forEach((n8n, i) =>
		console.log(`  webhook process ${i + 1}: ${n8n.baseUrl} (pid ${n8n.pid}), log ${n8n.logPath}`),
	);
	topology.workerProcesses.forEach((n8n, i) =>
		console.log(
			`  worker ${i + 1}: pid ${n8n.pid}, log ${n8n.logPath} ("Worker started execution N" per execution)`,
		),
	);
	console.log(`  main: pid ${topology.main.pid}, log ${topology.main.logPath}`);
	console.log(
		`  load balancer (round robin, only to webhook processes whose /healthz/readiness is 200): ${topology.baseUrl}\n`,
	);
	printTriggers(topology.baseUrl, vendors);
	console.log(
		'\nExample workflows are imported inactive (they need your Slack/Sheets/HRIS credentials).',
	);
	console.log(
		'Everything is fresh on each start (Postgres and Redis data live in a temp folder). Ctrl-C stops every process.',
	);
	await new Promise(() => {});
}

async function main() {
	if (process.argv.includes('--queue')) return queueMode();
	const fresh = !fs.existsSync(path.join(DEV_FOLDER, '.n8n', 'database.sqlite'));
	fs.mkdirSync(DEV_FOLDER, { recursive: true });
	const n8n = await createN8n('v2', { userFolder: DEV_FOLDER });
	n8n.port = Number(process.env.PORT ?? 5678);
	const vendors = registry().vendorList.map((vendor) => vendor.key);
	if (fresh) {
		n8n.importCredentials(testCredentials());
		n8n.importWorkflows(
			vendors.map((vendor) => triggerWorkflow(vendor, { webhookId: `${vendor}-dev` })),
		);
		const examples = fs
			.readdirSync(path.join(ROOT, 'examples'))
			.filter((file) => file.endsWith('.json'));
		n8n.importWorkflows(examples.map(localExample), { activate: false });
	}
	const stop = async () => {
		await n8n.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	await n8n.start();
	// /healthz answers before active workflows' webhooks are registered: wait for each hook.
	for (const vendor of vendors) await n8n.waitForWebhook(`${vendor}-dev/webhook`);
	console.log(`\nn8n is running: ${n8n.baseUrl}  (first visit: create the local owner account)`);
	printTriggers(n8n.baseUrl, vendors);
	console.log(
		'\nExample workflows are imported inactive (they need your Slack/Sheets/HRIS credentials).',
	);
	console.log(
		'After changing the code: Ctrl-C, then npm run dev again (it rebuilds and reinstalls the tarball).',
	);
	console.log(`n8n log: ${n8n.logPath}`);
	await new Promise(() => {});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
