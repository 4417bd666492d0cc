import { systemClock } from '#shared/kernel/clock';
import { EnvName, readEnv } from '#shared/kernel/env';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildDeliveryStore } from './dynamo-delivery-store.ts';
import { buildWebhookStore } from './dynamo-webhook-store.ts';
import { endpointPolicyFor } from './url-policy.ts';

/** The webhooks context's stores, built once per container; the queue and the sender are in queue-deps.ts. */
export function webhooksDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  const cursors = buildCursorCodec();
  return {
    webhooks: buildWebhookStore(doc, table, cursors),
    deliveries: buildDeliveryStore(doc, table, cursors),
    clock: systemClock,
    policy: endpointPolicyFor(readEnv(EnvName.stage)),
  };
}
