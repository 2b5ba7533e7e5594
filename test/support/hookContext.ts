/**
 * Runs a trigger's webhookMethods (checkExists / create / delete) inside n8n-core's real
 * HookContext over a real n8n-workflow Workflow, with n8n-core's real request helpers: node
 * parameters get their defaults the way n8n fills them, httpRequestWithAuthentication sends
 * real HTTP through n8n's own client. Only the credential store is stood in for: it hands out
 * decrypted data, and `authenticate` applies the credential class's own `authenticate` block
 * the way n8n's CredentialsHelper does for a generic block (each header value resolved by
 * n8n-workflow's expression engine with $credentials). Nothing adds a header by itself.
 */
import { CredentialTestContext, HookContext } from 'n8n-core';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { isExpression, Workflow } from 'n8n-workflow';

export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';

/** n8n's CredentialsHelper.authenticate, generic branch: resolve each key and value with $credentials. */
function applyGenericAuthenticate(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	workflow: Workflow,
	node: INode,
) {
	const authenticate = credentialType.authenticate as IAuthenticateGeneric | undefined;
	if (authenticate?.type !== 'generic') return requestOptions;
	const resolve = (value: unknown) =>
		isExpression(value)
			? String(
					workflow.expression.getSimpleParameterValue(
						node,
						value as string,
						'internal',
						{ $credentials: credentials },
						undefined,
						'',
					) ?? '',
				)
			: value;
	const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
	if (options.headers === undefined) options.headers = {};
	for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
		for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
			options[outerKey] ??= {};
			options[outerKey][String(resolve(key))] = resolve(value);
		}
	}
	return requestOptions;
}

export function hookContext(
	nodeType: INodeType,
	credentialType: ICredentialType,
	setup: {
		parameters: INodeParameters;
		credentials: ICredentialDataDecryptedObject;
		staticData: IDataObject;
		mode?: WorkflowExecuteMode;
		/** As n8n ends a test listen: mode 'internal', webhook data marked isTest (webhook.service deleteWebhook). */
		isTest?: boolean;
		/** Where the node's webhook URLs point (a local server standing in for n8n); default WEBHOOK_BASE_URL. */
		webhookBaseUrl?: string;
	},
) {
	const description = nodeType.description;
	const node: INode = {
		id: 'trigger-node',
		name: description.defaults.name ?? 'Trigger',
		type: `CUSTOM.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'abc',
		parameters: setup.parameters,
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'test' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	// n8n builds a new Workflow for every activation and deactivation, from the static data it saved.
	const workflow = new Workflow({
		id: 'wf-hook',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: { [`node:${node.name}`]: structuredClone(setup.staticData) },
	});
	const warnings: string[] = [];
	const additionalData = {
		webhookBaseUrl: setup.webhookBaseUrl ?? WEBHOOK_BASE_URL,
		credentialsHelper: {
			isCredentialUsableByNode: () => true,
			getParentTypes: () => [],
			getDecrypted: async () => ({ ...setup.credentials }),
			preAuthentication: async () => undefined,
			authenticate: async (
				credentials: ICredentialDataDecryptedObject,
				_type: string,
				options: IHttpRequestOptions,
				wf: Workflow,
				n: INode,
			) => applyGenericAuthenticate(credentialType, credentials, options, wf, n),
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	// 'trigger' for activation; 'manual' when the editor listens for a test event.
	const webhookData =
		setup.isTest === undefined
			? undefined
			: ({
					isTest: setup.isTest,
					node: node.name,
					workflowId: workflow.id,
				} as unknown as IWebhookData);
	const context = new HookContext(
		workflow,
		workflow.getNode(node.name)!,
		additionalData,
		setup.mode ?? 'trigger',
		'activate',
		webhookData,
	);
	Object.defineProperty(context, 'logger', {
		value: {
			warn: (message: string) => warnings.push(message),
			debug: () => {},
			info: () => {},
			error: () => {},
		},
	});
	/** What n8n would save: the node's static data after the hook ran, as plain JSON. */
	const savedStaticData = () =>
		JSON.parse(JSON.stringify(context.getWorkflowStaticData('node'))) as IDataObject;
	return { context, workflow, warnings, savedStaticData };
}

/** n8n-core's real context for a node's credential test function (its `request` helper). */
export const credentialTestContext = () => new CredentialTestContext();
