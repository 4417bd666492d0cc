/** An outbox row as the stream carries it. */
export interface OutboxRecord {
  sequenceNumber: string;
  source: string;
  detailType: string;
  detail: unknown;
}

export interface PublishedEvent {
  source: string;
  detailType: string;
  detail: string;
}

export interface EventPublisher {
  /** Returns the indexes of the events the bus did not accept. */
  publish(events: PublishedEvent[]): Promise<number[]>;
}

/** PutEvents takes at most 10 entries. */
const maxEntriesPerPut = 10;

/**
 * Publishes outbox rows to the bus and names the stream records that failed, so only
 * those (and what follows them) are retried. A retry may publish an event twice;
 * consumers deduplicate by metadata.eventId.
 */
export async function relayOutbox(publisher: EventPublisher, records: OutboxRecord[]): Promise<string[]> {
  const failed: string[] = [];
  for (let start = 0; start < records.length; start += maxEntriesPerPut) {
    const chunk = records.slice(start, start + maxEntriesPerPut);
    const failedIndexes = await publisher
      .publish(chunk.map(({ source, detailType, detail }) => ({ source, detailType, detail: JSON.stringify(detail) })))
      .catch(() => chunk.map((_, index) => index));
    failed.push(...failedIndexes.map((index) => (chunk[index] as OutboxRecord).sequenceNumber));
  }
  return failed;
}
