import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/**
 * These vendors offer no endpoint to test a webhook secret against, so the test checks only
 * the secret's form, contacts nobody, and says so in words nobody reads as "connected"; the
 * first signed webhook proves the rest. (Knit has an API: its test asks Knit, see KnitTrigger.)
 */
export function secretFormatTest(
	vendorName: string,
	fields: Array<{ name: string; label: string }>,
) {
	return async function (
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const data = credential.data ?? {};
		for (const { name, label } of fields) {
			const value = data[name];
			if (typeof value !== 'string' || value.trim() === '') {
				return { status: 'Error', message: `${label} is empty` };
			}
			if (value !== value.trim()) {
				return {
					status: 'Error',
					message: `${label} starts or ends with white space; paste it again`,
				};
			}
		}
		const labels = fields.map(({ label }) => label).join(' and ');
		return {
			status: 'OK',
			message: `${labels} ${fields.length > 1 ? 'are' : 'is'} well-formed; ${vendorName} was not contacted (it offers no way to check it). The first signed webhook is the real test.`,
		};
	};
}
