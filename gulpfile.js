// Build steps tsc does not do: copy icons (credentials reuse their node's) and codex files
// into dist/, and generate the output schemas n8n shows in its schema preview from the zod
// schemas (the single source).
const { dest, series, src } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json']).pipe(dest('dist/nodes'));
}

// n8n looks the schema up by node version (1 → v1.0.0, 1.1 → v1.1.0); triggers have both.
function writeSchema(nodeFolder, schema, versions = ['1.0.0']) {
	for (const version of versions) {
		const dir = path.join('dist', 'nodes', nodeFolder, '__schema__', `v${version}`);
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'output.json'), JSON.stringify(schema, null, 2) + '\n');
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
