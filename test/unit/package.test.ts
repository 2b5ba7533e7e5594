/**
 * What ships: the packed file list (npm pack --dry-run, after npm run build) against the
 * registry. Test kits and examples stay out of the package, nothing packed needs them, and
 * n8n is told about every vendor's trigger node and credential.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { vendorList } from '../../nodes/vendors';
import { triggerNodeModule } from '../../scripts/vendor-kits';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

function packedFiles(): string[] {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((file) => file.path);
}

/** Relative `require("./…")` targets of a compiled file that resolve to nothing in the package. */
function missingRequires(file: string, packed: Set<string>, read: (file: string) => string): string[] {
	const targets = [...read(file).matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map((match) => match[1]);
	return targets
		.map((target) => path.posix.join(path.posix.dirname(file), target))
		.filter((target) => !packed.has(target) && !packed.has(`${target}.js`) && !packed.has(`${target}/index.js`));
}

describe('the packed package', () => {
	const files = packedFiles();
	const packed = new Set(files);

	it('has been built (dist/ holds the nodes)', () => {
		expect(files.filter((file) => file.endsWith('.node.js')).length).toBeGreaterThan(vendorList.length);
	});

	it('leaves out every test kit and example file (signers, samples: test doubles, not product)', () => {
		expect(files.filter((file) => /\.(testing|samples)\./.test(file))).toEqual([]);
		// ... which are built: the simulator and the benchmark load them from dist/.
		for (const vendor of vendorList) expect(fs.existsSync(path.join(root, 'dist', 'nodes', vendor.triggerNode, `${vendor.key}.testing.js`))).toBe(true);
	});

	it('needs nothing it leaves out: every relative require of a packed file is packed', () => {
		const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
		const missing = files.filter((file) => file.endsWith('.js')).flatMap((file) => missingRequires(file, packed, read).map((target) => `${file} → ${target}`));
		expect(missing).toEqual([]);
	});

	it('the require check catches a shipped file that imports a test kit', () => {
		const fake = new Set(['dist/nodes/A/a.vendor.js']);
		expect(missingRequires('dist/nodes/A/a.vendor.js', fake, () => 'const k = require("./a.testing");')).toEqual(['dist/nodes/A/a.testing']);
	});

	it.each(vendorList.map((vendor) => [vendor.key, vendor]))('package.json tells n8n about %s: its trigger node and credential', (_key, vendor) => {
		const nodeFile = `${path.relative(root, triggerNodeModule(vendor)).split(path.sep).join('/')}.js`;
		expect(pkg.n8n.nodes).toContain(nodeFile);
		expect(packed.has(nodeFile)).toBe(true);
		const credentialNames = pkg.n8n.credentials.map((file) => {
			const source = path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
			const exported = Object.values(require(source) as Record<string, new () => { name: string }>)[0];
			return new exported().name;
		});
		expect(credentialNames).toContain(vendor.credentialType);
	});
});
