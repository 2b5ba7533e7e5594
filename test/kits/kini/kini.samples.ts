import type { VendorSample } from '../../../nodes/shared/vendor';

const documented = {
	company_id: 123,
	partner_id: 10,
	application_id: 45213,
	partner_application_id: '123',
	external_job_id: '1604531',
	status: 'SUCCESS',
	failure_error: null,
};

/** The first is Kini's documented payload verbatim; the others change only the status. */
export const kiniSamples: VendorSample[] = [
	{ eventType: 'SUCCESS', title: 'Documented status webhook', body: documented },
	{
		eventType: 'FAILURE',
		title: 'Sync failed',
		body: {
			...documented,
			status: 'FAILURE',
			failure_error: 'ATS rejected the application: missing phone number',
		},
	},
	{
		eventType: 'EXPECTED_FAILURE',
		title: 'Duplicate application',
		body: { ...documented, status: 'EXPECTED_FAILURE', failure_error: 'DuplicateApplicationError' },
	},
	{ eventType: 'NOTSENT', title: 'Not sent yet', body: { ...documented, status: 'NOTSENT' } },
];
