import { config } from '@n8n/node-cli/eslint';

// The config `n8n-node lint` applies (n8n's community-nodes recommended preset plus the
// n8n-nodes-base rules for nodes, credentials and package.json), unchanged for everything that
// ships. Tests and dev scripts run in Node outside n8n: they may use node:fs, node:http,
// child processes, process, timers, console and fixed test secrets, so only the rules that
// exist to keep those out of a node running inside n8n are off there.
export default [
	...config,
	{ ignores: ['coverage/**', '.n8n-dev/**', '.kits/**'] },
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'no-console': 'off',
			// Test code re-throws assertion errors; NodeApiError is for errors a node reports.
			'@n8n/community-nodes/require-node-api-error': 'off',
			// Tests load the JS test support (scripts/, test/support/*.js) with require.
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
	{
		// A throwaway sixth vendor that proves the "one folder + one registry line" recipe in unit
		// tests: it never ships, so it has no credential class, icon or package.json entry.
		files: ['test/fixtures/**/*.ts'],
		rules: {
			'@n8n/community-nodes/require-node-description-fields': 'off',
			'@n8n/community-nodes/icon-validation': 'off',
			'@n8n/community-nodes/icon-prefer-themed-variants': 'off',
			'@n8n/community-nodes/no-credential-reuse': 'off',
			'@n8n/community-nodes/valid-credential-references': 'off',
		},
	},
];
