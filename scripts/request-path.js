#!/usr/bin/env node
// npm run request-path [-- <vendor>]: which files of dist/ one genuine webhook request runs
// through, and how many calls cross from one file into another (docs/architecture.md quotes it).
// Every function a dist/nodes module exports, and every function property of an object it
// exports (a vendor, a trigger), is wrapped in a counter after loading: TypeScript's CommonJS
// output reads an import at each call (`(0, signatures_1.hmacSha256)(…)`), so the counters see
// every call that goes through another file's exports, and none inside one file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createHmac } = require('node:crypto');

const ROOT = path.resolve(process.argv[3] ?? path.join(__dirname, '..'));
const DIST = path.join(ROOT, 'dist', 'nodes');
const key = process.argv[2] ?? 'kombo';

const { vendors } = require(path.join(DIST, 'vendors'));
const vendor = vendors[key];
const NodeClass = require(path.join(DIST, vendor.triggerNode, `${vendor.triggerNode}.node`))[
	vendor.triggerNode
];

// Built before the counters go in: the node's description is made once, when n8n loads it.
const node = new NodeClass();

const calls = new Map();
const relative = (file) => path.relative(DIST, file).replace(/\.js$/, '.ts');
const sources = Object.keys(require.cache)
	.filter((file) => file.startsWith(DIST))
	.map((file) => [file, fs.readFileSync(file, 'utf8')]);
/** Where a function's code is (a verifier made by a scheme lives in signatures, not in the vendor's object). */
const definedIn = (fn, owner) =>
	fs.readFileSync(owner, 'utf8').includes(fn.toString())
		? owner
		: (sources.find(([, text]) => text.includes(fn.toString()))?.[0] ?? owner);
function wrap(owner, name, file) {
	const original = owner[name];
	if (typeof original !== 'function' || /^[A-Z]/.test(name) || original.__counted) return;
	const home = definedIn(original, file);
	const counted = function (...args) {
		const label = `${relative(home)} ${name}`;
		calls.set(label, (calls.get(label) ?? 0) + 1);
		return original.apply(this, args);
	};
	counted.__counted = true;
	try {
		owner[name] = counted;
	} catch {
		// a read-only export (a getter): not counted
	}
}
for (const [file, cached] of Object.entries(require.cache)) {
	if (!file.startsWith(DIST)) continue;
	for (const [name, value] of Object.entries(cached.exports)) {
		if (typeof value === 'function') wrap(cached.exports, name, file);
		else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
			for (const inner of Object.keys(value)) wrap(value, inner, file);
		}
	}
}

const body = JSON.stringify({
	id: 'evt_path_1',
	type: 'ai-apply-application-status-updated',
	data: { id: 'app_1', status: 'FAILED', job_posting_id: 'jp_1' },
});
const secret = 'request-path-secret';
const headers = {
	'content-type': 'application/json',
	'x-kombo-signature': createHmac('sha256', secret).update(body).digest('base64url'),
};
if (key !== 'kombo') throw new Error('only kombo is wired here (its signature header)');

const staticData = {};
const parameters = { events: ['*'], options: {}, dedupeStore: 'memory' };
const context = {
	getRequestObject: () => ({ headers, rawBody: Buffer.from(body), body: JSON.parse(body) }),
	getResponseObject: () => ({
		status: () => ({ json: () => undefined }),
		setHeader: () => undefined,
	}),
	getNodeParameter: (name, fallback) => parameters[name] ?? fallback,
	getCredentials: async () => ({ webhookSecret: secret }),
	getMode: () => 'webhook',
	getNode: () => ({ id: 'node-1', name: 'Kombo Trigger', parameters }),
	getWorkflow: () => ({ id: 'wf-path' }),
	getWorkflowStaticData: () => staticData,
	logger: { debug() {}, info() {}, warn() {}, error() {} },
};

(async () => {
	const result = await node.webhook.call(context);
	if (result.workflowData?.[0]?.length !== 1)
		throw new Error(`the request did not start an execution: ${JSON.stringify(result)}`);
	// The node file, where n8n's call comes in, the file of its webhook code, and every file a counted call went to.
	const entry = relative(
		definedIn(node.webhook, path.join(DIST, vendor.triggerNode, `${vendor.triggerNode}.node.js`)),
	);
	const files = new Set([
		`${vendor.triggerNode}/${vendor.triggerNode}.node.ts`,
		entry,
		...[...calls.keys()].map((label) => label.split(' ')[0]),
	]);
	const total = [...calls.values()].reduce((sum, count) => sum + count, 0);
	console.log(
		`one genuine ${vendor.displayName} request: ${files.size} files, ${total} cross-file calls`,
	);
	for (const [label, count] of [...calls].sort()) console.log(`  ${count} × ${label}`);
})();
