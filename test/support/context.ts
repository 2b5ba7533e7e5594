/**
 * Runs a node's webhook handler inside n8n-core's real WebhookContext (the class n8n itself
 * uses for production webhooks), over a real n8n-workflow Workflow. Only the outside world
 * is stubbed: the HTTP request/response pair and the credential store. Every logger call the
 * node makes is recorded (and still reaches n8n's real logger), so tests can prove that no
 * secret is ever logged.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
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
import { LoggerProxy, Workflow } from 'n8n-workflow';

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

/** One call of the node's logger: the method (debug, info, warn, error, verbose, …) and its arguments. */
export interface LoggedCall {
	level: string;
	message: unknown;
	metadata: unknown[];
}

/** Every logger call of every context these helpers created and of LoggerProxy, in order; tests may clear it. */
export const loggedCalls: LoggedCall[] = [];

/**
 * n8n's own logger (the one a context's `logger` getter returns), with every method call
 * recorded before it is passed on. Methods are looked up at call time, so a test's spy on the
 * real logger still sees the call; a scoped logger is recorded the same way.
 */
function recordingLogger(logger: object, sink: LoggedCall[]): object {
	// An empty target: n8n's logger makes its disabled levels read-only, and a proxy must
	// return a read-only property of its target unchanged.
	return new Proxy(
		{},
		{
			get(_target, property) {
				const value: unknown = Reflect.get(logger, property);
				if (typeof value !== 'function') return value;
				return (...args: unknown[]) => {
					if (property === 'scoped')
						return recordingLogger(value.apply(logger, args) as object, sink);
					const call = { level: String(property), message: args[0], metadata: args.slice(1) };
					sink.push(call);
					loggedCalls.push(call);
					return value.apply(logger, args) as unknown;
				};
			},
		},
	);
}

// Code that logs through n8n-workflow's LoggerProxy (no context at hand) is recorded too. n8n's
// root logger points LoggerProxy at itself when it is created, so it is created first.
LoggerProxy.init(recordingLogger(Container.get(Logger), []) as Logger);

/** Gives the context a recording logger; must run before anything reads `context.logger` (n8n memoizes it). */
function recordLogs(context: object, sink: LoggedCall[]): void {
	Object.defineProperty(context, 'logger', { value: recordingLogger(Container.get(Logger), sink) });
}

// Only Date is faked: n8n-core and the product may wait on real timers and ticks.
const REAL_TIMER_APIS = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

/** Runs `run` with the clock (Date.now, new Date) standing still at `nowMs`. */
export async function atTime<T>(nowMs: number, run: () => Promise<T>): Promise<T> {
	jest.useFakeTimers({ now: nowMs, doNotFake: [...REAL_TIMER_APIS] });
	try {
		return await run();
	} finally {
		jest.useRealTimers();
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
	/** The client's address as Express gives it (`request.ip`); absent by default. */
	ip?: string;
	/** As n8n does for a content type it keeps no bytes of: no `rawBody` on the request. */
	withoutRawBody?: boolean;
}

/** The node n8n would create for a trigger with these parameters. */
export function triggerNode(
	nodeType: INodeType,
	parameters: INodeParameters = {},
	name?: string,
	id = 'trigger-node',
): INode {
	const description = nodeType.description;
	return {
		id,
		name: name ?? description.defaults.name ?? 'Trigger',
		type: `CUSTOM.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			(description.credentials ?? []).map((credential) => [
				credential.name,
				{ id: 'cred-1', name: 'test' },
			]),
		),
	};
}

/** A real n8n-workflow Workflow over these nodes, each typed by the given node type. */
export function workflowOf(
	id: string,
	nodes: Array<[INode, INodeType]>,
	staticData: IDataObject = {},
): Workflow {
	const byType = new Map(nodes.map(([node, nodeType]) => [node.type, nodeType]));
	const nodeTypes: INodeTypes = {
		getByName: (type) => byType.get(type)!,
		getByNameAndVersion: (type) => byType.get(type)!,
		getKnownTypes: () => ({}),
	};
	return new Workflow({
		id,
		nodes: nodes.map(([node]) => node),
		connections: {},
		active: true,
		nodeTypes,
		staticData,
	});
}

export async function callWebhook(nodeType: INodeType, call: WebhookCall) {
	const description = nodeType.description;
	const workflow =
		call.workflow ??
		workflowOf(
			call.workflowId ?? 'wf-unit',
			[[triggerNode(nodeType, call.parameters ?? {}), nodeType]],
			call.staticData ?? {},
		);
	const node = call.nodeName ? workflow.getNode(call.nodeName)! : Object.values(workflow.nodes)[0];
	const rawBody = Buffer.isBuffer(call.rawBody) ? call.rawBody : Buffer.from(call.rawBody, 'utf8');
	let parsed: unknown = {};
	try {
		parsed = JSON.parse(rawBody.toString('utf8'));
	} catch {
		parsed = {};
	}
	const request = {
		headers: Object.fromEntries(
			Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
		),
		rawBody: call.withoutRawBody ? undefined : rawBody,
		body: parsed,
		params: {},
		query: {},
		...(call.ip === undefined ? {} : { ip: call.ip }),
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
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		call.mode ?? 'webhook',
		webhookData,
		[],
		null,
	);
	const logs: LoggedCall[] = [];
	recordLogs(context, logs);
	const result: IWebhookResponseData = await nodeType.webhook!.call(context);
	return {
		result,
		response,
		workflow,
		credentialsRequested,
		logs,
		items: result.workflowData?.[0] ?? [],
	};
}

/**
 * Runs a trigger's execute step the way n8n does inside the execution a webhook started: in
 * n8n-core's real ExecuteContext, with the webhook's items as the node's input (and, where
 * given, `secondInput` as its second input: the webhook's second output, Not Processed).
 */
export async function executeTrigger(
	nodeType: INodeType,
	workflow: Workflow,
	items: INodeExecutionData[],
	{
		mode = 'webhook',
		nodeName,
		credentials = {},
		secondInput,
	}: {
		mode?: WorkflowExecuteMode;
		nodeName?: string;
		credentials?: Record<string, ICredentialDataDecryptedObject>;
		secondInput?: INodeExecutionData[];
	} = {},
) {
	const node = nodeName ? workflow.getNode(nodeName)! : Object.values(workflow.nodes)[0];
	const inputData = { main: secondInput === undefined ? [items] : [items, secondInput] };
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData = { node, data: inputData, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		{
			credentialsHelper: {
				isCredentialUsableByNode: () => true,
				getDecrypted: async (_data: unknown, _nodeCredentials: unknown, type: string) =>
					credentials[type] ?? {},
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
	recordLogs(context, []);
	return (await nodeType.execute!.call(context)) as INodeExecutionData[][];
}
