// Workflows and credentials the e2e tests and the dev server import into n8n.
'use strict';

const TEST_SECRETS = {
	kini: 'kini-local-test-key',
	startupKit: 'startupkit-local-test-secret',
	keldairHr: 'keldairhr-local-test-secret',
	knit: 'knit-local-test-key',
	kombo: 'kombo-local-test-secret',
};

// Credential types, secret fields and node names come from the vendor registry (dist/).
const { credentialsFor, registry } = require('../../scripts/signing');

const { vendors } = registry();
const CREDENTIAL_TYPES = Object.fromEntries(Object.values(vendors).map((vendor) => [vendor.key, vendor.credentialType]));
const TRIGGER_NAMES = Object.fromEntries(Object.values(vendors).map((vendor) => [vendor.key, `${vendor.displayName} Trigger`]));

const credentialId = (vendor) => `ats${vendor.charAt(0).toUpperCase()}${vendor.slice(1)}Cred`.padEnd(16, '0').slice(0, 16);

function testCredentials(secrets = TEST_SECRETS) {
	return Object.entries(CREDENTIAL_TYPES).map(([vendor, type]) => {
		const data = credentialsFor(vendor, secrets[vendor]);
		if (vendor === 'keldairHr') data.signatureHeader = 'X-Signature';
		return { id: credentialId(vendor), name: `${TRIGGER_NAMES[vendor]} (local test)`, type, data };
	});
}

/** trigger → ATS Normalize, one per vendor; `prefix` is CUSTOM (tarball) or the npm name. */
function triggerWorkflow(vendor, { prefix = 'CUSTOM', id, webhookId, parameters = {}, normalize = true } = {}) {
	const triggerName = TRIGGER_NAMES[vendor];
	const trigger = {
		id: `${vendor}-trigger`,
		name: triggerName,
		type: `${prefix}.${vendor}Trigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: webhookId ?? `${vendor}-e2e`,
		parameters: vendor === 'keldairHr' ? { authentication: 'signature', ...parameters } : parameters,
		credentials: { [CREDENTIAL_TYPES[vendor]]: { id: credentialId(vendor), name: `${triggerName} (local test)` } },
	};
	const nodes = [trigger];
	const connections = {};
	if (normalize) {
		nodes.push({
			id: `${vendor}-normalize`,
			name: 'ATS Normalize',
			type: `${prefix}.atsNormalize`,
			typeVersion: 1,
			position: [260, 0],
			parameters: {},
		});
		connections[triggerName] = { main: [[{ node: 'ATS Normalize', type: 'main', index: 0 }]] };
	}
	return {
		id: id ?? `ats${vendor}Flow`.padEnd(16, '0').slice(0, 16),
		name: `${triggerName} → ATS Normalize (e2e)`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

module.exports = { TEST_SECRETS, TRIGGER_NAMES, CREDENTIAL_TYPES, testCredentials, triggerWorkflow, credentialId };
