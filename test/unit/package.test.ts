/**
 * What ships: the packed file list (npm pack --dry-run, after npm run build) against the
 * registry. Test kits and examples are not even built into dist/ (they live in test/kits),
 * nothing packed needs them, dist/ holds no source maps or duplicate schemas, the package
 * stays within its size budget, and n8n is told about every vendor's trigger node and
 * credential.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { vendorList } from '../../nodes/vendors';
import { testKitModule, triggerNodeModule } from '../../scripts/vendor-kits';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	files: string[];
	n8n: { nodes: string[]; credentials: string[] };
};

/**
 * The most the unpacked package may weigh (bytes, as npm counts: 1 kB = 1000 B): 62 kB per
 * registry vendor. A vendor ships its node, verifier, schemas and two output schemas (one per
 * node version), 50–60 kB with a long documented event list (Greenhouse, Ashby); the shared
 * code and ATS Normalize fit in what the smaller ones leave. A source map or a test kit in
 * dist/ would break it.
 */
const UNPACKED_BUDGET = 62_000 * vendorList.length;

interface Packed {
	files: string[];
	/** The tarball's size. */
	size: number;
	unpackedSize: number;
}

function pack(): Packed {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [result] = JSON.parse(out) as Array<{
		files: Array<{ path: string }>;
		size: number;
		unpackedSize: number;
	}>;
	return {
		files: result.files.map((file) => file.path),
		size: result.size,
		unpackedSize: result.unpackedSize,
	};
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Relative `require("./…")` targets of a compiled file that resolve to nothing in the package. */
function missingRequires(
	file: string,
	packed: Set<string>,
	read: (file: string) => string,
): string[] {
	const targets = [...read(file).matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map(
		(match) => match[1],
	);
	return targets
		.map((target) => path.posix.join(path.posix.dirname(file), target))
		.filter(
			(target) =>
				!packed.has(target) && !packed.has(`${target}.js`) && !packed.has(`${target}/index.js`),
		);
}

describe('the packed package', () => {
	const { files, size, unpackedSize } = pack();
	const packed = new Set(files);

	it('has been built (dist/ holds the nodes)', () => {
		expect(files.filter((file) => file.endsWith('.node.js')).length).toBeGreaterThan(
			vendorList.length,
		);
	});

	it(`weighs less than ${kB(UNPACKED_BUDGET)} unpacked`, () => {
		console.log(
			`npm pack: ${kB(size)} packed, ${kB(unpackedSize)} unpacked, ${files.length} files (budget: ${kB(UNPACKED_BUDGET)} unpacked)`,
		);
		expect(unpackedSize).toBeLessThan(UNPACKED_BUDGET);
	});

	it('ships dist/ as built, with nothing filtered back out of it', () => {
		expect(pkg.files).toEqual(['dist']);
		expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual([
			'README.md',
			'package.json',
		]);
	});

	it('holds no test kit or example file (signers, samples: test doubles, not product): they are not built into dist/', () => {
		expect(files.filter((file) => /\.(testing|samples)\./.test(file))).toEqual([]);
		expect(
			fs
				.readdirSync(path.join(root, 'dist'), { recursive: true })
				.filter((file) => /\.(testing|samples)\./.test(String(file))),
		).toEqual([]);
		// ... but built for the scripts: the simulator and the benchmark load them from .kits/.
		for (const vendor of vendorList)
			expect(fs.existsSync(`${testKitModule(vendor)}.js`)).toBe(true);
	});

	it('holds no source maps (their sources are not shipped) and no comments', () => {
		expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
		const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
		const commented = files.filter(
			(file) => file.endsWith('.js') && /sourceMappingURL|^\s*(\/\/|\/\*)/m.test(read(file)),
		);
		expect(commented).toEqual([]);
	});

	it('holds one output schema per node version, the file every n8n reader finds (gulpfile.js)', () => {
		const schemas = files.filter((file) => file.includes('/__schema__/'));
		expect(schemas.length).toBeGreaterThan(vendorList.length);
		expect(schemas.filter((file) => !/\/__schema__\/v\d+\.\d+\.\d+\.json$/.test(file))).toEqual([]);
	});

	it('needs nothing it leaves out: every relative require of a packed file is packed', () => {
		const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
		const missing = files
			.filter((file) => file.endsWith('.js'))
			.flatMap((file) =>
				missingRequires(file, packed, read).map((target) => `${file} → ${target}`),
			);
		expect(missing).toEqual([]);
	});

	it('the require check catches a shipped file that imports a test kit', () => {
		const fake = new Set(['dist/nodes/A/a.vendor.js']);
		expect(
			missingRequires(
				'dist/nodes/A/a.vendor.js',
				fake,
				() => 'const k = require("../../../test/kits/a/a.testing");',
			),
		).toEqual(['test/kits/a/a.testing']);
	});

	it.each(vendorList.map((vendor) => [vendor.key, vendor]))(
		'package.json tells n8n about %s: its trigger node and credential',
		(_key, vendor) => {
			const nodeFile = `${path.relative(root, triggerNodeModule(vendor)).split(path.sep).join('/')}.js`;
			expect(pkg.n8n.nodes).toContain(nodeFile);
			expect(packed.has(nodeFile)).toBe(true);
			const credentialNames = pkg.n8n.credentials.map((file) => {
				const source = path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
				const exported = Object.values(
					require(source) as Record<string, new () => { name: string }>,
				)[0];
				return new exported().name;
			});
			expect(credentialNames).toContain(vendor.credentialType);
		},
	);
});
