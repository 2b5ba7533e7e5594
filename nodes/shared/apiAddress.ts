/**
 * Where a credential may send its API key. Whoever may edit a shared credential without reading
 * it must not be able to point it at a server of their own and collect the key, so every
 * credential that holds an API address passes it through this one rule before any request.
 */
export interface ApiAddressPolicy {
	/** The vendor's name, for messages ("Knit"). */
	vendor: string;
	/** The credential field that holds the address, for messages ("Base URL"). */
	field: string;
	/** The vendor's documented API host names, lower case ("api.getknit.dev"). */
	documentedHosts: readonly string[];
	/** The display name of the credential's opt-in, for messages. */
	optInLabel: string;
	/** The opt-in's value: true lets the key go to a host that is not the vendor's. */
	allowOtherHost: boolean;
}

export type ApiAddress =
	| {
			ok: true;
			/** Origin and path, without a trailing slash: the caller appends "/<path>". */
			baseUrl: string;
			/** The vendor's own API: only then may a person be shown text the host answered. */
			documentedHost: boolean;
			/** Plain http to this machine (a local test server); messages say so. */
			localPlainHttp: boolean;
	  }
	| { ok: false; reason: string };

const isLoopback = (hostname: string) =>
	hostname === 'localhost' ||
	hostname === '[::1]' ||
	/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * The rule, in one paragraph: the address must parse as a URL without a user name or password,
 * query or fragment. It must use https, except plain http to a loopback host (localhost,
 * 127.0.0.0/8, [::1]): a test server on this machine, which the result flags as local plain
 * http. Its host must be one of the vendor's documented API hosts (on https's default port) or
 * a loopback host, unless the credential's opt-in allows any other host. The answer is the
 * normalised base URL and whether it is the vendor's documented host, or the reason it is
 * refused. The WHATWG parser has already lower-cased the host and turned forms such as
 * 2130706433 or 127.1 into dotted IPv4, so the host comparisons see what the client will dial.
 * Reasons never repeat the address as typed: it may hold a password.
 */
export function checkApiAddress(configured: string, policy: ApiAddressPolicy): ApiAddress {
	const refuse = (why: string): ApiAddress => ({ ok: false, reason: `${policy.field} ${why}` });
	let url: URL;
	try {
		url = new URL(configured);
	} catch {
		return refuse(
			'is not a valid URL (expected for example https://' +
				(policy.documentedHosts[0] ?? 'api.example.com') +
				')',
		);
	}
	if (url.username !== '' || url.password !== '')
		return refuse('must not contain a user name or password (user:pass@)');
	if (url.search !== '' || url.hash !== '')
		return refuse('must not contain a query (?) or fragment (#)');
	const loopback = isLoopback(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		return refuse(
			'must use https:// (plain http:// only for a test server on this machine: localhost, 127.x.x.x or [::1])',
		);
	}
	const documentedHost =
		url.protocol === 'https:' && url.port === '' && policy.documentedHosts.includes(url.hostname);
	if (!documentedHost && !loopback && !policy.allowOtherHost) {
		return refuse(
			`points to ${url.host}, which is not ${policy.vendor}'s API (${policy.documentedHosts.join(', ')}): the API key would be sent there. ` +
				`Switch on "${policy.optInLabel}" in the credential only if you trust that host with the key`,
		);
	}
	return {
		ok: true,
		baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
		documentedHost,
		localPlainHttp: url.protocol === 'http:',
	};
}
