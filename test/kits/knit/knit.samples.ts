import type { VendorSample } from '../../../nodes/shared/vendor';

const applicationModels = {
	info: {},
	currentStage: {},
	interviews: [],
	rejection: {},
	offers: [],
	attachments: [],
};

/** Knit's documented application-sync examples, verbatim. */
export const knitSamples: VendorSample[] = [
	{
		eventType: 'record.new',
		title: 'New application',
		body: {
			eventId: 'e_123sadasdasda',
			eventType: 'record.new',
			eventData: applicationModels,
			syncType: 'initial_sync',
			syncDataType: 'ats_applications',
			syncJobId: 'sj_asda32424',
			syncRunId: 'sr_jhhkk80869',
			recordId: '123',
		},
	},
	{
		eventType: 'record.modified',
		title: 'Application modified',
		body: {
			eventId: 'e_123sadasdasda',
			eventType: 'record.modified',
			eventData: applicationModels,
			syncType: 'delta_sync',
			syncDataType: 'ats_applications',
			syncJobId: 'sj_asda32424',
			syncRunId: 'sr_jhhkk80869',
			recordId: '123',
		},
	},
	{
		eventType: 'record.deleted',
		title: 'Application deleted',
		body: {
			eventId: 'ev_jLPn5iJNhvhDBh91xtb8kc',
			eventData: { applicationId: '', candidateId: '', jobId: '' },
			eventType: 'record.deleted',
			syncType: 'delta_sync',
			syncDataType: 'ats_applications',
			syncJobId: 'sj_asda32424',
			syncRunId: 'sr_jhhkk80869',
			recordId: '123',
		},
	},
	{
		eventType: 'sync.events.processed',
		title: 'Sync batch processed',
		body: {
			eventId: 'ev_UFrXyD8d5yneJ6UnfxAoJ7',
			eventData: {
				status: 'processed',
				processed: 200,
				emitted: 0,
				startedAt: '1676292064383',
				processedAt: '1676292068616',
				complete: false,
			},
			eventType: 'sync.events.processed',
			syncType: 'delta_sync',
			syncDataType: 'ats_applications',
			syncJobId: 'sj_rJWQawZYVS8IqgtXkSJ8BQ',
			syncRunId: 'sn_agQO87vjVs6tMe9CEsPkBk',
		},
	},
	{
		eventType: 'sync.events.allConsumed',
		title: 'Sync run complete',
		body: {
			eventId: 'ev_Z9s8E9mwdwju7dpRcCLh7d',
			eventData: {
				status: 'completed',
				processed: 200,
				emitted: 200,
				consumed: 200,
				completedAt: '1676281276296',
				startedAt: '1676281265551',
				processedAt: '1676281275876',
				complete: true,
			},
			eventType: 'sync.events.allConsumed',
			syncType: 'initial_sync',
			syncDataType: 'ats_applications',
			syncJobId: 'sj_rJWQawZYVS8IqgtXkSJ8BQ',
			syncRunId: 'sn_NHXHC2Hn6oOaLrCfsaqGOM',
		},
	},
];
