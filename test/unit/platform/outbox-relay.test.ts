import { describe, expect, it } from 'vitest';
import { type EventPublisher, type OutboxRecord, type PublishedEvent, relayOutbox } from '#shared/platform/outbox-relay';

const record = (n: number): OutboxRecord => ({ sequenceNumber: `seq-${n}`, source: 's', detailType: 'T', detail: { n } });

describe('relayOutbox', () => {
  it('publishes in chunks of ten, with the detail as JSON', async () => {
    const calls: PublishedEvent[][] = [];
    const publisher: EventPublisher = { publish: async (events) => (calls.push(events), []) };

    const failed = await relayOutbox(
      publisher,
      Array.from({ length: 23 }, (_, i) => record(i)),
    );

    expect(failed).toEqual([]);
    expect(calls.map((c) => c.length)).toEqual([10, 10, 3]);
    expect(calls[2]?.[2]).toEqual({ source: 's', detailType: 'T', detail: '{"n":22}' });
  });

  it('names the records the bus refused, and a whole chunk when the call fails', async () => {
    let call = 0;
    const publisher: EventPublisher = {
      async publish() {
        call += 1;
        if (call === 1) return [3];
        throw new Error('throttled');
      },
    };

    const failed = await relayOutbox(
      publisher,
      Array.from({ length: 12 }, (_, i) => record(i)),
    );

    expect(failed).toEqual(['seq-3', 'seq-10', 'seq-11']);
  });
});
