import type { IDataObject } from 'n8n-workflow';

import { sha256Hex } from './signatures';

/**
 * Redelivery dedupe, in one paragraph (the README says the same):
 *
 * Every production delivery has a *slot* and a *fingerprint*. For vendors that send an event
 * id both are the id's digest; for vendors that do not (Kini), the slot is the subject the
 * event reports on (the application) and the fingerprint a digest of the body. A delivery is a
 * redelivery when its slot already holds its fingerprint, so a repeat of the current state is
 * dropped and a return to an earlier state is not. Claiming a slot is one atomic
 * check-and-set: on a map in the n8n process (a synchronous call, so concurrent requests in
 * one process cannot both win), or on Redis (one Lua script, shared by every process). A claim
 * blocks repeats for `UNCONFIRMED_CLAIM_MS` only, until the trigger's execute step, which runs
 * inside the execution the delivery created, confirms it for the whole window: an event whose
 * execution was never created is retried. Editor test deliveries skip all of this.
 *
 * This file is the in-process store; `dedupeRedis.ts` is the shared one.
 */

// An execution's trigger step runs milliseconds after its webhook was claimed, seconds under
// heavy load. Unconfirmed this long, the execution was never created (n8n failed or exited
// while creating it), so the vendor's next retry of that event is run instead of dropped.
export const UNCONFIRMED_CLAIM_MS = 5 * 60_000;
/** Slots one trigger node keeps in memory: 27.7 h at 1 event/s, 2.7 h at 10 events/s. */
export const MEMORY_SLOTS = 100_000;
/**
 * Slots written to the workflow's static data for restarts: 2.7 h at 1 event/s, 16 min at 10.
 * n8n reads and parses a workflow's whole static data with every request it receives, so this
 * is what every request pays for (measured in `npm run bench`); longer windows need Redis.
 */
export const DURABLE_SLOTS = 10_000;
/** The durable copy is rewritten at most this often, by a trigger's execute step that finds it older. */
export const DURABLE_SAVE_INTERVAL_MS = 1_000;
/** Where the copies live: workflow-global static data, one string per trigger node id. */
export const STATIC_KEY = 'atsDedupe';

/** Which slot a delivery claims and what it claims it with. */
export interface DeliveryIdentity {
	slot: string;
	fingerprint: string;
}

const digest = (text: string) => sha256Hex(text).slice(0, 24);

/**
 * Short, fixed-size key of one event: the item's `_ats.deliveryKey` (the downstream
 * idempotency key) and the fingerprint dedupe compares.
 */
export function dedupeKey(vendor: string, eventId: string | undefined, rawBody: Buffer): string {
	return digest(`${vendor}:${eventId !== undefined ? `id:${eventId}` : `body:${sha256Hex(rawBody)}`}`);
}

/** The slot is the event itself, or for vendors without event ids the subject it reports on. */
export function deliveryIdentity(vendor: string, deliveryKey: string, subject: string | undefined): DeliveryIdentity {
	return { slot: subject === undefined ? deliveryKey : digest(`${vendor}:subject:${subject}`), fingerprint: deliveryKey };
}

interface Slot {
	fingerprint: string;
	/** When it was claimed; the window counts from here. */
	at: number;
	confirmed: boolean;
}

export class MemoryDedupeStore {
	// Map iteration order is insertion order and a claim re-inserts, so the first slot is the
	// oldest claim: eviction and the durable copy rely on that.
	private readonly slots = new Map<string, Slot>();
	// The window of the latest claim: settings apply from the next request on.
	private windowMs = 24 * 3_600_000;

	constructor(private readonly capacity = MEMORY_SLOTS) {}

	get size(): number {
		return this.slots.size;
	}

	/** True if the delivery is new (and now claims its slot); false for a redelivery. */
	claim({ slot, fingerprint }: DeliveryIdentity, nowMs: number, windowMs: number): boolean {
		this.windowMs = windowMs;
		const held = this.slots.get(slot);
		if (held !== undefined && held.fingerprint === fingerprint && nowMs - held.at < blockingMs(held, windowMs)) {
			return false;
		}
		this.slots.delete(slot);
		this.slots.set(slot, { fingerprint, at: nowMs, confirmed: false });
		this.evict(nowMs);
		return true;
	}

	/** The delivery's execution is running: its claim now blocks repeats for the whole window. */
	confirm({ slot, fingerprint }: DeliveryIdentity): void {
		const held = this.slots.get(slot);
		if (held?.fingerprint === fingerprint) held.confirmed = true;
	}

	/** Newest `DURABLE_SLOTS` slots as one string, oldest first: "slot fingerprint seconds c|u". */
	serialise(nowMs: number): string {
		this.evict(nowMs);
		const entries: string[] = [];
		let skip = this.slots.size - DURABLE_SLOTS;
		for (const [slot, held] of this.slots) {
			if (skip-- > 0) continue;
			const fingerprint = held.fingerprint === slot ? '' : held.fingerprint;
			entries.push(`${slot},${fingerprint},${Math.floor(held.at / 1000)},${held.confirmed ? 'c' : 'u'}`);
		}
		return entries.join(' ');
	}

	/** Loads a copy written by `serialise` (by this or an earlier process); unreadable entries are skipped. */
	load(saved: unknown): void {
		if (typeof saved !== 'string' || saved === '') return;
		const entries: Array<[string, Slot]> = [];
		for (const entry of saved.split(' ')) {
			const [slot, fingerprint, seconds, state] = entry.split(',');
			const at = Number(seconds) * 1000;
			if (!slot || !Number.isFinite(at) || (state !== 'c' && state !== 'u')) continue;
			entries.push([slot, { fingerprint: fingerprint || slot, at, confirmed: state === 'c' }]);
		}
		entries.sort((a, b) => a[1].at - b[1].at);
		for (const [slot, held] of entries) if (!this.slots.has(slot)) this.slots.set(slot, held);
	}

	private evict(nowMs: number): void {
		for (const [slot, held] of this.slots) {
			if (this.slots.size <= this.capacity && nowMs - held.at < this.windowMs) break;
			this.slots.delete(slot);
		}
	}
}

const blockingMs = (held: Slot, windowMs: number) => (held.confirmed ? windowMs : Math.min(windowMs, UNCONFIRMED_CLAIM_MS));

/** The stores of one workflow in this process (one per trigger node) and when their copy was last written. */
interface WorkflowStores {
	byNode: Map<string, MemoryDedupeStore>;
	savedAt: number;
}

const workflows = new Map<string, WorkflowStores>();

/**
 * The store of a trigger node. The first request a process receives for a workflow loads the
 * durable copies of all its triggers (they survive restarts that way).
 */
export function memoryStoreFor(workflowId: string, nodeId: string, globalStaticData: IDataObject): MemoryDedupeStore {
	let stores = workflows.get(workflowId);
	if (stores === undefined) {
		stores = { byNode: new Map(), savedAt: -Infinity };
		workflows.set(workflowId, stores);
		const saved = globalStaticData[STATIC_KEY];
		if (saved !== null && typeof saved === 'object') {
			for (const [id, copy] of Object.entries(saved)) storeOf(stores, id).load(copy);
		}
	}
	return storeOf(stores, nodeId);
}

/** Undefined where this process never received a delivery for the node (e.g. a queue-mode worker). */
export const existingMemoryStore = (workflowId: string, nodeId: string) => workflows.get(workflowId)?.byNode.get(nodeId);

function storeOf(stores: WorkflowStores, nodeId: string): MemoryDedupeStore {
	let store = stores.byNode.get(nodeId);
	if (store === undefined) {
		store = new MemoryDedupeStore();
		stores.byNode.set(nodeId, store);
	}
	return store;
}

/**
 * Writes the durable copy of every trigger of the workflow from this process's memory, at most
 * once per `DURABLE_SAVE_INTERVAL_MS`, into workflow-global static data; n8n saves it when the
 * execution that wrote it ends. Every write holds every trigger's slots, so triggers of one
 * workflow never drop each other's. n8n saves an execution's whole static data as loaded when
 * its request arrived, so a change another node made to its own static data during that
 * execution can be undone (docs/dedupe.md). Returns whether it wrote.
 */
export function saveDurableCopy(workflowId: string, globalStaticData: IDataObject, nowMs: number): boolean {
	const stores = workflows.get(workflowId);
	if (stores === undefined || nowMs - stores.savedAt < DURABLE_SAVE_INTERVAL_MS) return false;
	stores.savedAt = nowMs;
	const copies: IDataObject = {};
	for (const [nodeId, store] of stores.byNode) {
		const copy = store.serialise(nowMs);
		if (copy !== '') copies[nodeId] = copy;
	}
	globalStaticData[STATIC_KEY] = copies;
	return true;
}

/** Forgets every in-memory store, as a process restart does (tests only). */
export function forgetMemoryStores(): void {
	workflows.clear();
}
