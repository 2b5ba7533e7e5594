/**
 * Runs a node's webhook handler inside n8n-core's real WebhookContext (the class n8n itself
 * uses for production webhooks), over a real n8n-workflow Workflow. Only the outside world
 * is stubbed: the HTTP request/response pair and the credential store.
 */
import { ExecuteContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

export class RecordedResponse {
	statusCode = 200;
	body: unknown;
	sent = false;
	headers: Record<string, string> = {};
	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}
	status(code: number) {
		this.statusCode = code;
		return this;
	}
	json(body: unknown) {
		this.body = body;
		this.sent = true;
		return this;
	}
}

export interface WebhookCall {
	parameters?: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	headers?: Record<string, string>;
	rawBody: Buffer | string;
	staticData?: IDataObject;
	workflowId?: string;
}

export async function callWebhook(nodeType: INodeType, call: WebhookCall) {
	const description = nodeType.description;
	const node: INode = {
		id: 'trigger-node',
		name: description.defaults.name ?? 'Trigger',
		type: `CUSTOM.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: call.parameters ?? {},
		credentials: Object.fromEntries(
			(description.credentials ?? []).map((credential) => [credential.name, { id: 'cred-1', name: 'test' }]),
		),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: call.workflowId ?? 'wf-unit',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: call.staticData ?? {},
	});
	const rawBody = Buffer.isBuffer(call.rawBody) ? call.rawBody : Buffer.from(call.rawBody, 'utf8');
	let parsed: unknown = {};
	try {
		parsed = JSON.parse(rawBody.toString('utf8'));
	} catch {
		parsed = {};
	}
	const request = {
		headers: Object.fromEntries(Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
		rawBody,
		body: parsed,
		params: {},
		query: {},
	};
	const response = new RecordedResponse();
	const credentialsRequested: string[] = [];
	const additionalData = {
		httpRequest: request,
		httpResponse: response,
		credentialsHelper: {
			isCredentialUsableByNode: () => true,
			getDecrypted: async (_data: unknown, _nodeCredentials: unknown, type: string) => {
				credentialsRequested.push(type);
				return call.credentials ?? {};
			},
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		webhookDescription: description.webhooks![0],
		httpMethod: 'POST',
		path: 'webhook',
		node: node.name,
		workflowId: workflow.id,
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const result: IWebhookResponseData = await nodeType.webhook!.call(context);
	return { result, response, workflow, credentialsRequested, items: result.workflowData?.[0] ?? [] };
}

/**
 * Runs a trigger's execute step the way n8n does inside the execution a webhook started: in
 * n8n-core's real ExecuteContext, with the webhook's items as the node's input.
 */
export async function executeTrigger(nodeType: INodeType, workflow: Workflow, items: INodeExecutionData[]) {
	const node = Object.values(workflow.nodes)[0];
	const inputData = { main: [items] };
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData = { node, data: inputData, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		{} as IWorkflowExecuteAdditionalData,
		'webhook',
		runExecutionData,
		0,
		items,
		inputData,
		executeData,
		[],
	);
	return (await nodeType.execute!.call(context)) as INodeExecutionData[][];
}
