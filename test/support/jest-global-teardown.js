// Jest global teardown: fails the run if an n8n started by the suite is still alive. The
// harness starts n8n detached (its own process group) and records its group id; a suite that
// forgets n8n.stop() (or a worker that dies first) would otherwise leave n8n running after
// jest exits, silently. Survivors are killed (SIGKILL to the group) and the run fails.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PID_DIR_ENV } = require('./n8n');

const groupAlive = (pgid) => {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
};

module.exports = async function globalTeardown() {
	const dir = process.env[PID_DIR_ENV];
	if (!dir || !fs.existsSync(dir)) return;
	const leaked = fs
		.readdirSync(dir)
		.map(Number)
		.filter((pgid) => Number.isInteger(pgid) && pgid > 1 && groupAlive(pgid));
	for (const pgid of leaked) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// gone meanwhile
		}
	}
	fs.rmSync(dir, { recursive: true, force: true });
	if (leaked.length > 0) {
		throw new Error(
			`n8n process group(s) ${leaked.join(', ')} started by the tests were still alive after the run (a missing n8n.stop()?); killed them`,
		);
	}
};
