import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

it('the README mapping table is the one the vendors define (node scripts/mapping-table.js)', () => {
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const embedded = readme.split('<!-- mapping-table:start -->')[1]?.split('<!-- mapping-table:end -->')[0]?.trim();
	const generated = execFileSync(process.execPath, [path.join(root, 'scripts', 'mapping-table.js')], { encoding: 'utf8' }).trim();
	expect(generated.split('\n').length).toBeGreaterThan(50);
	expect(embedded).toBe(generated);
});
