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
	WorkflowExecuteMode,
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
	/** 'manual' is how n8n runs the editor's "Listen for test event" deliveries. */
	mode?: WorkflowExecuteMode;
	/** Deliver to this node of an existing workflow (several triggers in one workflow). */
	workflow?: Workflow;
	nodeName?: string;
	/** Credentials of other types than the vendor's (e.g. the Redis dedupe store's). */
	otherCredentials?: Record<string, ICredentialDataDecryptedObject>;
}

/** The node n8n would create for a trigger with these parameters. */
export function triggerNode(nodeType: INodeType, parameters: INodeParameters = {}, name?: string, id = 'trigger-node'): INode {
	const description = nodeType.description;
	return {
		id,
		name: name ?? description.defaults.name ?? 'Trigger',
		type: `CUSTOM.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			(description.credentials ?? []).map((credential) => [credential.name, { id: 'cred-1', name: 'test' }]),
		),
	};
}

/** A real n8n-workflow Workflow over these nodes, each typed by the given node type. */
export function workflowOf(id: string, nodes: Array<[INode, INodeType]>, staticData: IDataObject = {}): Workflow {
	const byType = new Map(nodes.map(([node, nodeType]) => [node.type, nodeType]));
	const nodeTypes: INodeTypes = {
		getByName: (type) => byType.get(type)!,
		getByNameAndVersion: (type) => byType.get(type)!,
		getKnownTypes: () => ({}),
	};
	return new Workflow({ id, nodes: nodes.map(([node]) => node), connections: {}, active: true, nodeTypes, staticData });
}

export async function callWebhook(nodeType: INodeType, call: WebhookCall) {
	const description = nodeType.description;
	const workflow =
		call.workflow ??
		workflowOf(call.workflowId ?? 'wf-unit', [[triggerNode(nodeType, call.parameters ?? {}), nodeType]], call.staticData ?? {});
	const node = call.nodeName ? workflow.getNode(call.nodeName)! : Object.values(workflow.nodes)[0];
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
				return call.otherCredentials?.[type] ?? call.credentials ?? {};
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
	const context = new WebhookContext(workflow, node, additionalData, call.mode ?? 'webhook', webhookData, [], null);
	const result: IWebhookResponseData = await nodeType.webhook!.call(context);
	return { result, response, workflow, credentialsRequested, items: result.workflowData?.[0] ?? [] };
}

/**
 * Runs a trigger's execute step the way n8n does inside the execution a webhook started: in
 * n8n-core's real ExecuteContext, with the webhook's items as the node's input.
 */
export async function executeTrigger(
	nodeType: INodeType,
	workflow: Workflow,
	items: INodeExecutionData[],
	{
		mode = 'webhook',
		nodeName,
		credentials = {},
	}: { mode?: WorkflowExecuteMode; nodeName?: string; credentials?: Record<string, ICredentialDataDecryptedObject> } = {},
) {
	const node = nodeName ? workflow.getNode(nodeName)! : Object.values(workflow.nodes)[0];
	const inputData = { main: [items] };
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData = { node, data: inputData, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		{
			credentialsHelper: {
				isCredentialUsableByNode: () => true,
				getDecrypted: async (_data: unknown, _nodeCredentials: unknown, type: string) => credentials[type] ?? {},
			},
		} as unknown as IWorkflowExecuteAdditionalData,
		mode,
		runExecutionData,
		0,
		items,
		inputData,
		executeData,
		[],
	);
	return (await nodeType.execute!.call(context)) as INodeExecutionData[][];
}
