import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { DeliveryIdentity } from './dedupe';
import { deliveryIdentity, existingMemoryStore, memoryStoreFor, saveDurableCopy } from './dedupe';
import { claimOnRedis, confirmOnRedis, pingRedis, redisSettingsOf } from './dedupeRedis';
import { METADATA_KEY } from './metadata';
import type { VendorDefinition } from './vendor';

export const REDIS_CREDENTIAL = 'atsDedupeRedisApi';

/** The trigger options dedupe reads; every request reads them afresh, so changes apply at once. */
export interface DedupeOptions {
	dedupe?: boolean;
	dedupeWindowHours?: number;
}

type DedupeContext = IWebhookFunctions | IExecuteFunctions;

interface DedupeSettings {
	/** Dedupe applies to production deliveries with the option on; editor tests never touch it. */
	applies: boolean;
	windowMs: number;
	redis: boolean;
}

/** Read on every call: a changed setting applies from the next request on. */
function settingsOf(context: DedupeContext, parameter: (name: string, fallback: unknown) => unknown): DedupeSettings {
	const options = parameter('options', {}) as DedupeOptions;
	return {
		applies: options.dedupe !== false && context.getMode() !== 'manual',
		windowMs: (options.dedupeWindowHours ?? 24) * 3_600_000,
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
		isNew = memoryStoreFor(workflowIdOf(this), this.getNode().id, this.getWorkflowStaticData('global')).claim(identity, nowMs, settings.windowMs);
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

function identitiesOf(vendor: VendorDefinition, item: INodeExecutionData): DeliveryIdentity[] {
	const metadata = item.json[METADATA_KEY] as IDataObject | undefined;
	const deliveryKey = metadata?.deliveryKey;
	return typeof deliveryKey === 'string' ? [identityOf(vendor, deliveryKey, item.json)] : [];
}

/** The Redis credential's Test button: a real round trip to the server. */
export async function redisConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const settings = redisSettingsOf(credential.data ?? {});
	try {
		await pingRedis(settings);
		return { status: 'OK', message: `Connected: Redis at ${settings.host}:${settings.port} answered PING` };
	} catch (error) {
		return { status: 'Error', message: `Redis at ${settings.host}:${settings.port} did not answer: ${(error as Error).message}` };
	}
}
