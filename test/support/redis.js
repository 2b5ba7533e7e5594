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
	execFileSync('bash', [path.join(__dirname, '..', '..', 'scripts', 'services.sh'), 'install'], {
		stdio: 'inherit',
	});
}

/** The last `max` characters a stream wrote, for error messages. */
function tailOf(stream, max = 2_000) {
	let text = '';
	stream.setEncoding('utf8');
	stream.on('data', (chunk) => {
		text = (text + chunk).slice(-max);
	});
	return () => text.trim();
}

/**
 * Starts redis-server (`args` are added after ours, so they override them); resolves once it
 * accepts connections, and throws, with its output's tail, if it exits or is not accepting
 * them after `deadlineMs`: a test must never go on as if a server were up.
 */
async function startRedis({ args = [], deadlineMs = 15_000 } = {}) {
	ensureRedisInstalled();
	const port = await freePort();
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			...args,
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	// Redis writes fatal configuration errors to stderr and its log (bind failures too) to stdout.
	const stderr = tailOf(child.stderr);
	const stdout = tailOf(child.stdout);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const output = () =>
		`stderr: ${stderr() || '(empty)'}; log: ${stdout().split('\n').slice(-5).join(' | ') || '(empty)'}`;
	const deadline = Date.now() + deadlineMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			await exited;
			throw new Error(
				`redis-server on 127.0.0.1:${port} exited (${child.exitCode ?? child.signalCode}) before accepting connections; ${output()}`,
			);
		}
		const up = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (up) break;
		if (Date.now() >= deadline) {
			child.kill('SIGKILL');
			await exited;
			throw new Error(
				`redis-server on 127.0.0.1:${port} did not accept connections within ${deadlineMs} ms; ${output()}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return {
		host: '127.0.0.1',
		port,
		pid: child.pid,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			await exited;
		},
	};
}

module.exports = { ensureRedisInstalled, startRedis };
