// Workflows and credentials the e2e tests and the dev server import into n8n.
'use strict';

// Credential types, secret fields, node types and names come from the vendor registry (dist/)
// and each vendor's trigger node and test kit (scripts/vendor-kits.js).
const { credentialsFor, kitFor, registry } = require('../../scripts/signing');
const { loadTriggerNode } = require('../../scripts/vendor-kits');

const { vendorList } = registry();
const byVendor = (valueOf) =>
	Object.fromEntries(vendorList.map((vendor) => [vendor.key, valueOf(vendor)]));
const TEST_SECRETS = byVendor((vendor) => `${vendor.key.toLowerCase()}-local-test-secret`);
const CREDENTIAL_TYPES = byVendor((vendor) => vendor.credentialType);
const triggerDescriptions = byVendor((vendor) => loadTriggerNode(vendor).description);
/** The node's default name, as the editor names a freshly added node. */
const TRIGGER_NAMES = byVendor((vendor) => triggerDescriptions[vendor.key].defaults.name);

const credentialId = (vendor) =>
	`ats${vendor.charAt(0).toUpperCase()}${vendor.slice(1)}Cred`.padEnd(16, '0').slice(0, 16);

function testCredentials(secrets = TEST_SECRETS) {
	return Object.entries(CREDENTIAL_TYPES).map(([vendor, type]) => {
		const data = credentialsFor(vendor, secrets[vendor]);
		return { id: credentialId(vendor), name: `${TRIGGER_NAMES[vendor]} (local test)`, type, data };
	});
}

/**
 * trigger → ATS Normalize, one per vendor; `prefix` is CUSTOM (tarball) or the npm name.
 * @param {string} vendor
 * @param {{prefix?: string, id?: string, webhookId?: string, parameters?: Record<string, unknown>, normalize?: boolean}} [options]
 */
function triggerWorkflow(
	vendor,
	{ prefix = 'CUSTOM', id, webhookId, parameters = {}, normalize = true } = {},
) {
	const triggerName = TRIGGER_NAMES[vendor];
	const trigger = {
		id: `${vendor}-trigger`,
		name: triggerName,
		type: `${prefix}.${triggerDescriptions[vendor].name}`,
		typeVersion: 1.1,
		position: [0, 0],
		webhookId: webhookId ?? `${vendor}-e2e`,
		parameters: {
			...kitFor(vendor).activationParameters,
			...kitFor(vendor).verifyingParameters,
			...parameters,
		},
		credentials: {
			[CREDENTIAL_TYPES[vendor]]: { id: credentialId(vendor), name: `${triggerName} (local test)` },
		},
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

/** Webhook ids of missingCredentialWorkflow's triggers. */
const MISSING_CREDENTIAL_WEBHOOKS = {
	unset: 'kombo-no-credential',
	deleted: 'kombo-deleted-credential',
	sentinel: 'kombo-credential-sentinel',
};

/**
 * Kombo triggers in one workflow: one with no credential selected, one whose credential was
 * deleted (its id names none), and one with the test credential, whose events are the
 * sentinels proving that the other two started nothing.
 * @param {{prefix?: string}} [options]
 */
function missingCredentialWorkflow({ prefix = 'CUSTOM' } = {}) {
	const trigger = (name, webhookId, y, credentials) => {
		const node = {
			...triggerWorkflow('kombo', { prefix, webhookId, normalize: false }).nodes[0],
			id: `node-${webhookId}`,
			name,
			position: [0, y],
		};
		if (credentials) node.credentials = credentials;
		else delete node.credentials;
		return node;
	};
	const deleted = {
		[CREDENTIAL_TYPES.kombo]: { id: 'atsDeletedCred00', name: 'Kombo Trigger (deleted)' },
	};
	const nodes = [
		trigger('No credential', MISSING_CREDENTIAL_WEBHOOKS.unset, 0),
		trigger('Deleted credential', MISSING_CREDENTIAL_WEBHOOKS.deleted, 200, deleted),
		trigger(
			'Sentinel',
			MISSING_CREDENTIAL_WEBHOOKS.sentinel,
			400,
			triggerWorkflow('kombo').nodes[0].credentials,
		),
	];
	return plainWorkflow(
		'atsMissingCred00',
		'Kombo triggers without a usable credential (e2e)',
		nodes,
	);
}

const webhookNode = (webhookId, options = {}) => ({
	id: `${webhookId}-node`,
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2.1,
	position: [0, 0],
	webhookId,
	// The Webhook node's path is the whole URL path after /webhook/.
	parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'onReceived', options },
});

const plainWorkflow = (id, name, nodes, connections = {}) => ({
	id,
	name,
	active: false,
	nodes,
	connections,
	settings: { executionOrder: 'v1' },
	pinData: {},
});

/** n8n's own Webhook node and nothing else: the cost of an n8n webhook execution. */
function bareWebhookWorkflow() {
	return plainWorkflow('atsBareWebhook00', 'Bare Webhook (benchmark)', [
		webhookNode('bare-webhook'),
	]);
}

/** n8n's own Webhook node with Header Auth: n8n's cheapest authenticated webhook, for the benchmark. */
const HEADER_AUTH = { name: 'X-Webhook-Token', value: 'bench-header-token-0123456789' };
const HEADER_AUTH_CREDENTIAL = { id: 'atsHeaderAuth000', name: 'Header Auth (benchmark)' };

function headerAuthWebhookWorkflow() {
	const node = webhookNode('header-auth-webhook');
	node.parameters.authentication = 'headerAuth';
	node.credentials = { httpHeaderAuth: HEADER_AUTH_CREDENTIAL };
	return plainWorkflow('atsHeaderAuthWh0', 'Webhook with Header Auth (benchmark)', [node]);
}

function headerAuthCredentials() {
	return [{ ...HEADER_AUTH_CREDENTIAL, type: 'httpHeaderAuth', data: { ...HEADER_AUTH } }];
}

const CHAIN_CREDENTIAL = {
	id: 'atsChainHmac0000',
	name: 'KeldairHR HMAC secret (hand-built chain)',
};

/** The Crypto node's credential the hand-built chain signs with (same secret as ours). */
function chainCredentials(secret = TEST_SECRETS.keldairHr) {
	return [{ ...CHAIN_CREDENTIAL, type: 'crypto', data: { hmacSecret: secret } }];
}

/**
 * What users build by hand today for KeldairHR's `X-Signature: sha256=<hex>`: a Webhook node
 * with "Raw Body" on, a Crypto node (HMAC-SHA256 of the raw body, hex) and an If node that
 * compares it with the header. The Webhook node answers before the check runs, so every
 * request, forged or not, becomes an execution.
 */
function handBuiltChainWorkflow() {
	const nodes = [
		webhookNode('hand-built-chain', { rawBody: true }),
		{
			id: 'chain-crypto',
			name: 'Crypto',
			type: 'n8n-nodes-base.crypto',
			typeVersion: 2,
			position: [220, 0],
			parameters: {
				action: 'hmac',
				binaryData: true,
				binaryPropertyName: 'data',
				type: 'SHA256',
				dataPropertyName: 'signature',
				encoding: 'hex',
			},
			credentials: { crypto: CHAIN_CREDENTIAL },
		},
		{
			id: 'chain-if',
			name: 'Signature matches',
			type: 'n8n-nodes-base.if',
			typeVersion: 2.2,
			position: [440, 0],
			parameters: {
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
					conditions: [
						{
							id: 'signature-equals',
							leftValue: "={{ 'sha256=' + $json.signature }}",
							rightValue: "={{ $('Webhook').item.json.headers['x-signature'] }}",
							operator: { type: 'string', operation: 'equals' },
						},
					],
					combinator: 'and',
				},
				options: {},
			},
		},
	];
	const connections = {
		Webhook: { main: [[{ node: 'Crypto', type: 'main', index: 0 }]] },
		Crypto: { main: [[{ node: 'Signature matches', type: 'main', index: 0 }]] },
	};
	return plainWorkflow(
		'atsHandChain0000',
		'Webhook + Crypto + If (hand-built, benchmark)',
		nodes,
		connections,
	);
}

module.exports = {
	TEST_SECRETS,
	TRIGGER_NAMES,
	CREDENTIAL_TYPES,
	testCredentials,
	triggerWorkflow,
	credentialId,
	MISSING_CREDENTIAL_WEBHOOKS,
	missingCredentialWorkflow,
	bareWebhookWorkflow,
	HEADER_AUTH,
	headerAuthWebhookWorkflow,
	headerAuthCredentials,
	handBuiltChainWorkflow,
	chainCredentials,
};
