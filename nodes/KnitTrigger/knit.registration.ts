import type { IDataObject, IHookFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

const isOn = (ctx: IHookFunctions) => ctx.getNodeParameter('registerWebhook', false) === true;

/** The API base URL comes from the credential (not a node parameter), so only who may use the key decides where it goes. */
export function knitBaseUrl(credentials: { baseUrl?: unknown }) {
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return (configured === '' ? KNIT_API_URL : configured).replace(/\/+$/, '');
}

async function callKnit(ctx: IHookFunctions, path: string, body: IDataObject): Promise<IDataObject> {
	const credentials = await ctx.getCredentials('knitApi');
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${knitBaseUrl(credentials)}/${path}`,
		headers: { 'X-Knit-Integration-Id': String(ctx.getNodeParameter('integrationId', '')) },
		body,
		json: true,
	};
	let response: IDataObject;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'knitApi', options)) as IDataObject;
	} catch (error) {
		throw new NodeApiError(ctx.getNode(), error as JsonObject, { message: `Knit ${path} failed` });
	}
	// Knit can answer 200 with {success: false, error: {...}}.
	if (response?.success === false) {
		const detail = JSON.stringify(response.error ?? response.msg ?? 'no detail');
		throw new NodeApiError(ctx.getNode(), response as JsonObject, { message: `Knit ${path} refused: ${detail}` });
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
				throw new NodeOperationError(this.getNode(), 'Knit Integration ID is required to register the webhook');
			}
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			if (state.knitSyncJobId !== undefined && state.knitSyncSettings === settings) {
				try {
					await callKnit(this, 'sync.resume', { syncJobId: state.knitSyncJobId });
					state.knitSyncPaused = false;
					return true;
				} catch (error) {
					// The job may be gone on Knit's side: start a new one (which reports its own error).
					this.logger.warn(`Could not resume Knit sync ${state.knitSyncJobId}, starting a new one: ${(error as Error).message}`);
				}
			}
			const response = await callKnit(this, 'sync.start', body);
			const syncJobId = (response.data as IDataObject | undefined)?.syncJobId;
			if (typeof syncJobId !== 'string' || syncJobId === '') {
				throw new NodeApiError(this.getNode(), response as JsonObject, {
					message: 'Knit sync.start answered without a syncJobId',
				});
			}
			state.knitSyncJobId = syncJobId;
			state.knitDestination = destination;
			state.knitSyncSettings = settings;
			state.knitSyncPaused = false;
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			if (state.knitSyncJobId === undefined || state.knitSyncPaused === true) return true;
			try {
				await callKnit(this, 'sync.pause', { syncJobId: state.knitSyncJobId });
			} catch (error) {
				// Not marked paused, so the next deactivation tries again; n8n logs a false result.
				this.logger.warn(`Could not pause Knit sync ${state.knitSyncJobId}: ${(error as Error).message}`);
				return false;
			}
			// Keep the job id: the next activation resumes this job.
			state.knitSyncPaused = true;
			return true;
		},
	},
};
