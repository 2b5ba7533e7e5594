import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

it('the README mapping table is the one the vendors define (node scripts/mapping-table.js)', () => {
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const embedded = readme
		.split('<!-- mapping-table:start -->')[1]
		?.split('<!-- mapping-table:end -->')[0]
		?.trim();
	const generated = execFileSync(
		process.execPath,
		[path.join(root, 'scripts', 'mapping-table.js')],
		{ encoding: 'utf8' },
	).trim();
	expect(generated.split('\n').length).toBeGreaterThan(50);
	// Prettier pads the README's columns: compare the cells, not the padding.
	const cells = (table: string | undefined) =>
		table
			?.split('\n')
			.map((row) => row.split('|').map((cell) => cell.trim().replace(/^-+$/, '---')));
	expect(cells(embedded)).toEqual(cells(generated));
});
