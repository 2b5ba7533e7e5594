// Build steps tsc does not do: copy icons (credentials reuse their node's) and codex files
// into dist/, and generate the output schemas n8n shows in its schema preview from the zod
// schemas (the single source).
const { dest, series, src } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json']).pipe(dest('dist/nodes'));
}

// n8n looks the schema up next to the node's file by node version (1 → v1.0.0, 1.1 → v1.1.0;
// triggers have both), in two places: the editor's schema preview (GET /schemas/<type>/<version>.json,
// n8n 1.x and 2.x) reads __schema__/v1.0.0.json for a node without resource/operation, and
// n8n-core's loadOutputSchema (2.x) reads that or __schema__/v1.0.0/output.json. Write both.
function writeSchema(nodeFolder, schema, versions = ['1.0.0']) {
	const text = JSON.stringify(schema, null, 2) + '\n';
	for (const version of versions) {
		const base = path.join('dist', 'nodes', nodeFolder, '__schema__');
		fs.mkdirSync(path.join(base, `v${version}`), { recursive: true });
		fs.writeFileSync(path.join(base, `v${version}`, 'output.json'), text);
		fs.writeFileSync(path.join(base, `v${version}.json`), text);
	}
}

async function outputSchemas() {
	const { z } = require('zod/v4');
	const { vendorList } = require('./dist/nodes/vendors');
	const { triggerItemJsonSchema } = require('./dist/nodes/shared/metadata');
	const { canonicalEventSchema } = require('./dist/nodes/shared/canonical');
	for (const vendor of vendorList) {
		// Each vendor's folder is its key in PascalCase + "Trigger" (kini → KiniTrigger); one
		// schema per node version the trigger has (1 → 1.0.0, 1.2 → 1.2.0).
		const folder = `${vendor.key.charAt(0).toUpperCase()}${vendor.key.slice(1)}Trigger`;
		const NodeClass = Object.values(require(`./dist/nodes/${folder}/${folder}.node`))[0];
		const versions = [].concat(new NodeClass().description.version).map((v) => `${Math.floor(v)}.${Math.round((v % 1) * 10)}.0`);
		writeSchema(folder, triggerItemJsonSchema(vendor.schema), versions);
	}
	writeSchema('AtsNormalize', z.toJSONSchema(canonicalEventSchema, { unrepresentable: 'any' }));
}

exports.build = series(copyNodeAssets, outputSchemas);
exports.default = exports.build;
