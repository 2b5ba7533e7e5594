/**
 * The event filter as the editor shows it: one multi-select on every trigger, readable names
 * whose stored values are the vendors' codes, and "All Events" stored as `*` (what existing
 * workflows hold). KeldairHR's list also offers resource patterns, and text saved by its
 * earlier free-text field keeps working.
 */
import type {
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { KeldairHrTrigger } from '../../nodes/KeldairHrTrigger/KeldairHrTrigger.node';
import { callWebhook } from '../support/context';
import { kitOf, signing, underTest, vendorsUnderTest } from '../support/vendors';

// Every registry vendor's trigger.
const triggers: Array<[string, INodeType]> = vendorsUnderTest.map(({ key, node }) => [key, node]);

/** Whether a property shows on a node version (the `@version` rules this package uses). */
function showsOn(property: INodeProperties, version: number): boolean {
	const rules = property.displayOptions?.show?.['@version'];
	if (rules === undefined) return true;
	return rules.some((rule) =>
		typeof rule === 'object' && rule !== null && '_cnd' in rule
			? version >= Number((rule._cnd as { gte: number }).gte)
			: rule === version,
	);
}

/** The Events property a new node (the default version) shows. */
const eventsOf = (node: INodeType, version = node.description.defaultVersion ?? 1) => {
	const matches = node.description.properties.filter(
		(property) => property.name === 'events' && showsOn(property, version),
	);
	expect(matches).toHaveLength(1);
	const property = matches[0] as INodeProperties;
	const options = (property.options ?? []) as INodePropertyOptions[];
	return {
		...property,
		options: options.map((option) => ({ ...option, value: String(option.value) })),
	};
};

describe.each(triggers)('%s event filter', (key, node) => {
	const events = eventsOf(node);
	const vendorCodes = underTest(key).trigger.events.map((option) => option.value);

	it('is a multi-select named Events, "All Events" (stored as *) first and the default', () => {
		expect(events).toMatchObject({ displayName: 'Events', type: 'multiOptions', default: ['*'] });
		expect(events.options[0]).toMatchObject({ name: 'All Events', value: '*' });
		expect(events.options.filter((option) => option.value === '*')).toHaveLength(1);
		expect(events.options.map((option) => option.name)).not.toContain('*');
	});

	it("offers every vendor event under a readable name, valued with the vendor's code", () => {
		const offered = events.options.slice(1).map((option) => option.value);
		expect(offered).toEqual(expect.arrayContaining(vendorCodes));
		for (const option of events.options.slice(1)) {
			expect(option.name).not.toBe(option.value);
			expect(option.name).toMatch(/^[A-Z]/);
			expect(option.name).not.toMatch(/[._]|[a-z]-[a-z]/);
			expect(option.description).toContain(`(${option.value})`);
		}
	});

	it('lists events in name order', () => {
		const names = underTest(key).trigger.events.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
	});
});

describe('readable names', () => {
	it('Kombo AI Apply events read as words', () => {
		const names = Object.fromEntries(
			underTest('kombo').trigger.events.map((option) => [option.value, option.name]),
		);
		expect(names['ai-apply-application-status-updated']).toBe(
			'AI Apply Application Status Updated',
		);
	});
});

describe('KeldairHR', () => {
	const events = eventsOf(new KeldairHrTrigger());
	const patterns = events.options.filter((option) => option.value.endsWith('.*'));

	it('offers resource patterns, and its hint says they are patterns', () => {
		expect(patterns.map((option) => option.value).sort()).toEqual([
			'applicant.*',
			'job.*',
			'onboarding.*',
		]);
		expect(events.hint).toMatch(/pattern/);
		expect(events.hint).toContain('applicant.*');
	});

	const sample = (type: string) =>
		JSON.stringify({
			...signing.sampleEvent('keldairHr', kitOf('keldairHr').samples[0].eventType, 7, Date.now()),
			type,
		});
	const run = (events: string | string[], type: string) =>
		callWebhook(new KeldairHrTrigger(), {
			rawBody: sample(type),
			headers: {},
			parameters: { events, options: { dedupe: false } },
		});

	it('workflows saved with versions 1 and 1.1 keep their free-text field; new nodes get version 1.2', () => {
		const node = new KeldairHrTrigger();
		expect(node.description.defaultVersion).toBe(1.2);
		for (const version of [1, 1.1])
			expect(eventsOf(node, version)).toMatchObject({ type: 'string', default: '*' });
		expect(eventsOf(node, 1.2).type).toBe('multiOptions');
	});

	it('a chosen pattern also passes types of that resource the list does not name', async () => {
		expect((await run(['applicant.*'], 'applicant.withdrawn')).items).toHaveLength(1);
		expect((await run(['applicant.*'], 'job.created')).items).toHaveLength(0);
		expect((await run(['job.closed'], 'job.closed')).items).toHaveLength(1);
		expect((await run(['job.closed'], 'job.created')).items).toHaveLength(0);
	});

	it('a pattern selects its own resource only, not one whose name starts the same', async () => {
		expect((await run(['job.*'], 'job_posting.created')).items).toHaveLength(0);
		expect((await run(['applicant.*'], 'applicants.created')).items).toHaveLength(0);
		expect((await run(['job.*'], 'job.reopened')).items).toHaveLength(1);
	});

	it('comma-separated text saved by the earlier free-text field still filters the same way', async () => {
		expect((await run('applicant.hired, onboarding.*', 'onboarding.completed')).items).toHaveLength(
			1,
		);
		expect((await run('applicant.hired, onboarding.*', 'job.created')).items).toHaveLength(0);
		expect((await run('*', 'job.created')).items).toHaveLength(1);
	});
});

/** The node's canvas subtitle as n8n's own expression engine evaluates it for these parameters. */
function subtitleOf(node: INodeType, typeVersion: number, events: unknown): unknown {
	const instance = {
		id: 'trigger',
		name: 'Trigger',
		type: node.description.name,
		typeVersion,
		position: [0, 0] as [number, number],
		parameters: { events } as INodeParameters,
	};
	const nodeTypes = {
		getByName: () => node,
		getByNameAndVersion: () => node,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [instance], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		instance,
		node.description.subtitle as string,
		'internal',
		{},
	);
}

describe.each(triggers)('%s canvas subtitle', (key, node) => {
	const version = Number(node.description.defaultVersion);
	const [first, second] = underTest(key).trigger.events.map((option) => option.value);

	it('lists the selected events, and says "All events" for the default', () => {
		expect(subtitleOf(node, version, [first, second])).toBe(`${first}, ${second}`);
		expect(subtitleOf(node, version, ['*'])).toBe('All events');
	});
});

it("KeldairHR's version 1 subtitle shows its comma text as typed", () => {
	expect(subtitleOf(new KeldairHrTrigger(), 1, 'job.*, applicant.hired')).toBe(
		'job.*, applicant.hired',
	);
	expect(subtitleOf(new KeldairHrTrigger(), 1, '*')).toBe('All events');
});

describe.each(triggers)('%s property order', (_key, node) => {
	it('notice, events, dedupe store, Not Processed, Options last', () => {
		const names = node.description.properties.map((property) => property.name);
		expect(names[names.length - 1]).toBe('options');
		expect(names.indexOf('events')).toBeGreaterThan(names.indexOf('notice'));
		expect(names.indexOf('dedupeStore')).toBeGreaterThan(names.lastIndexOf('events'));
		expect(names.indexOf('notProcessedOutput')).toBeGreaterThan(names.indexOf('dedupeStore'));
	});
});

it('KeldairHR shows Authentication above everything else', () => {
	expect(new KeldairHrTrigger().description.properties[0].name).toBe('authentication');
});

describe.each(vendorsUnderTest.map((entry) => [entry.key, entry] as const))(
	'%s Options',
	(_key, { node, trigger }) => {
		it('offer Emit Test Pings exactly when the vendor has a connectivity test, last', () => {
			const options = node.description.properties.find((property) => property.name === 'options');
			const names = (options?.options ?? []).map((option) => (option as { name: string }).name);
			if (trigger.testEventType === undefined) expect(names).not.toContain('emitTestEvents');
			else expect(names[names.length - 1]).toBe('emitTestEvents');
		});
	},
);
