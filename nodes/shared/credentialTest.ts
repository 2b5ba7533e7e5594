import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/**
 * These vendors offer no endpoint to test a webhook secret against, so the test checks what
 * can be checked locally and says so; the first signed webhook proves the rest.
 */
export function secretFormatTest(vendorName: string, fields: Array<{ name: string; label: string }>) {
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
				return { status: 'Error', message: `${label} starts or ends with white space; paste it again` };
			}
		}
		return {
			status: 'OK',
			message: `Looks right. ${vendorName} offers no way to check it from here; the first signed webhook will.`,
		};
	};
}
