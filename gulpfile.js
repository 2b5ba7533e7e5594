// Build steps tsc does not do: copy icons (credentials reuse their node's) and codex files
// into dist/, and generate the output schemas n8n shows in its schema preview from the zod
// schemas (the single source).
const { dest, series, src } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json']).pipe(dest('dist/nodes'));
}

function writeSchema(relativePath, schema) {
	const file = path.join('dist', 'nodes', relativePath);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
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
