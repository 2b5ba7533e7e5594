import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import {
	claimInMemory,
	existingMemoryStore,
	releaseMemoryStores,
	saveDurableCopy,
} from './dedupeMemory';
import { claimOnRedis, confirmOnRedis, pingRedis, redisSettingsOf } from './dedupeRedis';
import { METADATA_KEY } from './metadata';
import { sha256Hex } from './signatures';
import { envelopeOf, type Envelope, type Vendor } from './vendor';

/**
 * Redelivery dedupe, the one module the pipeline calls: the identity of a delivery, its claim in
 * the webhook handler, its confirmation in the trigger's execute step, and the release of a
 * workflow's keys. The stores are dedupeMemory.ts (one n8n process) and dedupeRedis.ts (shared);
 * how a claim works is written at the top of dedupeMemory.ts.
 */

export const REDIS_CREDENTIAL = 'atsDedupeRedisApi';

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
export function dedupeKey(
	vendor: string,
	eventId: string | undefined,
	rawBody: Buffer,
	verified = true,
): string {
	if (eventId === undefined) return digest(`${vendor}:body:${sha256Hex(rawBody)}`);
	return digest(
		verified ? `${vendor}:id:${eventId}` : `${vendor}:id:${eventId}:body:${sha256Hex(rawBody)}`,
	);
}

/** The slot is the event itself, or for vendors without event ids the subject it reports on. */
export function deliveryIdentity(
	vendor: string,
	deliveryKey: string,
	subject: string | undefined,
): DeliveryIdentity {
	return {
		slot: subject === undefined ? deliveryKey : digest(`${vendor}:subject:${subject}`),
		fingerprint: deliveryKey,
	};
}

/** The trigger options dedupe reads; every request reads them afresh, so changes apply at once. */
export interface DedupeOptions {
	dedupe?: boolean;
	dedupeWindowHours?: number;
}

type DedupeContext = IWebhookFunctions | IExecuteFunctions | IHookFunctions;

interface DedupeSettings {
	/** Dedupe applies to production deliveries with the option on; editor tests never touch it. */
	applies: boolean;
	windowMs: number;
	redis: boolean;
}

/** Read on every call: a changed setting applies from the next request on. */
function settingsOf(
	context: DedupeContext,
	parameter: (name: string, fallback: unknown) => unknown,
): DedupeSettings {
	const options = parameter('options', {}) as DedupeOptions;
	// Within the editor's 1 to 168 hours (a workflow imported or written through n8n's API can
	// hold any value; a non-numeric one counts as the default 24), in whole milliseconds: Redis's
	// PEXPIRE refuses 3960000.0000000005, which 1.1 h gives.
	const given: unknown = options.dedupeWindowHours;
	const hours =
		typeof given === 'number' || (typeof given === 'string' && given.trim() !== '')
			? Number(given)
			: NaN;
	return {
		applies: options.dedupe !== false && context.getMode() !== 'manual',
		windowMs: Math.round(
			(Number.isFinite(hours) ? Math.min(168, Math.max(1, hours)) : 24) * 3_600_000,
		),
		redis: parameter('dedupeStore', 'memory') === 'redis',
	};
}

const workflowIdOf = (context: DedupeContext) => context.getWorkflow().id ?? 'unsaved';
/** One trigger: its workflow and node id. Its Redis keys and counters are named by it. */
export const scopeOf = (context: DedupeContext) =>
	`${workflowIdOf(context)}:${context.getNode().id}`;

export interface Delivery {
	envelope: Envelope;
	rawBody: Buffer;
	/** False when the trigger accepts unauthenticated requests: the id alone is then not trusted. */
	verified: boolean;
	nowMs: number;
}

/**
 * In the webhook handler: the delivery's key (the item's `_ats.deliveryKey`) and whether it
 * should start an execution; false for a redelivery (logged at info, so every drop is visible
 * in n8n's log).
 */
export async function claimDelivery(
	this: IWebhookFunctions,
	vendor: Vendor,
	delivery: Delivery,
): Promise<{ deliveryKey: string; isNew: boolean }> {
	const { envelope, rawBody, verified, nowMs } = delivery;
	// Unverified, anyone can post an event id first: the body's digest joins the identity, so
	// such a post can only suppress a byte-identical copy of itself, never the genuine event.
	const deliveryKey = dedupeKey(vendor.key, envelope.eventId, rawBody, verified);
	const settings = settingsOf(this, (name, fallback) => this.getNodeParameter(name, fallback));
	if (!settings.applies) return { deliveryKey, isNew: true };
	const identity = deliveryIdentity(vendor.key, deliveryKey, envelope.dedupeSubject);
	let isNew: boolean;
	if (settings.redis) {
		try {
			const redis = redisSettingsOf(await this.getCredentials(REDIS_CREDENTIAL));
			isNew = await claimOnRedis(redis, scopeOf(this), identity);
		} catch (error) {
			// Running an event twice beats losing it: without Redis this delivery is not deduped.
			this.logger.warn(
				`${vendor.displayName} trigger: Redis dedupe store unavailable, delivery not deduped`,
				{
					deliveryKey: identity.fingerprint,
					reason: (error as Error).message,
				},
			);
			return { deliveryKey, isNew: true };
		}
	} else {
		isNew = claimInMemory(
			workflowIdOf(this),
			this.getNode().id,
			this.getWorkflowStaticData('global'),
			identity,
			nowMs,
			settings.windowMs,
		);
	}
	if (!isNew) {
		this.logger.info(`${vendor.displayName} trigger dropped a redelivered event`, {
			vendor: vendor.key,
			eventType: envelope.eventType ?? null,
			deliveryKey: identity.fingerprint,
			node: this.getNode().name,
			workflowId: this.getWorkflow().id,
		});
	}
	return { deliveryKey, isNew };
}

/**
 * In the trigger's execute step, inside the execution a delivery created (on a queue-mode
 * worker, that is another process than the one that claimed): confirms the claims, so they
 * block repeats for the whole window. In regular mode it also writes the durable copy, at most
 * once a second (see `saveDurableCopy`).
 */
export async function confirmDeliveries(this: IExecuteFunctions, vendor: Vendor): Promise<void> {
	const settings = settingsOf(this, (name, fallback) => this.getNodeParameter(name, 0, fallback));
	if (!settings.applies) return;
	const identities = this.getInputData().flatMap((item) => identitiesOf(vendor, item));
	if (settings.redis) {
		try {
			const redis = redisSettingsOf(await this.getCredentials(REDIS_CREDENTIAL));
			await confirmOnRedis(redis, scopeOf(this), identities, settings.windowMs);
		} catch (error) {
			// The claim then lapses after UNCONFIRMED_CLAIM_MS: a later redelivery runs again.
			this.logger.warn(`${vendor.displayName} trigger: could not confirm dedupe claims on Redis`, {
				reason: (error as Error).message,
			});
		}
		return;
	}
	const workflowId = workflowIdOf(this);
	const store = existingMemoryStore(workflowId, this.getNode().id);
	if (store === undefined) return; // this process received no delivery for it (a queue-mode worker)
	for (const identity of identities) store.confirm(identity);
	// Here, not in the webhook handler: n8n drops a handler's static-data change whenever the
	// request starts an execution (creating the execution's Workflow over the same static data
	// resets n8n's changed flag), and saves an execution's static data when the execution ends.
	saveDurableCopy(workflowId, this.getWorkflowStaticData('global'), Date.now());
}

/**
 * The trigger's delete hook, run when its workflow is deactivated or deleted: this process
 * releases the memory the workflow's keys held. Its durable copy stays in its static data, so
 * a reactivated workflow's next delivery loads the newest keys again.
 */
export function releaseDeliveries(context: IHookFunctions): void {
	if (!isTestListen(context)) releaseMemoryStores(workflowIdOf(context));
}

/**
 * Whether a webhook hook runs for the editor's *Listen for test event*. n8n creates test
 * webhooks in mode 'manual' but deletes them, like production ones, in mode 'internal'; only
 * the hook's webhook data says `isTest` then (n8n-core reads it for the test URL too).
 */
export function isTestListen(context: IHookFunctions): boolean {
	const webhookData = (context as unknown as { webhookData?: { isTest?: unknown } }).webhookData;
	return context.getMode() === 'manual' || webhookData?.isTest === true;
}

/**
 * The identity again, from the item: the execute step may run in another process (a queue-mode
 * worker), so it reads the key the handler put in `_ats` and the vendor's subject from the body.
 */
function identitiesOf(vendor: Vendor, item: INodeExecutionData): DeliveryIdentity[] {
	const metadata = item.json[METADATA_KEY] as IDataObject | undefined;
	const deliveryKey = metadata?.deliveryKey;
	return typeof deliveryKey === 'string'
		? [deliveryIdentity(vendor.key, deliveryKey, envelopeOf(vendor, item.json).dedupeSubject)]
		: [];
}

/**
 * The Redis credential's Test button: a real round trip to the server. Shows host and port and a
 * fixed reason only: the host is the editor's choice, and whatever answers there could reply
 * anything (the password it was just sent, too).
 */
export async function redisConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const settings = redisSettingsOf(credential.data ?? {});
	const failure = await pingRedis(settings);
	if (failure === undefined)
		return {
			status: 'OK',
			message: `Connected: Redis at ${settings.host}:${settings.port} answered PING`,
		};
	return { status: 'Error', message: `Redis at ${settings.host}:${settings.port}: ${failure}` };
}
