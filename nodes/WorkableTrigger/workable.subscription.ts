import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	INodeCredentialTestResult,
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
import { WORKABLE_CANDIDATE_EVENTS } from './workable.schema';

type Address = ApiAddress & { ok: true };

/** What the node keeps in its static data about the subscription it created (saved by n8n after each hook). */
interface WorkableSubscriptionState {
	workableSubscriptionId?: string;
	/** The target, event, filters and address it was created with; reused only for the same. */
	workableSubscriptionSettings?: string;
}

/** A Workable account subdomain (the `groove-tech` of groove-tech.workable.com). */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The subdomain as typed, tolerating a pasted host or URL (https://groove-tech.workable.com/). */
export function workableSubdomain(value: unknown): string | undefined {
	const typed = (typeof value === 'string' ? value : '')
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/\/.*$/, '')
		.replace(/\.workable\.com$/, '');
	return SUBDOMAIN.test(typed) ? typed : undefined;
}

/**
 * Where the key may go, by the shared rule (nodes/shared/apiAddress.ts): Workable's documented
 * address, https://<subdomain>.workable.com/spi/v3, unless the credential's Base URL names
 * another; that one must be the account's Workable host over https, a local test server, or
 * another host only with the credential's visible opt-in.
 */
export function workableApiAddress(credentials: ICredentialDataDecryptedObject): ApiAddress {
	const subdomain = workableSubdomain(credentials.subdomain);
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (subdomain === undefined && configured === '')
		return {
			ok: false,
			reason:
				'Subdomain is missing or not a Workable subdomain (the "groove-tech" of groove-tech.workable.com)',
		};
	const documented = subdomain === undefined ? [] : [`${subdomain}.workable.com`];
	return checkApiAddress(configured === '' ? `https://${documented[0]}/spi/v3` : configured, {
		vendor: 'Workable',
		field: 'Base URL',
		documentedHosts: documented,
		optInLabel: "Allow a Base URL Other Than Workable's",
		allowOtherHost: credentials.allowCustomBaseUrl === true,
	});
}

/** How messages name the address: Workable itself, a local plain-http test server, or another host. */
export const workableAddressLabel = (address: Address): string =>
	apiAddressLabel('Workable', address);

/**
 * Workable's short reason from an error answer ({error} or {message}), at most 200 characters.
 * Callers show it only for Workable's own host; a reason holding a secret is dropped all the same.
 */
function workableReason(body: unknown, secrets: string[]): string {
	const { error, message } = (body ?? {}) as IDataObject;
	const text =
		typeof error === 'string'
			? error
			: typeof message === 'string'
				? message
				: (error as IDataObject | undefined)?.message;
	return shortReason(text, secrets);
}

const secretsOf = (credentials: ICredentialDataDecryptedObject) =>
	[credentials.apiToken, credentials.signingSecret].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);

/** The checked address, or a refusal thrown before anything is sent. */
async function workableAddress(ctx: IHookFunctions) {
	const credentials = await ctx.getCredentials('workableApi');
	const address = workableApiAddress(credentials);
	if (!address.ok)
		throw new NodeOperationError(
			ctx.getNode(),
			`Workable credential refused: ${address.reason}. Nothing was sent to Workable.`,
		);
	return { address, credentials };
}

/**
 * n8n's helpers throw errors that keep the whole request, the token in its Authorization header
 * included (in a non-enumerable cause), so the error thrown from here is built from scratch out
 * of safe facts: the call, the address, the HTTP status or network code, and Workable's short
 * reason only when the answer came from Workable's own host.
 */
function workableFailure(
	ctx: IHookFunctions,
	call: string,
	address: Address,
	credentials: ICredentialDataDecryptedObject,
	error: unknown,
) {
	const status = statusOf(error);
	const where = workableAddressLabel(address);
	if (status === undefined) {
		const code = networkCodeOf(error);
		return new NodeOperationError(
			ctx.getNode(),
			`Workable ${call} failed: could not reach ${where}`,
			{
				description: code ? `Network error ${code}, before any answer.` : 'No answer.',
			},
		);
	}
	const reason = address.documentedHost
		? workableReason(bodyOf(error), secretsOf(credentials))
		: '';
	const hint =
		status === 401 || status === 403
			? ', the API access token was refused or lacks the r_candidates / r_employees scope'
			: status === 409
				? ', a subscription for this URL exists already (delete it in Workable, or switch off Create Subscription on Activation)'
				: '';
	return new NodeOperationError(
		ctx.getNode(),
		`Workable ${call} failed: ${where} answered HTTP ${status}${hint}${reason ? `: ${reason}` : ''}`,
	);
}

async function callWorkable(
	ctx: IHookFunctions,
	method: 'POST' | 'DELETE',
	path: string,
	body?: IDataObject,
	{ notFoundIsDone = false }: { notFoundIsDone?: boolean } = {},
): Promise<IDataObject> {
	const { address, credentials } = await workableAddress(ctx);
	const call = `${method} ${path.startsWith('/subscriptions/') ? '/subscriptions/:id' : path}`;
	const options: IHttpRequestOptions = {
		method,
		url: `${address.baseUrl}${path}`,
		headers: { Accept: 'application/json' },
		...(body === undefined ? {} : { body }),
		json: true,
		// n8n would replay the Authorization header to wherever a redirect points: the token goes
		// only to the address the rule checked.
		disableFollowRedirect: true,
	};
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			'workableApi',
			options,
		)) as unknown;
		return (response !== null && typeof response === 'object' ? response : {}) as IDataObject;
	} catch (error) {
		// Deleting what Workable no longer knows: it is gone all the same.
		if (notFoundIsDone && statusOf(error) === 404) return {};
		throw workableFailure(ctx, call, address, credentials, error);
	}
}

// "Listen for test event" runs these hooks too (mode 'manual', with the test URL): a test listen
// must neither subscribe the test URL nor delete the production subscription.
const isOn = (ctx: IHookFunctions) =>
	!isTestListen(ctx) && ctx.getNodeParameter('createSubscription', true) !== false;

/** The POST /subscriptions body for the node's current parameters, and a fingerprint of them. */
async function subscriptionRequest(ctx: IHookFunctions) {
	const event = String(ctx.getNodeParameter('event', 'candidate_created'));
	const target = ctx.getNodeWebhookUrl('default') as string;
	const body: IDataObject = { target, event };
	if ((WORKABLE_CANDIDATE_EVENTS as readonly string[]).includes(event)) {
		const job = String(ctx.getNodeParameter('jobShortcode', '')).trim();
		const stage = String(ctx.getNodeParameter('stageSlug', '')).trim();
		// Workable: with args, job_shortcode and stage_slug are both required ("" = all), with the
		// account's subdomain. Employee events take no args, so none is sent for them.
		if (job !== '' || stage !== '') {
			const credentials = await ctx.getCredentials('workableApi');
			body.args = {
				account_id: workableSubdomain(credentials.subdomain) ?? '',
				job_shortcode: job,
				stage_slug: stage,
			};
		}
	}
	const { address } = await workableAddress(ctx);
	return { body, settings: JSON.stringify({ ...body, api: address.baseUrl }) };
}

/**
 * The subscription lifecycle (Workable's /subscriptions): activation creates one subscription
 * with this node's production URL as target and keeps its id in the node's static data
 * (written only after Workable confirmed, so a failed call leaves nothing half-registered);
 * deactivation deletes it. A subscription is reused only for the same target, event, filters
 * and address; otherwise the old one is deleted first (Workable refuses a second one for the
 * same target with 409).
 */
export const workableWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const state = this.getWorkflowStaticData('node') as WorkableSubscriptionState;
			if (state.workableSubscriptionId === undefined) return false;
			return state.workableSubscriptionSettings === (await subscriptionRequest(this)).settings;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const { body, settings } = await subscriptionRequest(this);
			const state = this.getWorkflowStaticData('node') as WorkableSubscriptionState;
			if (state.workableSubscriptionId !== undefined) {
				if (state.workableSubscriptionSettings === settings) return true;
				await deleteSubscription(this, state);
			}
			const response = await callWorkable(this, 'POST', '/subscriptions', body);
			const id = response.id;
			if ((typeof id !== 'string' || id === '') && typeof id !== 'number')
				throw new NodeOperationError(
					this.getNode(),
					'Workable POST /subscriptions answered without a subscription id',
				);
			state.workableSubscriptionId = String(id);
			state.workableSubscriptionSettings = settings;
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			if (isTestListen(this)) return true;
			releaseDeliveries(this);
			const state = this.getWorkflowStaticData('node') as WorkableSubscriptionState;
			if (state.workableSubscriptionId === undefined) return true;
			try {
				await deleteSubscription(this, state);
			} catch (error) {
				// Kept, so the next deactivation tries again; n8n logs a false result.
				this.logger.warn(
					`Could not delete Workable subscription ${state.workableSubscriptionId}: ${(error as Error).message}`,
				);
				return false;
			}
			return true;
		},
	},
};

/** DELETE /subscriptions/:id; a subscription Workable no longer knows (404) is gone all the same. */
async function deleteSubscription(ctx: IHookFunctions, state: WorkableSubscriptionState) {
	await callWorkable(
		ctx,
		'DELETE',
		`/subscriptions/${encodeURIComponent(String(state.workableSubscriptionId))}`,
		undefined,
		{ notFoundIsDone: true },
	);
	delete state.workableSubscriptionId;
	delete state.workableSubscriptionSettings;
}

/**
 * Asks Workable whether it accepts the token: GET /subscriptions lists the account's
 * subscriptions and changes nothing. The address passes the same rule as activation first, and
 * the answer's text is repeated only when it came from Workable's own host.
 */
export async function workableApiTokenTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as ICredentialDataDecryptedObject;
	const token = typeof data.apiToken === 'string' ? data.apiToken : '';
	if (token.trim() === '') return { status: 'Error', message: 'API Access Token is empty' };
	if (token !== token.trim())
		return {
			status: 'Error',
			message: 'API Access Token starts or ends with white space; paste it again',
		};
	const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
	if (blank(data.subdomain) && blank(data.baseUrl))
		return {
			status: 'OK',
			message:
				'API Access Token is well-formed; Workable was not contacted: without a Subdomain there is no address to ask. Fill it in and test again.',
		};
	const address = workableApiAddress(data);
	if (!address.ok) return { status: 'Error', message: `${address.reason}. Nothing was sent.` };
	const where = workableAddressLabel(address);
	try {
		// A credential test function gets only `request` from n8n (ICredentialTestFunctions has no httpRequest).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		await this.helpers.request({
			method: 'GET',
			uri: `${address.baseUrl}/subscriptions`,
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			json: true,
			// The token goes only to the checked address, never on to where a redirect points.
			followRedirect: false,
			followAllRedirects: false,
		});
	} catch (error) {
		const status = statusOf(error);
		if (status === undefined) {
			const code = networkCodeOf(error);
			return { status: 'Error', message: `Could not reach ${where}${code ? ` (${code})` : ''}` };
		}
		const reason = address.documentedHost ? workableReason(bodyOf(error), secretsOf(data)) : '';
		return {
			status: 'Error',
			message: `${where} answered HTTP ${status}${status === 401 || status === 403 ? ': the token was refused or lacks the r_candidates / r_employees scope' : ''}${reason ? ` (${reason})` : ''}`,
		};
	}
	return { status: 'OK', message: `${where} accepted the API access token (GET /subscriptions)` };
}
