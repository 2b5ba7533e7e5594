import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { knitBaseUrl } from './knit.registration';

const statusOf = (error: unknown): number | undefined => {
	const e = error as { statusCode?: unknown; httpCode?: unknown; response?: { status?: unknown; statusCode?: unknown } };
	const status = Number(e?.statusCode ?? e?.response?.status ?? e?.response?.statusCode ?? e?.httpCode);
	return Number.isInteger(status) && status > 0 ? status : undefined;
};

/** Knit's short reason from an answer body ({success: false, error: {msg}} or {msg}); never echoes a header. */
const reasonOf = (body: unknown): string => {
	const record = (typeof body === 'string' ? safeParse(body) : body) as IDataObject | undefined;
	const error = record?.error as IDataObject | string | undefined;
	const text = typeof error === 'string' ? error : (error?.msg ?? error?.message ?? record?.msg ?? record?.message);
	return typeof text === 'string' ? text.slice(0, 200) : '';
};
const safeParse = (text: string) => {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
};

/**
 * Asks Knit whether it accepts the key, with the one call Knit's document describes: sync.start,
 * sent with no integration ID and no body, so it cannot start anything. Knit answering 401 or
 * 403 means the key is refused; any other answer (typically that the integration ID is missing)
 * means Knit got past the key.
 */
export async function knitApiKeyTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey : '';
	if (apiKey.trim() === '') return { status: 'Error', message: 'API Key is empty' };
	if (apiKey !== apiKey.trim()) return { status: 'Error', message: 'API Key starts or ends with white space; paste it again' };
	const baseUrl = knitBaseUrl(data);
	let status: number | undefined;
	let body: unknown;
	try {
		// A credential test function gets only `request` from n8n (ICredentialTestFunctions has no httpRequest).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		body = await this.helpers.request({
			method: 'POST',
			uri: `${baseUrl}/sync.start`,
			headers: { Authorization: `Bearer ${apiKey}` },
			body: {},
			json: true,
		});
		status = 200;
	} catch (error) {
		status = statusOf(error);
		body = (error as { error?: unknown; response?: { body?: unknown; data?: unknown } }).error ??
			(error as { response?: { body?: unknown; data?: unknown } }).response?.data ??
			(error as { response?: { body?: unknown } }).response?.body;
		if (status === undefined) {
			return { status: 'Error', message: `Could not reach Knit at ${baseUrl}: ${(error as Error).message}` };
		}
	}
	const reason = reasonOf(body);
	if (status === 401 || status === 403) {
		return { status: 'Error', message: `Knit refused the API key (HTTP ${status}${reason ? `: ${reason}` : ''})` };
	}
	if (status === 200 && (body as IDataObject | undefined)?.success === false && /auth|api key|token/i.test(reason)) {
		return { status: 'Error', message: `Knit refused the API key: ${reason}` };
	}
	return {
		status: 'OK',
		message: `Knit accepted the API key (it answered HTTP ${status}${reason ? `: ${reason}` : ''} to a sync.start without an integration ID, which starts nothing)`,
	};
}
