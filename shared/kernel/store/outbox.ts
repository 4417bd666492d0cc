import type { EventContract, EventData } from '#events/event-contract';
import { newId } from '#shared/kernel/ids';
import { outboxKey } from '#shared/kernel/store/keys';

/** An event a use-case wants published once its state change is stored. */
export interface PendingEvent<C extends EventContract = EventContract> {
  contract: C;
  data: EventData<C>;
  /** the time of the state change it announces */
  occurredAt: string;
}

export function pendingEvent<C extends EventContract>(contract: C, data: EventData<C>, occurredAt: string): PendingEvent<C> {
  return { contract, data, occurredAt };
}

/** Long enough for the relay to retry through an outage, short enough not to keep rows. */
const outboxRetentionSeconds = 24 * 60 * 60;

/**
 * The outbox row written in the same TransactWriteItems as the change it announces;
 * the table stream carries it to the relay. Data is parsed by the strict contract
 * here, so a field that is not in the contract (personal data included) never leaves.
 */
export function outboxPut(table: string, event: PendingEvent) {
  const eventId = newId('evt');
  return {
    Put: {
      TableName: table,
      Item: {
        ...outboxKey(eventId),
        entity: 'outbox',
        source: event.contract.source,
        detailType: event.contract.detailType,
        detail: {
          metadata: { eventId, occurredAt: event.occurredAt, version: 1 },
          data: event.contract.data.parse(event.data),
        },
        expiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + outboxRetentionSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
