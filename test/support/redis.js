// A real redis-server for tests: Debian's package (installed on first use, as the queue-mode
// suite does), on a free loopback port, no persistence, stopped by pid.
'use strict';
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const { freePort } = require('./n8n');

// The same installer the queue-mode suite uses (apt-get with no service started on default ports).
function ensureRedisInstalled() {
	if (spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0) return;
	execFileSync('bash', [path.join(__dirname, '..', '..', 'scripts', 'services.sh'), 'install'], { stdio: 'inherit' });
}

/** Starts redis-server; resolves once it accepts connections. */
async function startRedis() {
	ensureRedisInstalled();
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{ stdio: 'ignore' },
	);
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
		const up = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (up) break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return {
		host: '127.0.0.1',
		port,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

module.exports = { ensureRedisInstalled, startRedis };
