import type { VendorSample } from '../../../nodes/shared/vendor';

const envelope = {
	id: '4183db97-6805-411f-b8fd-325cbf5ed90f',
	version: '2022-02-23',
	dateOccurred: '2022-02-23T18:46:43+00:00',
};

/**
 * The first is KeldairHR's documented envelope (its `data` is elided there as `{...}`).
 * The others are illustrative: same envelope, with the hire and onboarding events its
 * documents mention and a plausible resource under `data`.
 */
export const keldairHrSamples: VendorSample[] = [
	{
		eventType: 'resource.event',
		title: 'Documented envelope',
		body: { ...envelope, type: 'resource.event', data: {} },
	},
	{
		eventType: 'applicant.hired',
		title: 'Applicant hired (illustrative data)',
		body: {
			...envelope,
			type: 'applicant.hired',
			data: {
				id: 'app_8812',
				firstName: 'Jane',
				lastName: 'Smith',
				email: 'jane.smith@example.com',
				status: 'hired',
				stage: 'Hired',
				job: { id: 'job_311', title: 'Senior Engineer' },
			},
		},
	},
	{
		eventType: 'applicant.stage_changed',
		title: 'Applicant moved (illustrative data)',
		body: {
			...envelope,
			type: 'applicant.stage_changed',
			data: {
				id: 'app_8812',
				firstName: 'Jane',
				lastName: 'Smith',
				email: 'jane.smith@example.com',
				stage: 'Technical Interview',
				job: { id: 'job_311', title: 'Senior Engineer' },
			},
		},
	},
	{
		eventType: 'onboarding.completed',
		title: 'Onboarding file completed (illustrative data)',
		body: {
			...envelope,
			type: 'onboarding.completed',
			data: { id: 'onb_77', employeeId: 'emp_52', firstName: 'Jane', lastName: 'Smith' },
		},
	},
];
