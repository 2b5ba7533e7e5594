import { configs } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

// n8n's community-node rules (what n8n's scanner applies) on everything that ships: the node
// and credential sources and package.json. Tests and dev scripts run outside n8n and may
// use node:fs, timers and process, so they get the TypeScript parser only.
export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.n8n-dev/**'] },
	{
		// typescript-eslint parses package.json as a JSON script, which the package rules read.
		files: ['**/*.ts', 'package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{ ...configs.recommended, files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'] },
];
