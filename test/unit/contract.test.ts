/**
 * The vendor contract as docs/architecture.md states it, checked on the built dist/: ATS
 * Normalize loads no verifier (no `<key>.trigger`, no signatures, no pipeline), and one genuine
 * request crosses the files and calls the document quotes (scripts/request-path.js).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const run = (args: string[]) =>
	execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });

it('ATS Normalize loads the registry, schemas and mappings, but no verifier and no trigger code', () => {
	const script = `require('./dist/nodes/AtsNormalize/AtsNormalize.node');
		console.log(JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('/dist/'))));`;
	const loaded: string[] = JSON.parse(run(['-e', script])).map((file: string) =>
		path.relative(path.join(ROOT, 'dist'), file),
	);
	expect(loaded).toEqual(
		expect.arrayContaining([
			'nodes/vendors.js',
			'nodes/KomboTrigger/kombo.vendor.js',
			'nodes/KomboTrigger/kombo.schema.js',
		]),
	);
	expect(
		loaded.filter((file) =>
			/\.trigger\.js$|\.node\.js$|shared\/(signatures|pipeline|dedupe\w*|notProcessed|description)\.js$/.test(
				file,
			),
		),
	).toEqual(['nodes/AtsNormalize/AtsNormalize.node.js']);
});

it("one genuine request's files and cross-file calls are the ones docs/architecture.md quotes", () => {
	const measured = run(['scripts/request-path.js', 'kombo']).split('\n')[0];
	const [, files, calls] = /(\d+) files, (\d+) cross-file calls/.exec(measured) ?? [];
	const doc = fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
	expect(doc).toContain(`**${files} files, ${calls} cross-file calls**`);
	expect(Number(files)).toBeLessThan(8);
	expect(Number(calls)).toBeLessThan(18);
});
