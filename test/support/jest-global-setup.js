// Jest global setup: a folder where test/support/n8n.js records every n8n it starts (see
// jest-global-teardown.js). Jest workers are started after this and inherit the variable.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PID_DIR_ENV } = require('./n8n');

module.exports = async function globalSetup() {
	process.env[PID_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-n8n-pids-'));
};
