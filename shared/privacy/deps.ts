import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import { buildEarningsLedger } from '#shared/earnings/dynamo-earnings-ledger';
import { earningsOf } from '#shared/earnings/earnings';
import { systemClock } from '#shared/clock';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { buildParticipantStore } from '#shared/participants/dynamo-participant-store';
import { buildDocumentClient, tableName } from '#shared/store/dynamo';
import { buildCursorCodec } from '#shared/store/pagination';
import { buildEnrollmentStore } from '#shared/training/dynamo-enrollment-store';
import { buildAccessLog } from './dynamo-access-log.ts';

/** The privacy routes' side effects, built once per container: they reach into every context that holds personal data. */
export function privacyDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  const cursors = buildCursorCodec();
  const ledger = buildEarningsLedger(doc, table);
  return {
    participants: buildParticipantStore(doc, table, cursors),
    enrollments: buildEnrollmentStore(doc, table, cursors),
    products: buildProductStore(doc, table, cursors),
    orders: buildOrderStore(doc, table, cursors),
    earnings: { of: (participantId: string) => earningsOf(ledger, participantId) },
    accessLog: buildAccessLog(doc, table, cursors),
    clock: systemClock,
  };
}
