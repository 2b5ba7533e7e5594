// Where a registry vendor's trigger node and test kit live. The one place these paths are
// derived: the build (output schemas), the simulator, the benchmark and the tests all use it.
// A trigger node is `<nodesDir>/<triggerNode>/<triggerNode>.node`: `nodesDir` is dist/nodes for
// scripts (compiled) and nodes/ for the TypeScript tests. A test kit is not product and lives
// with the tests, `<kitsDir>/<key>/<key>.testing`: `kitsDir` is the compiled kits
// (tsconfig.kits.json, .kits/test/kits) for scripts and test/kits for the TypeScript tests.
'use strict';
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST_NODES = path.join(ROOT, 'dist', 'nodes');
const BUILT_KITS = path.join(ROOT, '.kits', 'test', 'kits');

/**
 * `searched` may also be a list of folders (the tests add test/fixtures/nodes and
 * test/fixtures/kits): the first that holds the module wins.
 */
function locate(searched, folder, file) {
	const dirs = [searched].flat();
	for (const dir of dirs) {
		const modulePath = path.join(dir, folder, file);
		try {
			require.resolve(modulePath);
			return modulePath;
		} catch {
			// not in this folder
		}
	}
	return path.join(dirs[0], folder, file);
}

/** The trigger's module path without extension: n8n loads `<triggerNode>/<triggerNode>.node.js`.
 * @param {{ key: string, triggerNode: string }} vendor
 * @param {string | string[]} [nodesDir]
 */
function triggerNodeModule(vendor, nodesDir = DIST_NODES) {
	return locate(nodesDir, vendor.triggerNode, `${vendor.triggerNode}.node`);
}

/** The test kit's module path without extension: `<key>/<key>.testing`.
 * @param {{ key: string }} vendor
 * @param {string | string[]} [kitsDir]
 */
function testKitModule(vendor, kitsDir = BUILT_KITS) {
	return locate(kitsDir, vendor.key, `${vendor.key}.testing`);
}

function load(modulePath, what) {
	try {
		return require(modulePath);
	} catch (error) {
		if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(modulePath)) {
			const hint =
				modulePath.startsWith(DIST_NODES) || modulePath.startsWith(BUILT_KITS)
					? '; run "npm run build"'
					: '';
			throw new Error(
				`${what} not found at ${path.relative(ROOT, modulePath)} (see docs/adding-a-vendor.md${hint})`,
			);
		}
		throw error;
	}
}

/** A new instance of the vendor's trigger node: the class named after its file, as n8n loads it.
 * @param {{ key: string, triggerNode: string }} vendor
 * @param {string | string[]} [nodesDir]
 */
function loadTriggerNode(vendor, nodesDir = DIST_NODES) {
	const NodeClass = load(triggerNodeModule(vendor, nodesDir), `${vendor.key}'s trigger node`)[
		vendor.triggerNode
	];
	if (typeof NodeClass !== 'function')
		throw new Error(`${vendor.triggerNode}.node does not export a class ${vendor.triggerNode}`);
	return new NodeClass();
}

/** What the vendor's trigger needs beside the registry entry (verifier, events): `<key>.trigger`'s `<key>Trigger` export.
 * @param {{ key: string, triggerNode: string }} vendor
 * @param {string | string[]} [nodesDir]
 */
function loadTrigger(vendor, nodesDir = DIST_NODES) {
	const trigger = load(
		locate(nodesDir, vendor.triggerNode, `${vendor.key}.trigger`),
		`${vendor.key}'s trigger definition`,
	)[`${vendor.key}Trigger`];
	if (!trigger) throw new Error(`${vendor.key}.trigger does not export ${vendor.key}Trigger`);
	return trigger;
}

/** The vendor's test kit (signer, examples): the module's `testKit` export.
 * @param {{ key: string }} vendor
 * @param {string | string[]} [kitsDir]
 */
function loadTestKit(vendor, kitsDir = BUILT_KITS) {
	const kit = load(testKitModule(vendor, kitsDir), `${vendor.key}'s test kit`).testKit;
	if (!kit) throw new Error(`${vendor.key}.testing does not export testKit`);
	return kit;
}

/** n8n's name for a node version's schema (its padVersion rule): 1 → v1.0.0, 1.1 → v1.1.0. */
function schemaVersionFolder(version) {
	return `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

/**
 * The output schema of every vendor's trigger, for every version the node declares:
 * `{ '<triggerNode>/__schema__/v1.0.0.json': schema, ... }` (paths relative to nodesDir; the
 * one file both of n8n's readers find, see gulpfile.js).

 * @param {Array<{ key: string, triggerNode: string, schema: unknown }>} vendorList
 * @param {(schema: any) => unknown} itemSchemaOf
 * @param {string | string[]} [nodesDir]
 * @returns {Record<string, unknown>}
 */
function triggerOutputSchemas(vendorList, itemSchemaOf, nodesDir = DIST_NODES) {
	const files = {};
	for (const vendor of vendorList) {
		const versions = [loadTriggerNode(vendor, nodesDir).description.version].flat();
		for (const version of versions) {
			files[[vendor.triggerNode, '__schema__', `${schemaVersionFolder(version)}.json`].join('/')] =
				itemSchemaOf(vendor.schema);
		}
	}
	return files;
}

module.exports = {
	DIST_NODES,
	BUILT_KITS,
	triggerNodeModule,
	testKitModule,
	loadTriggerNode,
	loadTrigger,
	loadTestKit,
	schemaVersionFolder,
	triggerOutputSchemas,
};
