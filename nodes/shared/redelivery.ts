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

import type { DeliveryIdentity } from './dedupe';
import { claimInMemory, deliveryIdentity, existingMemoryStore, releaseMemoryStores, saveDurableCopy } from './dedupe';
import { claimOnRedis, confirmOnRedis, pingRedis, redisSettingsOf } from './dedupeRedis';
import { METADATA_KEY } from './metadata';
import type { VendorDefinition } from './vendor';

export const REDIS_CREDENTIAL = 'atsDedupeRedisApi';

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
function settingsOf(context: DedupeContext, parameter: (name: string, fallback: unknown) => unknown): DedupeSettings {
	const options = parameter('options', {}) as DedupeOptions;
	// Within the editor's 1 to 168 hours (a workflow imported or written through n8n's API can
	// hold any value; a non-numeric one counts as the default 24), in whole milliseconds: Redis's
	// PEXPIRE refuses 3960000.0000000005, which 1.1 h gives.
	const given: unknown = options.dedupeWindowHours;
	const hours = typeof given === 'number' || (typeof given === 'string' && given.trim() !== '') ? Number(given) : NaN;
	return {
		applies: options.dedupe !== false && context.getMode() !== 'manual',
		windowMs: Math.round((Number.isFinite(hours) ? Math.min(168, Math.max(1, hours)) : 24) * 3_600_000),
		redis: parameter('dedupeStore', 'memory') === 'redis',
	};
}

const workflowIdOf = (context: DedupeContext) => context.getWorkflow().id ?? 'unsaved';
const scopeOf = (context: DedupeContext) => `${workflowIdOf(context)}:${context.getNode().id}`;

export function identityOf(vendor: VendorDefinition, deliveryKey: string, body: unknown): DeliveryIdentity {
	const subject = body !== null && typeof body === 'object' ? vendor.dedupeSubjectOf?.(body as Record<string, unknown>) : undefined;
	return deliveryIdentity(vendor.key, deliveryKey, subject);
}

/**
 * In the webhook handler: true when the delivery should start an execution, false for a
 * redelivery (logged at info, so every drop is visible in n8n's log).
 */
export async function claimDelivery(
	this: IWebhookFunctions,
	vendor: VendorDefinition,
	identity: DeliveryIdentity,
	eventType: string | undefined,
	nowMs: number,
): Promise<boolean> {
	const settings = settingsOf(this, (name, fallback) => this.getNodeParameter(name, fallback));
	if (!settings.applies) return true;
	let isNew: boolean;
	if (settings.redis) {
		try {
			const redis = redisSettingsOf(await this.getCredentials(REDIS_CREDENTIAL));
			isNew = await claimOnRedis(redis, scopeOf(this), identity);
		} catch (error) {
			// Running an event twice beats losing it: without Redis this delivery is not deduped.
			this.logger.warn(`${vendor.displayName} trigger: Redis dedupe store unavailable, delivery not deduped`, {
				deliveryKey: identity.fingerprint,
				reason: (error as Error).message,
			});
			return true;
		}
	} else {
		isNew = claimInMemory(workflowIdOf(this), this.getNode().id, this.getWorkflowStaticData('global'), identity, nowMs, settings.windowMs);
	}
	if (!isNew) {
		this.logger.info(`${vendor.displayName} trigger dropped a redelivered event`, {
			vendor: vendor.key,
			eventType: eventType ?? null,
			deliveryKey: identity.fingerprint,
			node: this.getNode().name,
			workflowId: this.getWorkflow().id,
		});
	}
	return isNew;
}

/**
 * In the trigger's execute step, inside the execution a delivery created (on a queue-mode
 * worker, that is another process than the one that claimed): confirms the claims, so they
 * block repeats for the whole window. In regular mode it also writes the durable copy, at most
 * once a second (see `saveDurableCopy`).
 */
export async function confirmDeliveries(this: IExecuteFunctions, vendor: VendorDefinition): Promise<void> {
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

function identitiesOf(vendor: VendorDefinition, item: INodeExecutionData): DeliveryIdentity[] {
	const metadata = item.json[METADATA_KEY] as IDataObject | undefined;
	const deliveryKey = metadata?.deliveryKey;
	return typeof deliveryKey === 'string' ? [identityOf(vendor, deliveryKey, item.json)] : [];
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
	if (failure === undefined) return { status: 'OK', message: `Connected: Redis at ${settings.host}:${settings.port} answered PING` };
	return { status: 'Error', message: `Redis at ${settings.host}:${settings.port}: ${failure}` };
}
