import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { claimDelivery, confirmDeliveries, type DedupeOptions } from './dedupe';
import { manualWebhookMethods, TOLERANCE_SECONDS } from './description';
import { METADATA_KEY, type AtsMetadata } from './metadata';
import {
	answerNotProcessed,
	notProcessedOutputOf,
	type NotProcessedDelivery,
} from './notProcessed';
import { rejected, type VerifyRequest, type VerifyResult } from './signatures';
import { envelopeOf, type RequestField, type TriggerVendor, type Vendor } from './vendor';

export interface TriggerOptions extends DedupeOptions {
	toleranceSeconds?: unknown;
	emitTestEvents?: boolean;
}

export { TOLERANCE_SECONDS };

/**
 * The replay window to apply. A workflow imported or written through n8n's API can hold any
 * value here ("x", NaN, 1e12): a value that is not a number gets the default and a number is
 * clamped to the editor's range, so no stored value widens the window beyond what the editor
 * allows.
 */
export function toleranceSecondsOf(value: unknown): number {
	const seconds =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	if (!Number.isFinite(seconds)) return TOLERANCE_SECONDS.default;
	return Math.min(TOLERANCE_SECONDS.max, Math.max(TOLERANCE_SECONDS.min, seconds));
}

type RequestLike = {
	rawBody?: unknown;
	body?: unknown;
	headers: Record<string, string | string[] | undefined>;
	ip?: string;
	socket?: { remoteAddress?: string };
};
type ResponseLike = {
	status(code: number): { json(body: unknown): unknown };
	setHeader(name: string, value: string): unknown;
};

const MAX_ISSUES = 20;

/** The bytes as sent; undefined where n8n kept none (it keeps none for some content types). */
function rawBodyOf(request: RequestLike): Buffer | undefined {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.rawBody === 'string') return Buffer.from(request.rawBody, 'utf8');
	return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

type FieldSource = { field: string; header?: string; parameter?: string };
const fieldSourcesOf = new WeakMap<Record<string, RequestField>, FieldSource[]>();

/** The vendor's requestFields as a list, header names in lower case, made once per vendor. */
function fieldSources(fields: Record<string, RequestField>): FieldSource[] {
	let sources = fieldSourcesOf.get(fields);
	if (sources === undefined) {
		sources = Object.entries(fields).map(([field, source]) =>
			'header' in source
				? { field, header: source.header.toLowerCase() }
				: { field, parameter: source.parameter },
		);
		fieldSourcesOf.set(fields, sources);
	}
	return sources;
}

/**
 * Adds the vendor's `requestFields` to the body the pipeline parsed; a field the body has already
 * is kept as sent. In place: the body is this request's own parse, and a spread copy that then
 * gains fields cost more than the signature check (npm run bench).
 */
export function withRequestFields(
	fields: Record<string, RequestField>,
	headers: RequestLike['headers'],
	parameterOf: (name: string) => unknown,
	body: Record<string, unknown>,
): Record<string, unknown> {
	for (const { field, header, parameter } of fieldSources(fields)) {
		if (Object.prototype.hasOwnProperty.call(body, field)) continue;
		const value = header !== undefined ? headers[header] : parameterOf(parameter as string);
		const first = Array.isArray(value) ? value[0] : value;
		if (typeof first === 'string' && first !== '') body[field] = first;
	}
	return body;
}

/** Which event types the user selected; undefined means all. Accepts a list or comma text. */
export function selectedEvents(value: unknown): string[] | undefined {
	const list = Array.isArray(value)
		? value.map(String)
		: typeof value === 'string'
			? value.split(',')
			: [];
	const events = list.map((event) => event.trim()).filter((event) => event !== '');
	return events.length === 0 || events.includes('*') ? undefined : events;
}

/** Whether the user's event filter selects this event type: exactly, or by a `resource.*` pattern. */
function eventSelected(selected: string[], eventType: string): boolean {
	return selected.some(
		(entry) =>
			entry === eventType || (entry.endsWith('.*') && eventType.startsWith(entry.slice(0, -1))),
	);
}

/**
 * The one webhook pipeline every trigger uses:
 * raw body → verify → parse → validate → filter → dedupe → emit.
 * Each step answers bad input itself (401/400/200) so nothing throws to n8n (which would
 * answer 500 and record a failed execution).
 */
export async function receiveVendorWebhook(
	this: IWebhookFunctions,
	trigger: TriggerVendor,
	{ authenticate = true }: { authenticate?: boolean } = {},
): Promise<IWebhookResponseData> {
	const { vendor } = trigger;
	const nowMs = Date.now();
	const request = this.getRequestObject() as unknown as RequestLike;
	const sentBytes = rawBodyOf(request);
	const rawBody = sentBytes ?? Buffer.alloc(0);
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const notProcessed = async (
		delivery: Omit<NotProcessedDelivery, 'rawBody' | 'nowMs' | 'clientAddress' | 'answer'> & {
			answer?: IDataObject;
		},
	) =>
		await answerNotProcessed.call(this, vendor, {
			answer: {
				error: delivery.status === 401 ? 'unauthorized' : 'bad_request',
				reason: delivery.reason,
			},
			...delivery,
			rawBody,
			nowMs,
			clientAddress: request.ip ?? request.socket?.remoteAddress,
		});

	// Only a node of a vendor that allows unauthenticated webhooks passes authenticate: false.
	let body: unknown;
	if (authenticate) {
		const credentials = await credentialsOf(this, vendor);
		if (credentials === 'unavailable') {
			// n8n could not load it (its database is stopping or down): a server error the vendor
			// retries, not a 401, which some vendors (Ashby) never retry.
			this.logger.warn(
				`${vendor.displayName} trigger: credential could not be loaded, answered 503`,
			);
			(this.getResponseObject() as unknown as ResponseLike)
				.status(503)
				.json({ error: 'unavailable', reason: 'credential could not be loaded; retry later' });
			return { noWebhookResponse: true };
		}
		if (credentials === undefined) {
			return await notProcessed({
				outcome: 'rejected',
				status: 401,
				reason: "no credential: select or recreate this trigger's credential",
				verified: false,
			});
		}
		// Without the bytes as sent nothing can be verified: say why, rather than "signature mismatch".
		if (sentBytes === undefined) {
			return await notProcessed({
				outcome: 'rejected',
				status: 401,
				reason:
					'no request body to verify (n8n keeps none for this Content-Type; send application/json)',
				verified: false,
			});
		}
		const result = safeVerify(trigger, {
			rawBody,
			headers: request.headers ?? {},
			credentials,
			nowMs,
			toleranceSeconds: toleranceSecondsOf(options.toleranceSeconds),
		});
		if (!result.ok)
			return await notProcessed({
				outcome: 'rejected',
				status: 401,
				reason: result.reason,
				verified: false,
			});
		body = result.body;
	}

	try {
		body ??= JSON.parse(rawBody.toString('utf8'));
	} catch {
		return await notProcessed({
			outcome: 'notJson',
			status: 400,
			reason: 'body is not JSON',
			verified: authenticate,
		});
	}

	if (trigger.requestFields !== undefined && isRecord(body))
		body = withRequestFields(
			trigger.requestFields,
			request.headers ?? {},
			(name) => this.getNodeParameter(name, ''),
			body,
		);
	const envelope = envelopeOf(vendor, body);
	const { eventType, eventId } = envelope;
	const known =
		eventType !== undefined &&
		(trigger.eventList === 'open' || trigger.events.some((event) => event.value === eventType));
	const selected = selectedEvents(this.getNodeParameter('events', '*'));
	// Unknown types pass the filter: the user could not have chosen them, and we never drop them.
	if (selected && known && !eventSelected(selected, eventType)) {
		const answer = { received: true, ignored: 'event type not selected' };
		return await notProcessed({
			outcome: 'filtered',
			status: trigger.acceptedStatus ?? 200,
			reason: answer.ignored,
			answer,
			verified: authenticate,
			eventType,
			eventId,
			body,
		});
	}
	if (
		eventType !== undefined &&
		eventType === trigger.testEventType &&
		options.emitTestEvents !== true
	) {
		return { webhookResponse: { received: true, test: true } };
	}

	const { deliveryKey, isNew } = await claimDelivery.call(this, vendor, {
		envelope,
		rawBody,
		verified: authenticate,
		nowMs,
	});
	if (!isNew) {
		const answer = { received: true, duplicate: true };
		return await notProcessed({
			outcome: 'duplicate',
			status: trigger.acceptedStatus ?? 200,
			reason: 'redelivery of an event that already started the workflow',
			answer,
			verified: authenticate,
			eventType,
			eventId,
			deliveryKey,
			body,
		});
	}

	const validation = vendor.schema.safeParse(body);
	const metadata: AtsMetadata = {
		vendor: vendor.key,
		eventType: eventType ?? null,
		eventId: eventId ?? null,
		deliveryKey,
		receivedAt: new Date(nowMs).toISOString(),
		verified: authenticate,
		valid: validation.success,
		issues: validation.success
			? []
			: validation.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
					path: issue.path.map(String).join('.'),
					code: issue.code,
					message: issue.message,
				})),
	};
	const json = isRecord(body)
		? { ...body, [METADATA_KEY]: metadata }
		: { body, [METADATA_KEY]: metadata };
	// n8n answers with the webhook description's static ACCEPTED_BODY, sent as text: label it.
	(this.getResponseObject() as unknown as ResponseLike).setHeader(
		'Content-Type',
		'application/json; charset=utf-8',
	);
	return { workflowData: [[{ json: json as IDataObject }]] };
}

/**
 * The trigger's execute step: n8n runs it inside every execution a webhook started, with the
 * webhook's items as input. Reaching it proves the execution exists, so it confirms the
 * deliveries' dedupe claims (see `confirmDeliveries`), then passes the items on.
 */
export async function rememberDeliveries(
	this: IExecuteFunctions,
	vendor: Vendor,
): Promise<INodeExecutionData[][]> {
	const notProcessed = notProcessedOutputOf(this, vendor);
	const items = this.getInputData();
	await confirmDeliveries.call(this, vendor);
	const events = items.map((item, index) => ({ ...item, pairedItem: { item: index } }));
	return notProcessed === undefined ? [events] : [events, notProcessed];
}

// What n8n throws when no credential is selected (n8n-core) or the selected one was deleted.
const NO_CREDENTIAL =
	/does not have any credentials|Credentials not found|does not exist for type|was not found/;

/**
 * The vendor credential; undefined where none is set or it was deleted (bad configuration, which
 * the caller answers 401, never 500); 'unavailable' where n8n failed to load it for another
 * reason (a database error: the caller answers 503, which vendors retry).
 */
async function credentialsOf(
	context: IWebhookFunctions,
	vendor: Vendor,
): Promise<ICredentialDataDecryptedObject | undefined | 'unavailable'> {
	try {
		return (await context.getCredentials(vendor.credentialType)) as ICredentialDataDecryptedObject;
	} catch (error) {
		return NO_CREDENTIAL.test(String((error as Error)?.message)) ? undefined : 'unavailable';
	}
}

/** A verifier bug must not become a 500: treat it as an unverifiable request. */
function safeVerify(trigger: TriggerVendor, request: VerifyRequest): VerifyResult {
	try {
		return trigger.verify(request);
	} catch {
		return rejected('signature could not be checked');
	}
}

/**
 * What n8n calls on a trigger node, with its own context as `this`: the webhook handler, the
 * execute step inside the execution it started, and the webhook's create/delete hooks.
 * `authenticate` is for a vendor that allows unauthenticated webhooks (KeldairHR): the node's
 * parameter decides.
 */
export function triggerCalls(
	trigger: TriggerVendor,
	{
		authenticate,
		webhookMethods = manualWebhookMethods,
	}: {
		authenticate?: (context: IWebhookFunctions) => boolean;
		webhookMethods?: typeof manualWebhookMethods;
	} = {},
) {
	return {
		webhookMethods,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return await rememberDeliveries.call(this, trigger.vendor);
		},
		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			return await receiveVendorWebhook.call(this, trigger, {
				authenticate: authenticate?.(this) ?? true,
			});
		},
	};
}
