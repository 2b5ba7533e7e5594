import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { bodyOf, networkCodeOf, statusOf } from '../shared/apiFailure';
import { knitAddressLabel, knitApiAddress, knitReason } from './knit.registration';

/**
 * Asks Knit whether it accepts the key, with the one call Knit's document describes: sync.start,
 * sent with no integration ID and no body, so it cannot start anything. Knit answering 401 or
 * 403 means the key is refused; any other answer (typically that the integration ID is missing)
 * means Knit got past the key. The address passes the same rule as activation first, and the
 * result repeats text from the answer only when it came from Knit's documented host: another
 * host could put anything there, the Authorization header it received included.
 */
export async function knitApiKeyTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey : '';
	if (apiKey.trim() === '') return { status: 'Error', message: 'API Key is empty' };
	if (apiKey !== apiKey.trim())
		return { status: 'Error', message: 'API Key starts or ends with white space; paste it again' };
	const address = knitApiAddress(data);
	if (!address.ok) return { status: 'Error', message: `${address.reason}. Nothing was sent.` };
	const where = knitAddressLabel(address);
	const Where = where.charAt(0).toUpperCase() + where.slice(1);
	let status: number | undefined;
	let body: unknown;
	try {
		// A credential test function gets only `request` from n8n (ICredentialTestFunctions has no httpRequest).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		body = await this.helpers.request({
			method: 'POST',
			uri: `${address.baseUrl}/sync.start`,
			headers: { Authorization: `Bearer ${apiKey}` },
			body: {},
			json: true,
			// The key goes only to the checked address, never on to where a redirect points.
			followRedirect: false,
			followAllRedirects: false,
		});
		status = 200;
	} catch (error) {
		status = statusOf(error);
		body = bodyOf(error);
		if (status === undefined) {
			const code = networkCodeOf(error);
			return { status: 'Error', message: `Could not reach ${where}${code ? ` (${code})` : ''}` };
		}
	}
	// The reason decides "refused" for any host, but only Knit's own is shown.
	const reason = knitReason(body, apiKey);
	const shown = address.documentedHost && reason !== '' ? `: ${reason}` : '';
	const notShown = address.documentedHost
		? ''
		: ". Its answer is not shown: it is not Knit's documented API host";
	if (status === 401 || status === 403) {
		return {
			status: 'Error',
			message: `${Where} refused the API key (HTTP ${status}${shown})${notShown}`,
		};
	}
	if (
		status === 200 &&
		(body as IDataObject | undefined)?.success === false &&
		/auth|api key|token/i.test(reason)
	) {
		return {
			status: 'Error',
			message: `${Where} refused the API key (HTTP 200, success: false${shown})${notShown}`,
		};
	}
	return {
		status: 'OK',
		message: `${Where} accepted the API key (it answered HTTP ${status}${shown} to a sync.start without an integration ID, which starts nothing)${notShown}`,
	};
}
