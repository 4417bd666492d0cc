import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventPublisher } from './outbox-relay.ts';

export function buildEventBridgePublisher(client: EventBridgeClient, busName: string): EventPublisher {
  return {
    async publish(events) {
      const { Entries = [] } = await client.send(
        new PutEventsCommand({
          Entries: events.map((event) => ({
            EventBusName: busName,
            Source: event.source,
            DetailType: event.detailType,
            Detail: event.detail,
          })),
        }),
      );
      return Entries.flatMap((entry, index) => (entry.ErrorCode ? [index] : []));
    },
  };
}
