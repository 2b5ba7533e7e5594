import type { IDataObject } from 'n8n-workflow';

import { sha256Hex } from './signatures';

/**
 * Remembers which deliveries a trigger has already turned into executions.
 *
 * Why not workflow static data alone: n8n loads static data when a request arrives and
 * saves it after the handler, so two concurrent deliveries of the same event would both
 * see "not seen yet". The claim below is a synchronous check-and-set on a map shared by
 * every request this n8n process handles for the node, so it is atomic under any
 * concurrency.
 *
 * A claim is only a promise until the execution it started runs the trigger's execute step
 * (`confirm`): the handler claims before n8n creates the execution, and n8n can fail to create
 * it (a database error, a process that exits first). So only confirmed keys go into the durable copy in static data, written by
 * the execute step (see `rememberDeliveries`), which a process that starts (e.g. after a
 * restart) merges back before its first claim; and a claim not confirmed within
 * `UNCONFIRMED_CLAIM_MS` stops blocking the vendor's retries.
 */
export interface DedupeSettings {
	windowMs: number;
	maxEntries: number;
	persistedEntries: number;
}

export const defaultDedupeSettings: DedupeSettings = {
	windowMs: 24 * 60 * 60 * 1000, // vendors retry for up to a day
	maxEntries: 10_000,
	persistedEntries: 1_000,
};

const STATIC_KEY = 'atsDedupe';
// An execution's trigger step runs milliseconds after its webhook was claimed, seconds under
// heavy load. Unconfirmed this long, the execution was never created (n8n failed or exited
// while creating it), so the vendor's next retry of that event is run instead of dropped.
export const UNCONFIRMED_CLAIM_MS = 5 * 60_000;
// Longer than an execution normally takes to finish; after it a handed-out copy is presumed lost.
const PENDING_SAVE_MS = 30_000;
// n8n serialises static data as soon as an execution ends and then queues the write on the
// database, so copies of quick executions rarely overlap: measured in a real n8n, 300 events
// made 300 writes, which cost a fifth of the throughput. Under traffic (a copy was serialised
// less than this long ago) the execution that gets the copy holds it this long, so every
// execution starting meanwhile is covered by that one write.
export const GROUP_SAVE_MS = 100;

/** Whether an execution's static data got the durable copy, and how long to hold it. */
export interface PersistResult {
	copied: boolean;
	holdMs: number;
}

// The durable copy is one string, "key@seconds key@seconds …", oldest first: n8n loads a
// workflow's static data with every request it receives, and one string parses far faster
// than an object with a thousand properties.
const ENTRY_SEPARATOR = ' ';
const ENTRY_TIME = '@';

/** The [key, seconds] pairs of a durable copy, oldest first; anything unreadable is skipped. */
export function durableEntries(saved: unknown): Array<[string, number]> {
	if (typeof saved !== 'string' || saved === '') return [];
	const entries: Array<[string, number]> = [];
	for (const entry of saved.split(ENTRY_SEPARATOR)) {
		const at = entry.lastIndexOf(ENTRY_TIME);
		const seconds = Number(entry.slice(at + 1));
		if (at > 0 && Number.isFinite(seconds)) entries.push([entry.slice(0, at), seconds]);
	}
	return entries.sort((a, b) => a[1] - b[1]);
}

export class DedupeStore {
	// Map iteration order is insertion order, so the first entry is always the oldest.
	private readonly claimedAt = new Map<string, number>();
	// Keys whose execution ran: the ones the durable copy may hold.
	private readonly confirmedAt = new Map<string, number>();
	private hydrated = false;
	private readonly pendingCopies = new Map<object, number>();
	private lastSerialisedAt = -Infinity;

	constructor(
		private readonly settings: DedupeSettings,
		private readonly clock: () => number = Date.now,
	) {}

	/** True if this key is new (and is now claimed); false for a redelivery. */
	claim(key: string, nowMs: number): boolean {
		this.evict(nowMs);
		if (this.confirmedAt.has(key)) return false;
		const claimedAt = this.claimedAt.get(key);
		if (claimedAt !== undefined && nowMs - claimedAt < UNCONFIRMED_CLAIM_MS) return false;
		// Re-inserted, not updated: a retried stale claim must move to the newest end, which
		// eviction (oldest first) relies on.
		this.claimedAt.delete(key);
		this.remember(this.claimedAt, key, nowMs);
		return true;
	}

	/** The executions of these claims are running: from now on they go into the durable copy. */
	confirm(keys: Iterable<string>): void {
		for (const key of keys) {
			const claimedAt = this.claimedAt.get(key);
			if (claimedAt !== undefined && !this.confirmedAt.has(key)) this.remember(this.confirmedAt, key, claimedAt);
		}
	}

	get size(): number {
		return this.claimedAt.size;
	}

	hydrateOnce(staticData: IDataObject, nowMs: number): void {
		if (this.hydrated) return;
		this.hydrated = true;
		for (const [key, seconds] of durableEntries(staticData[STATIC_KEY])) {
			if (this.claimedAt.has(key)) continue;
			this.claimedAt.set(key, seconds * 1000);
			this.confirmedAt.set(key, seconds * 1000);
		}
		this.evict(nowMs);
	}

	/**
	 * Puts the durable copy into an execution's static data, unless a copy handed out earlier is
	 * still waiting to be saved. n8n saves an execution's static data when the execution ends,
	 * the last save wins, and each save is a database write. The copy is serialised when n8n
	 * saves it (JSON.stringify calls toJSON), so a pending copy will hold every key confirmed
	 * until then, including this execution's: one write per group of overlapping executions
	 * instead of one per event. A copy not saved within `PENDING_SAVE_MS` (its execution
	 * crashed) no longer counts.
	 */
	persist(staticData: IDataObject, nowMs: number): PersistResult {
		for (const [copy, handedOutAt] of this.pendingCopies) {
			if (nowMs - handedOutAt > PENDING_SAVE_MS) this.pendingCopies.delete(copy);
		}
		if (this.pendingCopies.size > 0) return { copied: false, holdMs: 0 };
		const copy = {
			toJSON: () => {
				this.pendingCopies.delete(copy);
				this.lastSerialisedAt = this.clock();
				return this.newest();
			},
		};
		this.pendingCopies.set(copy, nowMs);
		staticData[STATIC_KEY] = copy as unknown as IDataObject;
		return { copied: true, holdMs: nowMs - this.lastSerialisedAt < GROUP_SAVE_MS ? GROUP_SAVE_MS : 0 };
	}

	/** The newest confirmed keys; walks the map once, without copying it. */
	private newest(): string {
		const entries: string[] = [];
		let skip = this.confirmedAt.size - this.settings.persistedEntries;
		for (const [key, ms] of this.confirmedAt) {
			if (skip-- > 0) continue;
			entries.push(`${key}${ENTRY_TIME}${Math.floor(ms / 1000)}`);
		}
		return entries.join(ENTRY_SEPARATOR);
	}

	/** Adds a key as the newest entry, dropping the oldest beyond `maxEntries`. */
	private remember(entries: Map<string, number>, key: string, ms: number): void {
		entries.set(key, ms);
		if (entries.size > this.settings.maxEntries) entries.delete(entries.keys().next().value as string);
	}

	private evict(nowMs: number): void {
		for (const entries of [this.claimedAt, this.confirmedAt]) {
			for (const [key, ms] of entries) {
				if (nowMs - ms < this.settings.windowMs) break;
				entries.delete(key);
			}
		}
	}
}

const stores = new Map<string, DedupeStore>();

export const dedupeScope = (workflowId: string | undefined, nodeId: string) => `${workflowId ?? 'unsaved'}:${nodeId}`;

/** The store of a scope if this process has received webhooks for it (undefined otherwise). */
export const existingDedupeStore = (scope: string): DedupeStore | undefined => stores.get(scope);

/** One store per workflow and trigger node, shared by all requests in this process. */
export function dedupeStoreFor(scope: string, settings: DedupeSettings): DedupeStore {
	let store = stores.get(scope);
	if (store === undefined) {
		store = new DedupeStore(settings);
		stores.set(scope, store);
	}
	return store;
}

/** Short, fixed-size key: keeps the persisted copy small and vendor ids out of storage. */
export function dedupeKey(vendor: string, eventId: string | undefined, rawBody: Buffer): string {
	const identity = eventId !== undefined ? `id:${eventId}` : `body:${sha256Hex(rawBody)}`;
	return sha256Hex(`${vendor}:${identity}`).slice(0, 24);
}
