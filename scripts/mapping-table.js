#!/usr/bin/env node
// Prints the vendor event → canonical type table from the vendors' own mapping data.
// The README embeds its output between the mapping-table markers; a unit test keeps them equal.
'use strict';
function mappingTable(vendorList) {
	const rows = ['| Vendor | Vendor event | Canonical type |', '|---|---|---|'];
	for (const vendor of vendorList) {
		for (const [event, type] of Object.entries(vendor.canonicalTypes)) {
			rows.push(`| ${vendor.displayName} | \`${event}\` | \`${type}\` |`);
		}
	}
	return rows.join('\n');
}
module.exports = { mappingTable };
if (require.main === module) console.log(mappingTable(require('../dist/nodes/vendors').vendorList));
