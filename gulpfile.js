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
function writeSchema(relativePath, schema) {
	const text = JSON.stringify(schema, null, 2) + '\n';
	const file = path.join('dist', 'nodes', relativePath);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
	fs.writeFileSync(`${path.dirname(file)}.json`, text);
}

// Every registry vendor's trigger (folder and versions from the node itself, see
// scripts/vendor-kits.js), then ATS Normalize.
async function outputSchemas() {
	const { z } = require('zod/v4');
	const { triggerOutputSchemas } = require('./scripts/vendor-kits');
	const { vendorList } = require('./dist/nodes/vendors');
	const { triggerItemJsonSchema } = require('./dist/nodes/shared/metadata');
	const { canonicalEventSchema } = require('./dist/nodes/shared/canonical');
	for (const [file, schema] of Object.entries(triggerOutputSchemas(vendorList, triggerItemJsonSchema))) writeSchema(file, schema);
	writeSchema('AtsNormalize/__schema__/v1.0.0/output.json', z.toJSONSchema(canonicalEventSchema, { unrepresentable: 'any' }));
}

exports.build = series(copyNodeAssets, outputSchemas);
exports.default = exports.build;
