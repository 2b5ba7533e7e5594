// Two projects: fast unit tests, and the e2e suite that drives a real n8n (slow; cached install).
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }];

module.exports = {
	// For the e2e cases, which drive a real n8n (a load run takes minutes on 2 busy cores). Jest
	// 29 has no per-project testTimeout: the unit project sets its own short one in a setup file.
	testTimeout: 900_000,
	// Every n8n the e2e harness starts is recorded; the teardown fails the run if one survives.
	globalSetup: '<rootDir>/test/support/jest-global-setup.js',
	globalTeardown: '<rootDir>/test/support/jest-global-teardown.js',
	projects: [
		{
			displayName: 'unit',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			testEnvironment: 'node',
			setupFilesAfterEnv: ['<rootDir>/test/support/jest-unit-timeout.js'],
		},
		// The generic unit suites again, with the fixture vendor Acme in the registry.
		'<rootDir>/test/fixtures/jest.withAcme.config.js',
		{
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			testEnvironment: 'node',
		},
	],
};
