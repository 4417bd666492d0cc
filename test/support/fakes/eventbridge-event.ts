import type { EventBridgeEvent } from 'aws-lambda';
import type { EventContract } from '#events/event-contract';
import { newId } from '#shared/kernel/ids';

/** An event as EventBridge hands it to a consumer: the contract's source and detail-type, our metadata around the data. */
export const eventBridgeEvent = (contract: EventContract, data: unknown, occurredAt: string, eventId: string = newId('evt')) =>
  ({
    id: 'eb-1',
    source: contract.source,
    'detail-type': contract.detailType,
    detail: { metadata: { eventId, occurredAt, version: 1 }, data },
  }) as unknown as EventBridgeEvent<string, unknown>;
