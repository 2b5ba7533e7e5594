import type { IDataObject, IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';
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

/** The address in Knit's document (its sync.start example); the credential's Base URL defaults to it. */
export const KNIT_API_URL = 'https://api.getknit.dev/v1.0';

/** What the node keeps in its static data about the sync it started (saved by n8n after each hook). */
interface KnitSyncState {
	knitSyncJobId?: string;
	knitDestination?: string;
	/** The settings the job was started with; a job is reused only for the same settings. */
	knitSyncSettings?: string;
	/** True after deactivation paused the job: the next activation resumes it. */
	knitSyncPaused?: boolean;
}

// "Listen for test event" runs these hooks too (mode 'manual', with the test URL). A Knit sync is
// the production registration: a test listen must neither start one towards the test URL nor
// pause the production job when it stops listening. The simulator sends test events instead.
const isOn = (ctx: IHookFunctions) =>
	!isTestListen(ctx) && ctx.getNodeParameter('registerWebhook', false) === true;

/** Knit's documented API host (its document's only address): the one whose answers may be shown. */
export const KNIT_API_HOSTS: readonly string[] = ['api.getknit.dev'];

/**
 * The API address comes from the credential (not a node parameter), so only who may use the key
 * decides where it goes, and only within the shared rule: Knit's host over https, a local test
 * server, or another host when the credential's visible opt-in says so.
 */
export function knitApiAddress(credentials: {
	baseUrl?: unknown;
	allowCustomBaseUrl?: unknown;
}): ApiAddress {
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return checkApiAddress(configured === '' ? KNIT_API_URL : configured, {
		vendor: 'Knit',
		field: 'Base URL',
		documentedHosts: KNIT_API_HOSTS,
		optInLabel: "Allow a Base URL Other Than Knit's",
		allowOtherHost: credentials.allowCustomBaseUrl === true,
	});
}

/** How messages name the address: Knit itself, a local plain-http test server, or another host. */
export const knitAddressLabel = (address: ApiAddress & { ok: true }) =>
	apiAddressLabel('Knit', address);

/**
 * Knit's short reason from an answer body ({success: false, error: {msg}} or {msg}). Callers show
 * it only for Knit's documented host; a reason that repeats the key is dropped all the same.
 */
export function knitReason(body: unknown, apiKey: string): string {
	const record = body as IDataObject | undefined;
	const error = record?.error as IDataObject | string | undefined;
	const text =
		typeof error === 'string'
			? error
			: (error?.msg ?? error?.message ?? record?.msg ?? record?.message);
	return shortReason(text, [apiKey]);
}

/** The checked address, or a refusal thrown before anything is sent. */
async function knitAddress(ctx: IHookFunctions) {
	const credentials = await ctx.getCredentials('knitApi');
	const address = knitApiAddress(credentials);
	if (!address.ok) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Knit credential refused: ${address.reason}. Nothing was sent to Knit.`,
		);
	}
	return { address, apiKey: typeof credentials.apiKey === 'string' ? credentials.apiKey : '' };
}

/**
 * n8n's helpers throw errors that keep the whole request, the key in its Authorization header
 * included (in a non-enumerable cause), so the error thrown from here is built from scratch out
 * of safe facts: the call, the address, the HTTP status or network code, and Knit's short reason
 * only when the answer came from Knit's documented host.
 */
function knitFailure(
	ctx: IHookFunctions,
	path: string,
	address: ApiAddress & { ok: true },
	apiKey: string,
	error: unknown,
) {
	const status = statusOf(error);
	const where = knitAddressLabel(address);
	if (status === undefined) {
		// In the description: n8n replaces a message that names a network code with a generic one.
		const code = networkCodeOf(error);
		return new NodeOperationError(ctx.getNode(), `Knit ${path} failed: could not reach ${where}`, {
			description: code ? `Network error ${code}, before any answer.` : 'No answer.',
		});
	}
	const reason = address.documentedHost ? knitReason(bodyOf(error), apiKey) : '';
	const refusedKey = status === 401 || status === 403 ? ', the API key was refused' : '';
	return new NodeOperationError(
		ctx.getNode(),
		`Knit ${path} failed: ${where} answered HTTP ${status}${refusedKey}${reason ? `: ${reason}` : ''}`,
	);
}

async function callKnit(
	ctx: IHookFunctions,
	path: string,
	body: IDataObject,
): Promise<IDataObject> {
	const { address, apiKey } = await knitAddress(ctx);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${address.baseUrl}/${path}`,
		headers: { 'X-Knit-Integration-Id': String(ctx.getNodeParameter('integrationId', '')) },
		body,
		json: true,
		// n8n would replay the Authorization header to wherever a redirect points: the key goes
		// only to the address the rule checked.
		disableFollowRedirect: true,
	};
	let response: IDataObject | undefined;
	let failure: unknown;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			'knitApi',
			options,
		)) as IDataObject;
	} catch (error) {
		failure = error;
	}
	if (response === undefined) throw knitFailure(ctx, path, address, apiKey, failure);
	// Knit can answer 200 with {success: false, error: {...}}.
	if (response?.success === false) {
		const reason = address.documentedHost ? knitReason(response, apiKey) : '';
		throw new NodeOperationError(
			ctx.getNode(),
			`Knit ${path} refused: ${knitAddressLabel(address)} answered success: false${reason ? `: ${reason}` : ''}`,
		);
	}
	return response;
}

/** The sync.start body for the node's current parameters, and a fingerprint of them. */
function syncRequest(ctx: IHookFunctions) {
	const integrationId = String(ctx.getNodeParameter('integrationId', '')).trim();
	const destination = ctx.getNodeWebhookUrl('default') as string;
	const body = {
		models: String(ctx.getNodeParameter('models', ''))
			.split(',')
			.map((model) => model.trim())
			.filter((model) => model !== ''),
		frequency: ctx.getNodeParameter('frequency', 'standard') as string,
		destination,
		dataType: ctx.getNodeParameter('dataType', 'ats_applications') as string,
	};
	return { integrationId, body, destination, settings: JSON.stringify({ integrationId, ...body }) };
}

/**
 * Opt-in self-registration. Knit's document has one call, sync.start, whose answer carries
 * the syncJobId to keep "for tracking the sync status and runs". The node keeps that id in
 * its static data (written only after Knit confirmed, so a failed call leaves nothing
 * half-registered) and reuses the job: deactivating pauses it (sync.pause), activating again
 * resumes it (sync.resume) instead of starting a second job and leaving the first paused. A
 * job is reused only for the same destination and settings; otherwise a new one starts.
 */
export const knitWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			return (
				state.knitSyncJobId !== undefined &&
				state.knitSyncPaused !== true &&
				state.knitSyncSettings === syncRequest(this).settings
			);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const { integrationId, body, destination, settings } = syncRequest(this);
			if (integrationId === '') {
				throw new NodeOperationError(
					this.getNode(),
					'Knit Integration ID is required to register the webhook',
				);
			}
			// A refused address fails activation here, not as a failed resume followed by a start.
			await knitAddress(this);
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			if (state.knitSyncJobId !== undefined && state.knitSyncSettings === settings) {
				try {
					await callKnit(this, 'sync.resume', { syncJobId: state.knitSyncJobId });
					state.knitSyncPaused = false;
					return true;
				} catch (error) {
					// The job may be gone on Knit's side: start a new one (which reports its own error).
					this.logger.warn(
						`Could not resume Knit sync ${state.knitSyncJobId}, starting a new one: ${(error as Error).message}`,
					);
				}
			}
			const response = await callKnit(this, 'sync.start', body);
			const syncJobId = (response.data as IDataObject | undefined)?.syncJobId;
			if (typeof syncJobId !== 'string' || syncJobId === '') {
				throw new NodeOperationError(
					this.getNode(),
					'Knit sync.start answered without a syncJobId',
				);
			}
			state.knitSyncJobId = syncJobId;
			state.knitDestination = destination;
			state.knitSyncSettings = settings;
			state.knitSyncPaused = false;
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			if (isTestListen(this)) return true;
			releaseDeliveries(this);
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			if (state.knitSyncJobId === undefined || state.knitSyncPaused === true) return true;
			try {
				await callKnit(this, 'sync.pause', { syncJobId: state.knitSyncJobId });
			} catch (error) {
				// Not marked paused, so the next deactivation tries again; n8n logs a false result.
				this.logger.warn(
					`Could not pause Knit sync ${state.knitSyncJobId}: ${(error as Error).message}`,
				);
				return false;
			}
			// Keep the job id: the next activation resumes this job.
			state.knitSyncPaused = true;
			return true;
		},
	},
};
