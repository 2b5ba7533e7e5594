import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkApiAddress, type ApiAddress } from '../shared/apiAddress';
import {
	apiAddressLabel,
	bodyOf,
	networkCodeOf,
	shortReason,
	statusOf,
} from '../shared/apiFailure';
import { isTestListen, releaseDeliveries } from '../shared/dedupe';
import { selectedEvents } from '../shared/pipeline';
import { headerValue } from '../shared/signatures';
import type { TriggerVendor } from '../shared/vendor';
import { smartRecruitersEvents } from './smartRecruiters.schema';
import { MAX_KEYS, secretKeysOf, smartRecruitersVerifier } from './smartRecruiters.trigger';

/** SmartRecruiters' API host ("Making API requests with API Key"); the credential's Base URL defaults to it. */
export const SR_API_URL = 'https://api.smartrecruiters.com';
export const SR_API_HOSTS: readonly string[] = ['api.smartrecruiters.com'];
/** The Webhooks Subscription API's path on that host. */
export const SUBSCRIPTIONS_PATH = 'webhooks-api/v201907/subscriptions';
/** The credential type; its `authenticate` sends the API key as X-SmartToken. */
const CREDENTIAL = 'smartRecruitersApi';

/**
 * What the node keeps about its subscription in its static data (n8n saves it with the
 * workflow after each hook). `srSigningKeys` are the keys SmartRecruiters generated for it:
 * secrets, read only by the verifier, never put in an item, a log line or an error.
 */
export interface SubscriptionState {
	srSubscriptionId?: string;
	srCallbackUrl?: string;
	/** The event names subscribed, comma-joined: a subscription is kept only for the same ones. */
	srEvents?: string;
	srSigningKeys?: string[];
}

const stateOf = (context: IHookFunctions | IWebhookFunctions) =>
	context.getWorkflowStaticData('node') as SubscriptionState;

/** The node's Production URL is registered; "Listen for test event" never creates a subscription. */
const isOn = (context: IHookFunctions) =>
	!isTestListen(context) && context.getNodeParameter('createSubscription', true) !== false;

/** The event names to subscribe: the filter's selection, or every documented event for "All Events". */
export function subscribedEvents(selection: unknown): string[] {
	const documented = smartRecruitersEvents.map((event) => String(event.value));
	const selected = selectedEvents(selection);
	return selected === undefined ? documented : selected.filter((name) => !name.endsWith('.*'));
}

/** The shared address rule, with SmartRecruiters' host. */
export function smartRecruitersApiAddress(credentials: {
	baseUrl?: unknown;
	allowCustomBaseUrl?: unknown;
}): ApiAddress {
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return checkApiAddress(configured === '' ? SR_API_URL : configured, {
		vendor: 'SmartRecruiters',
		field: 'Base URL',
		documentedHosts: SR_API_HOSTS,
		optInLabel: "Allow a Base URL Other Than SmartRecruiters'",
		allowOtherHost: credentials.allowCustomBaseUrl === true,
	});
}

const addressLabel = (address: ApiAddress & { ok: true }) =>
	apiAddressLabel('SmartRecruiters', address);

/** SmartRecruiters' short reason ({message} or {errors: [{message}]}), only when it repeats no secret. */
function reasonOf(error: unknown, secrets: string[]): string {
	const record = (bodyOf(error) ?? {}) as IDataObject;
	const first = Array.isArray(record.errors) ? (record.errors[0] as IDataObject) : undefined;
	return shortReason(record.message ?? first?.message, secrets);
}

/**
 * One call to the Webhooks Subscription API. n8n's helpers throw errors that keep the whole
 * request, the X-SmartToken header included, so the error thrown here is built from scratch out
 * of safe facts: the call, the address, the status or network code, and SmartRecruiters' short
 * reason only when its documented host answered.
 */
async function callSmartRecruiters(
	context: IHookFunctions,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
): Promise<IDataObject> {
	const credentials = await context.getCredentials(CREDENTIAL);
	const address = smartRecruitersApiAddress(credentials);
	const call = `${method} /${SUBSCRIPTIONS_PATH}${path}`;
	if (!address.ok) {
		throw new NodeOperationError(
			context.getNode(),
			`SmartRecruiters credential refused: ${address.reason}. Nothing was sent to SmartRecruiters.`,
		);
	}
	const options: IHttpRequestOptions = {
		method,
		url: `${address.baseUrl}/${SUBSCRIPTIONS_PATH}${path}`,
		json: true,
		// n8n would replay the X-SmartToken header wherever a redirect points.
		disableFollowRedirect: true,
		// The activation waits for SmartRecruiters' handshake to this node (up to 20 s).
		timeout: 60_000,
		...(body === undefined ? {} : { body }),
	};
	try {
		const answer = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL,
			options,
		)) as unknown;
		return answer !== null && typeof answer === 'object' ? (answer as IDataObject) : {};
	} catch (error) {
		const status = statusOf(error);
		const where = addressLabel(address);
		if (status === undefined) {
			const code = networkCodeOf(error);
			throw new NodeOperationError(
				context.getNode(),
				`SmartRecruiters ${call} failed: could not reach ${where}`,
				{ description: code ? `Network error ${code}, before any answer.` : 'No answer.' },
			);
		}
		const secrets = [
			typeof credentials.apiKey === 'string' ? credentials.apiKey : '',
			...secretKeysOf(credentials),
			...(stateOf(context).srSigningKeys ?? []),
		];
		const reason = address.documentedHost ? reasonOf(error, secrets) : '';
		const refused = status === 401 || status === 403 ? ', the API key was refused' : '';
		const failure = new NodeOperationError(
			context.getNode(),
			`SmartRecruiters ${call} failed: ${where} answered HTTP ${status}${refused}${reason ? `: ${reason}` : ''}`,
		);
		(failure as { httpStatus?: number }).httpStatus = status;
		throw failure;
	}
}

const httpStatusOf = (error: unknown) => (error as { httpStatus?: number })?.httpStatus;

/**
 * The errors of these calls, as thrown: callSmartRecruiters' own (built from safe facts only).
 * Anything else becomes a message that carries nothing of it.
 */
function asNodeError(context: IHookFunctions, error: unknown): NodeOperationError {
	return error instanceof NodeOperationError
		? error
		: new NodeOperationError(context.getNode(), 'SmartRecruiters subscription call failed');
}

/** The secret key's text in SmartRecruiters' answer to POST …/secret-key. */
function secretKeyOf(answer: IDataObject): string | undefined {
	for (const field of ['secretKey', 'secret', 'key', 'value']) {
		const value = answer[field];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

async function deleteSubscription(context: IHookFunctions, id: string): Promise<void> {
	try {
		await callSmartRecruiters(context, 'DELETE', `/${encodeURIComponent(id)}`);
	} catch (error) {
		// Already gone on SmartRecruiters' side: nothing left to delete.
		if (httpStatusOf(error) !== 404) throw asNodeError(context, error);
	}
}

function forget(state: SubscriptionState): void {
	delete state.srSubscriptionId;
	delete state.srCallbackUrl;
	delete state.srEvents;
	delete state.srSigningKeys;
}

/**
 * The subscription, as SmartRecruiters' Webhooks Subscription API runs it: on activation
 * create it (POST /subscriptions with this node's Production URL and the events), generate
 * its secret key (POST /subscriptions/{id}/secret-key, kept in the node's static data), then
 * activate it (PUT /subscriptions/{id}/activation): SmartRecruiters then POSTs X-Hook-Secret to
 * the URL and expects it echoed within 20 s, which `answerHandshake` does while n8n is still
 * in this hook. On deactivation delete it (DELETE /subscriptions/{id}).
 */
export const smartRecruitersWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const state = stateOf(this);
			return (
				state.srSubscriptionId !== undefined &&
				state.srCallbackUrl === this.getNodeWebhookUrl('default') &&
				state.srEvents === subscribedEvents(this.getNodeParameter('events', ['*'])).join(',')
			);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const state = stateOf(this);
			const callbackUrl = this.getNodeWebhookUrl('default') as string;
			const events = subscribedEvents(this.getNodeParameter('events', ['*']));
			if (events.length === 0) {
				throw new NodeOperationError(this.getNode(), 'Select at least one event to subscribe to');
			}
			if (state.srSubscriptionId !== undefined) {
				// Another URL or other events: the old subscription goes before a new one is made.
				try {
					await deleteSubscription(this, state.srSubscriptionId);
				} catch (error) {
					this.logger.warn(
						`Could not delete the previous SmartRecruiters subscription ${state.srSubscriptionId}: ${(error as Error).message}`,
					);
				}
				forget(state);
			}
			const created = await callSmartRecruiters(this, 'POST', '', { callbackUrl, events });
			const id = typeof created.id === 'string' && created.id !== '' ? created.id : undefined;
			if (id === undefined) {
				throw new NodeOperationError(
					this.getNode(),
					'SmartRecruiters POST /subscriptions answered without a subscription id',
				);
			}
			try {
				const secret = secretKeyOf(
					await callSmartRecruiters(this, 'POST', `/${encodeURIComponent(id)}/secret-key`),
				);
				if (secret === undefined) {
					throw new NodeOperationError(
						this.getNode(),
						'SmartRecruiters generated no secret key for the subscription',
					);
				}
				Object.assign(state, {
					srSubscriptionId: id,
					srCallbackUrl: callbackUrl,
					srEvents: events.join(','),
					srSigningKeys: [secret],
				});
				await callSmartRecruiters(this, 'PUT', `/${encodeURIComponent(id)}/activation`);
			} catch (error) {
				// Not half-registered: the subscription goes, and nothing of it stays in static data.
				forget(state);
				try {
					await deleteSubscription(this, id);
				} catch (cleanup) {
					this.logger.warn(
						`Could not delete SmartRecruiters subscription ${id} after a failed activation: ${(cleanup as Error).message}`,
					);
				}
				throw asNodeError(this, error);
			}
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			if (isTestListen(this)) return true;
			releaseDeliveries(this);
			const state = stateOf(this);
			if (state.srSubscriptionId === undefined) return true;
			try {
				await deleteSubscription(this, state.srSubscriptionId);
			} catch (error) {
				// Kept, so the next deactivation tries again; n8n logs a false result.
				this.logger.warn(
					`Could not delete SmartRecruiters subscription ${state.srSubscriptionId}: ${(error as Error).message}`,
				);
				return false;
			}
			forget(state);
			return true;
		},
	},
};

/** What SmartRecruiters sends as X-Hook-Secret: printable, no spaces; anything else is not echoed. */
const HOOK_SECRET = /^[\x21-\x7e]{1,512}$/;

type ResponseLike = {
	status(code: number): { json(body: unknown): unknown };
	setHeader(name: string, value: string): unknown;
};

/**
 * SmartRecruiters' activation handshake: a POST carrying X-Hook-Secret, answered 200 with the
 * same header. It starts nothing and reads no credential; echoing a value the caller chose
 * tells nobody anything. Undefined for every other request.
 */
export function answerHandshake(context: IWebhookFunctions): IWebhookResponseData | undefined {
	const request = context.getRequestObject() as unknown as {
		headers: Record<string, string | string[] | undefined>;
	};
	const secret = headerValue(request.headers ?? {}, 'x-hook-secret');
	if (secret === undefined) return undefined;
	const response = context.getResponseObject() as unknown as ResponseLike;
	if (!HOOK_SECRET.test(secret)) {
		response.status(400).json({ error: 'bad_request', reason: 'malformed X-Hook-Secret header' });
		return { noWebhookResponse: true };
	}
	response.setHeader('X-Hook-Secret', secret);
	response.status(200).json({ handshake: true });
	return { noWebhookResponse: true };
}

/** The trigger with the keys its subscription generated (static data) added to the credential's. */
export function withGeneratedKeys(
	context: IWebhookFunctions,
	trigger: TriggerVendor,
): TriggerVendor {
	const keys = stateOf(context).srSigningKeys;
	const generated = Array.isArray(keys)
		? keys.filter((key): key is string => typeof key === 'string').slice(0, MAX_KEYS)
		: [];
	return generated.length === 0
		? trigger
		: { ...trigger, verify: smartRecruitersVerifier(generated) };
}
