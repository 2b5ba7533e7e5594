/**
 * Release: .github/workflows/release.yml publishes to npm with provenance (n8n requires it for
 * community node packages) from a version tag, only after the README's test command passed and
 * the tag matched package.json's version; CHANGELOG.md has an entry for what is released.
 * The tag check is run, not only read: its script is executed with a matching and a wrong tag.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// `yaml` (2.x) is in node_modules as a dependency of the dev tooling, not a direct devDependency.
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	version: string;
};

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	permissions?: Record<string, string> | string;
	steps: Step[];
}
interface Workflow {
	on: Record<string, { tags?: string[]; branches?: string[] } | null>;
	permissions?: Record<string, string> | string;
	jobs: Record<string, Job>;
}

function readWorkflow(name: string): Workflow {
	return parse(fs.readFileSync(path.join(root, '.github', 'workflows', name), 'utf8')) as Workflow;
}

/** GitHub's filter pattern for refs: `*` is anything but `/`, `**` anything, `?`/`+` as in regex. */
function refPattern(glob: string): RegExp {
	const body = glob
		.split('**')
		.map((part) => part.replace(/[.^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
		.join('.*');
	return new RegExp(`^${body}$`);
}

const runs = (step: Step, command: RegExp) =>
	typeof step.run === 'string' && command.test(step.run);
const NPM_PUBLISH = /^\s*npm publish\b/m;
const NPM_TEST = /^\s*npm test\s*$/m;

describe('release.yml', () => {
	const workflow = readWorkflow('release.yml');
	const [jobName, job] =
		Object.entries(workflow.jobs).find(([, candidate]) =>
			candidate.steps.some((step) => runs(step, NPM_PUBLISH)),
		) ?? [];
	const steps = job?.steps ?? [];
	const index = (command: RegExp) => steps.findIndex((step) => runs(step, command));

	it('runs on a pushed version tag only (not on branches or other events)', () => {
		expect(Object.keys(workflow.on)).toEqual(['push']);
		const push = workflow.on.push ?? {};
		expect(push.branches).toBeUndefined();
		const patterns = (push.tags ?? []).map(refPattern);
		const matches = (tag: string) => patterns.some((pattern) => pattern.test(tag));
		expect(matches('v0.1.0')).toBe(true);
		expect(matches(`v${pkg.version}`)).toBe(true);
		expect(matches('v12.34.56')).toBe(true);
		expect(matches('0.1.0')).toBe(false);
		expect(matches('latest')).toBe(false);
	});

	it('has one job that publishes, with id-token: write and contents: read only', () => {
		expect(jobName).toBeDefined();
		const permissions = job?.permissions ?? workflow.permissions;
		expect(permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		// Nothing broader granted to the workflow's other jobs by default.
		expect(
			workflow.permissions === undefined || JSON.stringify(workflow.permissions) === '{}',
		).toBe(true);
	});

	it('publishes with --provenance --access public and the NPM_TOKEN secret as NODE_AUTH_TOKEN', () => {
		const publish = steps[index(NPM_PUBLISH)];
		expect(publish.run).toMatch(/npm publish\b.*--provenance/);
		expect(publish.run).toMatch(/npm publish\b.*--access public/);
		expect(publish.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
		// setup-node writes the .npmrc that reads NODE_AUTH_TOKEN only when registry-url is set.
		const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		expect(Number(setupNode?.with?.['node-version'])).toBeGreaterThanOrEqual(22);
		expect(setupNode?.with?.cache).toBe('npm');
	});

	it('installs with npm ci and runs npm test before it publishes', () => {
		expect(index(/^\s*npm ci\b/m)).toBeGreaterThanOrEqual(0);
		expect(index(NPM_TEST)).toBeGreaterThan(index(/^\s*npm ci\b/m));
		expect(index(NPM_PUBLISH)).toBeGreaterThan(index(NPM_TEST));
		// No step between the tests and the publish may let a failure through.
		expect(steps.filter((step) => 'continue-on-error' in step)).toEqual([]);
	});

	it('checks before publishing that the tag is v<package.json version> (the check is run)', () => {
		const checkIndex = steps.findIndex((step) =>
			Object.values(step.env ?? {}).includes('${{ github.ref_name }}'),
		);
		expect(checkIndex).toBeGreaterThanOrEqual(0);
		expect(checkIndex).toBeLessThan(index(NPM_PUBLISH));
		const check = steps[checkIndex];
		const [tagVar] =
			Object.entries(check.env ?? {}).find(([, value]) => value === '${{ github.ref_name }}') ?? [];

		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-release-check-'));
		try {
			fs.writeFileSync(
				path.join(dir, 'package.json'),
				JSON.stringify({ name: 'x', version: '1.2.3' }),
			);
			fs.writeFileSync(
				path.join(dir, 'CHANGELOG.md'),
				'# Changelog\n\n## [1.2.3] - 2026-01-01\n\n### Fixed\n\n- a fix\n',
			);
			const run = (tag: string) =>
				spawnSync('bash', ['-e', '-c', check.run ?? ''], {
					cwd: dir,
					env: { ...process.env, [tagVar as string]: tag },
					encoding: 'utf8',
				});
			expect(run('v1.2.3').status).toBe(0);
			const wrong = run('v1.2.4');
			expect(wrong.status).not.toBe(0);
			expect(wrong.stdout + wrong.stderr).toMatch(/1\.2\.4/);
			expect(run('1.2.3').status).not.toBe(0);
			// A version without its CHANGELOG entry is not released either.
			fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n');
			expect(run('v1.2.3').status).not.toBe(0);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('pins every action to at least a major version', () => {
		for (const file of fs.readdirSync(path.join(root, '.github', 'workflows'))) {
			for (const wfJob of Object.values(readWorkflow(file).jobs)) {
				for (const step of wfJob.steps.filter((candidate) => candidate.uses)) {
					expect(`${file}: ${step.uses}`).toMatch(/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
				}
			}
		}
	});
});

describe('ci.yml', () => {
	it('runs npm test on pushes and pull requests', () => {
		const workflow = readWorkflow('ci.yml');
		expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
		const steps = Object.values(workflow.jobs).flatMap((wfJob) => wfJob.steps);
		expect(steps.some((step) => runs(step, NPM_TEST))).toBe(true);
	});
});

describe('CHANGELOG.md', () => {
	const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
	const headings = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/gm)].map(
		(match) => match[1],
	);

	it(`has an entry for package.json's version (${pkg.version}) or an Unreleased section`, () => {
		expect(headings.includes(pkg.version) || headings.includes('Unreleased')).toBe(true);
	});

	it('is Keep a Changelog shaped: Unreleased first, versions newest first, known sections only', () => {
		expect(headings.length).toBeGreaterThan(0);
		if (headings.includes('Unreleased')) expect(headings[0]).toBe('Unreleased');
		const versions = headings.filter((heading) => heading !== 'Unreleased');
		for (const version of versions) expect(version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
		const key = (version: string) => version.split(/[.-]/).slice(0, 3).map(Number);
		const sorted = [...versions].sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
		});
		expect(versions).toEqual(sorted);
		const sections = [...changelog.matchAll(/^### (.+)$/gm)].map((match) => match[1].trim());
		expect(
			sections.filter(
				(section) =>
					!['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(section),
			),
		).toEqual([]);
		// Every version heading has at least one entry under it.
		for (const block of changelog.split(/^## /m).slice(1)) expect(block).toMatch(/^- /m);
	});
});
