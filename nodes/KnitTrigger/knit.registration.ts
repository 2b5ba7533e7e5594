import type { IDataObject, IHookFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export const KNIT_API_URL = 'https://api.getknit.dev/v1.0';

interface KnitSyncState {
	knitSyncJobId?: string;
	knitDestination?: string;
}

const isOn = (ctx: IHookFunctions) => ctx.getNodeParameter('registerWebhook', false) === true;

async function callKnit(ctx: IHookFunctions, path: string, body: IDataObject): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${String(ctx.getNodeParameter('knitApiUrl', KNIT_API_URL)).replace(/\/+$/, '')}/${path}`,
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

/**
 * Opt-in self-registration: on activation start a Knit sync whose destination is this
 * webhook; on deactivation pause it. The sync job id lives in the node's static data and
 * is written only after Knit confirmed, so a failed call leaves nothing half-registered.
 */
export const knitWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			return state.knitSyncJobId !== undefined && state.knitDestination === this.getNodeWebhookUrl('default');
		},
		async create(this: IHookFunctions): Promise<boolean> {
			if (!isOn(this)) return true;
			const integrationId = String(this.getNodeParameter('integrationId', '')).trim();
			if (integrationId === '') {
				throw new NodeOperationError(this.getNode(), 'Knit Integration ID is required to register the webhook');
			}
			const destination = this.getNodeWebhookUrl('default') as string;
			const models = String(this.getNodeParameter('models', ''))
				.split(',')
				.map((model) => model.trim())
				.filter((model) => model !== '');
			const response = await callKnit(this, 'sync.start', {
				models,
				frequency: this.getNodeParameter('frequency', 'standard') as string,
				destination,
				dataType: this.getNodeParameter('dataType', 'ats_applications') as string,
			});
			const syncJobId = (response.data as IDataObject | undefined)?.syncJobId;
			if (typeof syncJobId !== 'string' || syncJobId === '') {
				throw new NodeApiError(this.getNode(), response as JsonObject, {
					message: 'Knit sync.start answered without a syncJobId',
				});
			}
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			state.knitSyncJobId = syncJobId;
			state.knitDestination = destination;
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const state = this.getWorkflowStaticData('node') as KnitSyncState;
			if (state.knitSyncJobId === undefined) return true;
			try {
				await callKnit(this, 'sync.pause', { syncJobId: state.knitSyncJobId });
			} catch (error) {
				// Keep the id so the next deactivation tries again; n8n logs a false result.
				this.logger.warn(`Could not pause Knit sync ${state.knitSyncJobId}: ${(error as Error).message}`);
				return false;
			}
			delete state.knitSyncJobId;
			delete state.knitDestination;
			return true;
		},
	},
};
