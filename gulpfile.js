// Build steps tsc does not do: empty dist/ and .kits/ before tsc writes them (so a file
// renamed, moved or no longer built never lingers and ships), copy icons (credentials reuse
// their node's) and codex files into dist/, and generate the output schemas n8n shows in its
// schema preview from the zod schemas (the single source).
const { dest, series, src } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

async function clean() {
	for (const dir of ['dist', '.kits'])
		fs.rmSync(path.join(__dirname, dir), { recursive: true, force: true });
}

function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json']).pipe(dest('dist/nodes'));
}

// n8n looks the schema up next to the node's file by node version (1 → v1.0.0, 1.1 → v1.1.0;
// triggers have both). One file per version, __schema__/v1.0.0.json, is what every reader finds
// for a node without resource/operation:
// - the editor's schema preview, GET /schemas/<type>/<padded version>.json: n8n 1.123's
//   LoadNodesAndCredentials.resolveSchema serves exactly `__schema__/v<version>.json`; n8n
//   2.41's calls n8n-core's resolveOutputSchemaPath without versionFallback, which builds only
//   `__schema__/v<version>.json` too;
// - n8n-core 2.41's loadOutputSchema (versionFallback: true) tries `v<version>.json` first and
//   `v<version>/output.json` only when that is missing; n8n-core 1.122 (n8n 1.123) has none.
// So no `v1.0.0/output.json` copy (test/unit/outputSchema.test.ts runs both readers).
function writeSchema(relativePath, schema) {
	const file = path.join('dist', 'nodes', relativePath);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	// Compact: n8n parses it, nobody reads it, and it is most of the package's size.
	fs.writeFileSync(file, JSON.stringify(schema));
}

// Every registry vendor's trigger (folder and versions from the node itself, see
// scripts/vendor-kits.js), then ATS Normalize.
async function outputSchemas() {
	const { z } = require('zod/v4');
	const { triggerOutputSchemas } = require('./scripts/vendor-kits');
	const { vendorList } = require('./dist/nodes/vendors');
	const { triggerItemJsonSchema } = require('./dist/nodes/shared/metadata');
	const { canonicalEventSchema } = require('./dist/nodes/shared/canonical');
	for (const [file, schema] of Object.entries(
		triggerOutputSchemas(vendorList, triggerItemJsonSchema),
	))
		writeSchema(file, schema);
	writeSchema(
		'AtsNormalize/__schema__/v1.0.0.json',
		z.toJSONSchema(canonicalEventSchema, { unrepresentable: 'any' }),
	);
}

exports.clean = clean;
exports.build = series(copyNodeAssets, outputSchemas);
exports.default = exports.build;
