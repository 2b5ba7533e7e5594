/** The output schemas gulp writes into dist/ (what n8n shows in its schema preview). */
import Ajv2020 from 'ajv/dist/2020';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { normalizeEvent } from '../../nodes/AtsNormalize/normalize';
import { vendorListWithKits as vendorList } from '../support/vendors';

const dist = path.resolve(__dirname, '..', '..', 'dist', 'nodes');
const schemaOf = (folder: string, version = '1.0.0') =>
	JSON.parse(fs.readFileSync(path.join(dist, folder, '__schema__', `v${version}`, 'output.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
const metadata = { vendor: 'x', eventType: 'y', eventId: null, deliveryKey: 'y:0f1e', receivedAt: '2025-01-01T00:00:00Z', verified: true, valid: true, issues: [] };

describe.each(vendorList.map((vendor) => [vendor.key, vendor]))('%s trigger output.json', (key, vendor) => {
	const folder = `${key.charAt(0).toUpperCase()}${key.slice(1)}Trigger`;
	const validate = ajv.compile(schemaOf(folder));
	it.each(vendor.samples.map((sample) => [sample.title, sample.body]))('accepts %s', (_title, body) => {
		expect(validate({ ...body, _ats: metadata }) ? [] : validate.errors).toEqual([]);
	});
	it('requires the _ats metadata', () => {
		expect(validate(vendor.samples[0].body)).toBe(false);
	});
	it('is the same for node version 1.1', () => {
		expect(schemaOf(folder, '1.1.0')).toEqual(schemaOf(folder));
	});
});

describe('ATS Normalize output.json', () => {
	const validate = ajv.compile(schemaOf('AtsNormalize'));
	it.each(vendorList.flatMap((vendor) => vendor.samples.map((sample) => [vendor.key, sample.title, sample.body])))(
		'%s: %s',
		(_key, _title, body) => {
			const event = normalizeEvent(body as Record<string, unknown>, { includeRaw: true });
			expect(validate(event) ? [] : validate.errors).toEqual([]);
		},
	);
});
