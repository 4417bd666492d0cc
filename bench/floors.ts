import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import { recordAccess } from '#shared/kernel/access-log/access-log';
import { systemClock } from '#shared/kernel/clock';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildGroupStore } from '#shared/participants/dynamo-group-store';
import { buildParticipantStore } from '#shared/participants/dynamo-participant-store';
import { planBuckets } from '#shared/reports/date-range';
import { buildReportStore } from '#shared/reports/dynamo-report-store';
import { localDocumentClient } from './local-client.ts';
import { bareTransaction } from './transaction-floor.ts';

export type Floor = () => Promise<unknown>;

/**
 * The floors under the HTTP benches. Under a read route, what it asks DynamoDB, sent from the bench's own process
 * through the route's own adapters (so the very same Get, Query and Put, in the same order and parallelism), with no
 * HTTP API, handler, auth or validation around them. Under POST /orders and the payouts, a bare transaction of as
 * many items as a placement (or a payout) writes. One client, as one warm container has.
 */
export function buildFloors(endpoints: { dynamoEndpoint: string; tableName: string }) {
  const { doc, destroy } = localDocumentClient(endpoints);
  const table = endpoints.tableName;
  const cursors = buildCursorCodec('bench');
  const groups = buildGroupStore(doc, table, cursors);
  const participants = buildParticipantStore(doc, table, cursors);
  const accessLog = buildAccessLog(doc, table, cursors);
  const products = buildProductStore(doc, table, cursors);
  const reports = buildReportStore(doc, table);
  return {
    group:
      (groupId: string): Floor =>
      () =>
        groups.get(groupId),
    // The private read: the participant, then its access-log record (fail closed), as getParticipant does.
    participant:
      (participantId: string, reader: { sub: string; roles: ['officer'] }): Floor =>
      async () => {
        await participants.get(participantId);
        await recordAccess({ accessLog, clock: systemClock }, reader, 'participant.read', [participantId]);
      },
    productPage:
      (groupId: string): Floor =>
      () =>
        products.browse({ groupId }, { limit: 20 }),
    product:
      (productId: string): Floor =>
      () =>
        products.get(productId),
    report:
      (groupId: string, range: { from: string; to: string }): Floor =>
      () =>
        reports.buckets(groupId, planBuckets(range)),
    placement: bareTransaction(doc, table),
    // A payout's transaction is as large (key claim, payout, ledger line, balance update, outbox row).
    payout: bareTransaction(doc, table),
    destroy,
  };
}
