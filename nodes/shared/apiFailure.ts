/**
 * What a failed call to a vendor's API may say about itself. n8n's request helpers throw errors
 * that keep the whole request (the API key's header included) and put the status and the
 * answer in different places by version, so the triggers that call an API (Knit, Workable,
 * SmartRecruiters) build their own errors from these facts only: the status, a network error
 * code from a fixed vocabulary, and the vendor's short reason when it repeats no secret.
 */
import type { ApiAddress } from './apiAddress';

/** The HTTP status of a failed request, wherever n8n's helpers put it. */
export function statusOf(error: unknown): number | undefined {
	const e = error as {
		httpCode?: unknown;
		statusCode?: unknown;
		response?: { status?: unknown; statusCode?: unknown };
		cause?: { response?: { status?: unknown } };
	};
	const status = Number(
		e?.cause?.response?.status ??
			e?.response?.status ??
			e?.response?.statusCode ??
			e?.statusCode ??
			e?.httpCode,
	);
	return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

/** The answer body a failed request carried, parsed when it is JSON text. */
export function bodyOf(error: unknown): unknown {
	const e = error as {
		error?: unknown;
		response?: { data?: unknown; body?: unknown };
		cause?: { response?: { data?: unknown } };
	};
	const body = e?.cause?.response?.data ?? e?.error ?? e?.response?.data ?? e?.response?.body;
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return undefined;
	}
}

/** A Node.js network error code (ECONNREFUSED…): a fixed vocabulary, never text from the host. */
export function networkCodeOf(error: unknown): string | undefined {
	const e = error as { code?: unknown; cause?: { code?: unknown; cause?: { code?: unknown } } };
	const code = e?.cause?.code ?? e?.cause?.cause?.code ?? e?.code;
	return typeof code === 'string' && /^E[A-Z0-9_]{2,30}$/.test(code) ? code : undefined;
}

/** A vendor's reason text cut to 200 characters, or '' when it is not text or repeats a secret. */
export function shortReason(text: unknown, secrets: string[]): string {
	if (typeof text !== 'string') return '';
	return secrets.some((secret) => secret !== '' && text.includes(secret)) ? '' : text.slice(0, 200);
}

/** How messages name the address a call went to. */
export function apiAddressLabel(vendor: string, address: ApiAddress & { ok: true }): string {
	if (address.documentedHost) return `${vendor} (${address.baseUrl})`;
	if (address.localPlainHttp) return `the local test server at ${address.baseUrl} (plain http)`;
	const possessive = vendor.endsWith('s') ? `${vendor}'` : `${vendor}'s`;
	return `${address.baseUrl} (not ${possessive} documented API)`;
}
