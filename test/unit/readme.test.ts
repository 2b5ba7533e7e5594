import * as fs from 'node:fs';
import * as path from 'node:path';

import { vendorList } from '../../nodes/vendors';
import { mappingTable } from '../../scripts/mapping-table';

it('the README mapping table is the one the vendors define (node scripts/mapping-table.js)', () => {
	const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
	const embedded = readme.split('<!-- mapping-table:start -->')[1]?.split('<!-- mapping-table:end -->')[0]?.trim();
	expect(embedded).toBe(mappingTable(vendorList));
});
