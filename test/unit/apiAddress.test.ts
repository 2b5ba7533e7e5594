/**
 * The one rule for where a credential may send its API key (nodes/shared/apiAddress.ts), as a
 * pure function: no request is made here. knitRegistration.test.ts shows that the Knit hooks and
 * the Test button apply it before sending anything.
 */
import { checkApiAddress, type ApiAddressPolicy } from '../../nodes/shared/apiAddress';
import { apiAddressLabel, shortReason } from '../../nodes/shared/apiFailure';

const policy: ApiAddressPolicy = {
	vendor: 'Knit',
	field: 'Base URL',
	documentedHosts: ['api.getknit.dev'],
	optInLabel: "Allow a Base URL Other Than Knit's",
	allowOtherHost: false,
};
const check = (url: string, allowOtherHost = false) =>
	checkApiAddress(url, { ...policy, allowOtherHost });

describe("the vendor's documented host", () => {
	it.each([
		['https://api.getknit.dev/v1.0', 'https://api.getknit.dev/v1.0'],
		['https://api.getknit.dev/v1.0/', 'https://api.getknit.dev/v1.0'],
		['https://API.GetKnit.dev:443/v1.0//', 'https://api.getknit.dev/v1.0'],
		['https://api.getknit.dev', 'https://api.getknit.dev'],
	])('%s is accepted as Knit, normalised to %s', (url, baseUrl) => {
		expect(check(url)).toEqual({ ok: true, baseUrl, documentedHost: true, localPlainHttp: false });
	});
	it('is not documented on another port or with another scheme', () => {
		expect(check('https://api.getknit.dev:8443/v1.0', true)).toMatchObject({
			ok: true,
			documentedHost: false,
		});
		expect(check('http://api.getknit.dev/v1.0', true)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/must use https/),
		});
	});
	it('is matched as a whole host name, not as a part of one', () => {
		for (const url of [
			'https://api.getknit.dev.evil.example/v1.0',
			'https://evilapi.getknit.dev/v1.0',
			'https://api.getknit.dev./v1.0',
		]) {
			expect(check(url)).toMatchObject({
				ok: false,
				reason: expect.stringMatching(/which is not Knit's API/),
			});
			expect(check(url, true)).toMatchObject({ ok: true, documentedHost: false });
		}
	});
});

describe("a host that is not the vendor's", () => {
	it('is refused without the opt-in, with a reason that says the key would go there and names the switch', () => {
		expect(check('https://evil.example/v1.0')).toEqual({
			ok: false,
			reason:
				"Base URL points to evil.example, which is not Knit's API (api.getknit.dev): the API key would be sent there. " +
				'Switch on "Allow a Base URL Other Than Knit\'s" in the credential only if you trust that host with the key',
		});
	});
	it('is accepted with the opt-in, over https only, and never counts as the documented host', () => {
		expect(check('https://evil.example/v1.0', true)).toEqual({
			ok: true,
			baseUrl: 'https://evil.example/v1.0',
			documentedHost: false,
			localPlainHttp: false,
		});
		expect(check('http://evil.example/v1.0', true)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^Base URL must use https:\/\//),
		});
	});
});

describe('a test server on this machine', () => {
	it.each([
		['http://127.0.0.1:8080/v1.0', 'http://127.0.0.1:8080/v1.0'],
		['http://127.45.6.7:8080', 'http://127.45.6.7:8080'],
		['http://localhost:8080/v1.0/', 'http://localhost:8080/v1.0'],
		['http://[::1]:8080/v1.0', 'http://[::1]:8080/v1.0'],
		// The parser's own normal forms of 127.0.0.1: what the client will dial.
		['http://2130706433:8080', 'http://127.0.0.1:8080'],
		['http://127.1:8080', 'http://127.0.0.1:8080'],
	])('%s may use plain http, flagged as local plain http', (url, baseUrl) => {
		expect(check(url)).toEqual({ ok: true, baseUrl, documentedHost: false, localPlainHttp: true });
	});
	it('over https is local but not plain http', () => {
		expect(check('https://localhost:8443')).toEqual({
			ok: true,
			baseUrl: 'https://localhost:8443',
			documentedHost: false,
			localPlainHttp: false,
		});
	});
	it.each([
		'http://0.0.0.0:8080',
		'http://10.0.0.5',
		'http://192.168.1.10',
		'http://[::ffff:127.0.0.1]',
		'http://127.0.0.1.nip.io',
		'http://localhost.evil.example',
		'http://128.0.0.1',
	])('%s is not loopback: plain http refused', (url) => {
		expect(check(url, true)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/^Base URL must use https:\/\//),
		});
	});
});

describe('always refused', () => {
	it.each([
		[
			'a user name and password',
			'https://knit:hunter2@api.getknit.dev/v1.0',
			/must not contain a user name or password/,
		],
		[
			'a user name alone',
			'https://knit@api.getknit.dev/v1.0',
			/must not contain a user name or password/,
		],
		['a query', 'https://api.getknit.dev/v1.0?x=1', /must not contain a query/],
		['a fragment', 'https://api.getknit.dev/v1.0#x', /fragment/],
		['no scheme', 'api.getknit.dev/v1.0', /is not a valid URL/],
		['nonsense', 'not a url', /is not a valid URL/],
		['empty', '', /is not a valid URL/],
		['another scheme', 'ftp://api.getknit.dev/v1.0', /must use https/],
		['a javascript: URL', 'javascript:alert(1)', /must use https/],
		['a file: URL', 'file:///etc/passwd', /must use https/],
	])('%s', (_name, url, reason) => {
		const result = check(url, true);
		expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
		// A refusal never repeats the address as typed: it may hold a password.
		expect(JSON.stringify(result)).not.toContain('hunter2');
	});
});

describe('what messages say about a failed API call', () => {
	const other = {
		ok: true,
		baseUrl: 'https://proxy.example',
		documentedHost: false,
		localPlainHttp: false,
	} as const;
	it("names a host that is not the vendor's as such, in good English", () => {
		expect(apiAddressLabel('Knit', other)).toBe(
			"https://proxy.example (not Knit's documented API)",
		);
		expect(apiAddressLabel('SmartRecruiters', other)).toBe(
			"https://proxy.example (not SmartRecruiters' documented API)",
		);
		expect(apiAddressLabel('Workable', { ...other, documentedHost: true })).toBe(
			'Workable (https://proxy.example)',
		);
	});
	it('drops a vendor reason that repeats a secret, and cuts the rest to 200 characters', () => {
		expect(shortReason('token tok_123 is invalid', ['tok_123'])).toBe('');
		expect(shortReason('x'.repeat(300), ['tok_123'])).toHaveLength(200);
		expect(shortReason({ message: 'not text' }, [])).toBe('');
		expect(shortReason('fine', [''])).toBe('fine');
	});
});
