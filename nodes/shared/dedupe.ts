import type { IDataObject } from 'n8n-workflow';

import { sha256Hex } from './signatures';

/**
 * Remembers which deliveries a trigger has already turned into executions.
 *
 * Why not workflow static data alone: n8n loads static data when a request arrives and
 * saves it after the handler, so two concurrent deliveries of the same event would both
 * see "not seen yet". The claim below is a synchronous check-and-set on a map shared by
 * every request this n8n process handles for the node, so it is atomic under any
 * concurrency. Static data is only the durable copy of the newest `persistedEntries` keys,
 * written by the trigger's execute step (see `rememberDeliveries`), and a process that starts
 * (e.g. after a restart) merges it back before its first claim.
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

export class DedupeStore {
	// Map iteration order is insertion order, so the first entry is always the oldest.
	private readonly seenAt = new Map<string, number>();
	private hydrated = false;

	constructor(private readonly settings: DedupeSettings) {}

	/** True if this key is new (and is now recorded); false for a redelivery. */
	claim(key: string, nowMs: number): boolean {
		this.evict(nowMs);
		if (this.seenAt.has(key)) return false;
		this.seenAt.set(key, nowMs);
		if (this.seenAt.size > this.settings.maxEntries) {
			const oldest = this.seenAt.keys().next().value as string;
			this.seenAt.delete(oldest);
		}
		return true;
	}

	/** Forget a key, so a delivery that could not be handed to n8n can be retried. */
	release(key: string): void {
		this.seenAt.delete(key);
	}

	get size(): number {
		return this.seenAt.size;
	}

	hydrateOnce(staticData: IDataObject, nowMs: number): void {
		if (this.hydrated) return;
		this.hydrated = true;
		const saved = staticData[STATIC_KEY];
		if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return;
		const entries = Object.entries(saved as Record<string, unknown>)
			.filter((entry): entry is [string, number] => typeof entry[1] === 'number')
			.sort((a, b) => a[1] - b[1]);
		for (const [key, seconds] of entries) {
			if (!this.seenAt.has(key)) this.seenAt.set(key, seconds * 1000);
		}
		this.evict(nowMs);
	}

	/**
	 * Puts the durable copy into this request's static data. n8n saves each request's static
	 * data after answering it, and the last save wins: a snapshot taken now could be
	 * overwritten by a concurrent request's older snapshot. So the copy is serialised when n8n
	 * saves it (JSON.stringify calls toJSON), and every save writes the newest keys known then.
	 */
	persist(staticData: IDataObject): void {
		staticData[STATIC_KEY] = this.durableCopy as unknown as IDataObject;
	}

	private readonly durableCopy = { toJSON: () => this.newest() };

	/** Walks the map once, without copying it. */
	private newest(): Record<string, number> {
		const newest: Record<string, number> = {};
		let skip = this.seenAt.size - this.settings.persistedEntries;
		for (const [key, ms] of this.seenAt) {
			if (skip-- > 0) continue;
			newest[key] = Math.floor(ms / 1000);
		}
		return newest;
	}

	private evict(nowMs: number): void {
		for (const [key, ms] of this.seenAt) {
			if (nowMs - ms < this.settings.windowMs) break;
			this.seenAt.delete(key);
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
