import type { IDataObject } from 'n8n-workflow';

import type { DeliveryIdentity } from './dedupe';

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
 * This file is the in-process store; `dedupeRedis.ts` is the shared one; `dedupe.ts` is what the
 * pipeline calls.
 */

// An execution's trigger step runs milliseconds after its webhook was claimed, seconds under
// heavy load. Unconfirmed this long, the execution was never created (n8n failed or exited
// while creating it), so the vendor's next retry of that event is run instead of dropped.
export const UNCONFIRMED_CLAIM_MS = 5 * 60_000;
/** Slots one trigger node keeps in memory: 27.7 h at 1 event/s, 2.7 h at 10 events/s. */
export const MEMORY_SLOTS = 100_000;
/** What one slot costs in process memory, measured with 100,000 slots: 231 bytes where the slot is the event (most vendors), 342 where it is a subject with its own fingerprint (Kini); the larger counts. */
export const BYTES_PER_MEMORY_SLOT = 342;
/**
 * The bound of every trigger's slots together, per n8n process. Past it, the oldest slot of
 * the process goes first, whichever trigger holds it, so many triggers cannot add up to
 * more than this.
 */
export const PROCESS_MEMORY_MB = 64;
export const PROCESS_SLOTS = Math.floor((PROCESS_MEMORY_MB * 1024 * 1024) / BYTES_PER_MEMORY_SLOT);
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

interface Slot {
	/** The slot's own key, so the claim-order queue can tell a live entry from a replaced one. */
	key: string;
	fingerprint: string;
	/** When it was claimed; the window counts from here. */
	at: number;
	confirmed: boolean;
}

export class MemoryDedupeStore {
	private readonly slots = new Map<string, Slot>();
	// Claims oldest first, from `head` on; an entry is live while `slots` holds that very object
	// (a later claim of its slot replaces it). Eviction reads the front. A queue rather than the
	// Map's own order: V8 leaves a deleted Map entry as a hole that iteration from the start
	// steps over, so "delete the first, read the first" slows down as holes pile up.
	private order: Slot[] = [];
	private head = 0;
	// The window of the latest claim: settings apply from the next request on.
	private windowMs = 24 * 3_600_000;
	private newestAt = -Infinity;

	constructor(private readonly capacity = MEMORY_SLOTS) {}

	get size(): number {
		return this.slots.size;
	}

	/** When the oldest slot was claimed; Infinity when empty. */
	get oldestAt(): number {
		return this.oldest()?.at ?? Infinity;
	}

	/** Whether every slot has outlived the window: the store then blocks nothing. */
	expired(nowMs: number): boolean {
		return this.slots.size === 0 || nowMs - this.newestAt >= this.windowMs;
	}

	dropOldest(): void {
		const oldest = this.oldest();
		if (oldest === undefined) return;
		this.slots.delete(oldest.key);
		this.head++;
	}

	/** True if the delivery is new (and now claims its slot); false for a redelivery. */
	claim({ slot, fingerprint }: DeliveryIdentity, nowMs: number, windowMs: number): boolean {
		this.windowMs = windowMs;
		const held = this.slots.get(slot);
		if (
			held !== undefined &&
			held.fingerprint === fingerprint &&
			nowMs - held.at < blockingMs(held, windowMs)
		) {
			return false;
		}
		this.add({ key: slot, fingerprint, at: nowMs, confirmed: false });
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
		const live = this.live();
		return live
			.slice(Math.max(0, live.length - DURABLE_SLOTS))
			.map(
				(held) =>
					`${held.key},${held.fingerprint === held.key ? '' : held.fingerprint},${Math.floor(held.at / 1000)},${held.confirmed ? 'c' : 'u'}`,
			)
			.join(' ');
	}

	/** Loads a copy written by `serialise` (by this or an earlier process); unreadable entries are skipped. */
	load(saved: unknown): void {
		if (typeof saved !== 'string' || saved === '') return;
		for (const entry of saved.split(' ')) {
			const [slot, fingerprint, seconds, state] = entry.split(',');
			const at = Number(seconds) * 1000;
			if (!slot || !Number.isFinite(at) || (state !== 'c' && state !== 'u') || this.slots.has(slot))
				continue;
			this.slots.set(slot, {
				key: slot,
				fingerprint: fingerprint || slot,
				at,
				confirmed: state === 'c',
			});
			this.newestAt = Math.max(this.newestAt, at);
		}
		this.order = this.live().sort((a, b) => a.at - b.at);
		this.head = 0;
	}

	private add(held: Slot): void {
		this.slots.set(held.key, held);
		this.order.push(held);
		this.newestAt = Math.max(this.newestAt, held.at);
		// Replaced entries stay in the queue until they reach its front: drop them in one pass
		// once they could make it twice the live size (or the consumed front is half of it).
		if (
			this.order.length > 2 * this.slots.size + 1024 ||
			this.head > this.order.length / 2 + 1024
		) {
			this.order = this.live();
			this.head = 0;
		}
	}

	/** Live slots, oldest claim first. */
	private live(): Slot[] {
		const live: Slot[] = [];
		for (let index = this.head; index < this.order.length; index++) {
			const held = this.order[index];
			if (this.slots.get(held.key) === held) live.push(held);
		}
		return live;
	}

	private oldest(): Slot | undefined {
		while (this.head < this.order.length) {
			const held = this.order[this.head];
			if (this.slots.get(held.key) === held) return held;
			this.head++;
		}
		return undefined;
	}

	private evict(nowMs: number): void {
		for (let oldest = this.oldest(); oldest !== undefined; oldest = this.oldest()) {
			if (this.slots.size <= this.capacity && nowMs - oldest.at < this.windowMs) break;
			this.dropOldest();
		}
	}
}

const blockingMs = (held: Slot, windowMs: number) =>
	held.confirmed ? windowMs : Math.min(windowMs, UNCONFIRMED_CLAIM_MS);

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
export function memoryStoreFor(
	workflowId: string,
	nodeId: string,
	globalStaticData: IDataObject,
): MemoryDedupeStore {
	let stores = workflows.get(workflowId);
	if (stores === undefined) {
		stores = { byNode: new Map(), savedAt: -Infinity };
		workflows.set(workflowId, stores);
		const saved = globalStaticData[STATIC_KEY];
		if (saved !== null && typeof saved === 'object') {
			for (const [id, copy] of Object.entries(saved)) {
				const store = storeOf(stores, id);
				store.load(copy);
				slotsHeld += store.size;
			}
		}
	}
	return storeOf(stores, nodeId);
}

/**
 * Claims a delivery in its trigger's store (see `MemoryDedupeStore.claim`), then holds the
 * process bound: past `PROCESS_SLOTS` the oldest slot of any trigger goes, and at most once a
 * minute the stores whose every slot outlived the window are released (in a queue-mode
 * webhook process, which sees no deactivation, that is how a deactivated workflow's keys go).
 */
export function claimInMemory(
	workflowId: string,
	nodeId: string,
	globalStaticData: IDataObject,
	identity: DeliveryIdentity,
	nowMs: number,
	windowMs: number,
): boolean {
	const store = memoryStoreFor(workflowId, nodeId, globalStaticData);
	const before = store.size;
	const isNew = store.claim(identity, nowMs, windowMs);
	slotsHeld += store.size - before;
	if (isNew) holdProcessBound(nowMs);
	return isNew;
}

const EXPIRED_SWEEP_INTERVAL_MS = 60_000;
let sweptAt = -Infinity;
/** Every store's size added up, kept as they change (counting them per claim would cost more than the claim). */
let slotsHeld = 0;

function holdProcessBound(nowMs: number): void {
	if (nowMs - sweptAt >= EXPIRED_SWEEP_INTERVAL_MS) {
		sweptAt = nowMs;
		for (const [workflowId, stores] of workflows) {
			for (const [nodeId, store] of stores.byNode) {
				if (!store.expired(nowMs)) continue;
				slotsHeld -= store.size;
				stores.byNode.delete(nodeId);
			}
			if (stores.byNode.size === 0) workflows.delete(workflowId);
		}
	}
	for (; slotsHeld > PROCESS_SLOTS; slotsHeld--) {
		let oldest: MemoryDedupeStore | undefined;
		for (const store of allStores())
			if (oldest === undefined || store.oldestAt < oldest.oldestAt) oldest = store;
		oldest?.dropOldest();
	}
}

function* allStores(): Generator<MemoryDedupeStore> {
	for (const stores of workflows.values()) yield* stores.byNode.values();
}

/** Slots this process holds for every trigger together (the figure `PROCESS_SLOTS` bounds), counted. */
export function slotsInProcess(): number {
	let held = 0;
	for (const store of allStores()) held += store.size;
	return held;
}

/**
 * A workflow was deactivated (or deleted): its triggers' keys leave this process's memory. Its
 * durable copy stays in its static data and is loaded again by its next delivery.
 */
export function releaseMemoryStores(workflowId: string): void {
	for (const store of workflows.get(workflowId)?.byNode.values() ?? []) slotsHeld -= store.size;
	workflows.delete(workflowId);
}

/** Undefined where this process never received a delivery for the node (e.g. a queue-mode worker). */
export const existingMemoryStore = (workflowId: string, nodeId: string) =>
	workflows.get(workflowId)?.byNode.get(nodeId);

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
export function saveDurableCopy(
	workflowId: string,
	globalStaticData: IDataObject,
	nowMs: number,
): boolean {
	const stores = workflows.get(workflowId);
	if (stores === undefined || nowMs - stores.savedAt < DURABLE_SAVE_INTERVAL_MS) return false;
	stores.savedAt = nowMs;
	const copies: IDataObject = {};
	for (const [nodeId, store] of stores.byNode) {
		const before = store.size;
		const copy = store.serialise(nowMs); // evicts expired slots first
		slotsHeld -= before - store.size;
		if (copy !== '') copies[nodeId] = copy;
	}
	globalStaticData[STATIC_KEY] = copies;
	return true;
}

/** Forgets every in-memory store, as a process restart does (tests only). */
export function forgetMemoryStores(): void {
	workflows.clear();
	sweptAt = -Infinity;
	slotsHeld = 0;
}
