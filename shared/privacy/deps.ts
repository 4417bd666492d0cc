import { buildProductStore } from '#shared/catalog/dynamo-product-store';
import type { ProductStore } from '#shared/catalog/ports';
import { withdrawListing } from '#shared/catalog/products';
import { buildEarningsLedger } from '#shared/earnings/dynamo-earnings-ledger';
import { buildPayoutStore } from '#shared/earnings/dynamo-payout-store';
import { earningsOf } from '#shared/earnings/earnings';
import { systemClock } from '#shared/kernel/clock';
import { buildOrderStore } from '#shared/orders/dynamo-order-store';
import { buildParticipantStore } from '#shared/participants/dynamo-participant-store';
import { buildMentoringStore } from '#shared/programme/dynamo-mentoring-store';
import { buildFollowUpStore } from '#shared/programme/dynamo-follow-up-store';
import type { FollowUpStore, MentoringStore, PlacementStore } from '#shared/programme/ports';
import { buildPlacementStore } from '#shared/programme/dynamo-placement-store';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildEnrollmentStore } from '#shared/training/dynamo-enrollment-store';
import { buildAccessLog } from '#shared/kernel/access-log/dynamo-access-log';
import type { ParticipantProducts, ProgrammeRecords } from './ports.ts';

/**
 * The privacy routes' side effects, built once per container: they reach into every context that holds personal data,
 * so this composition root builds those contexts' adapters; the use-cases see only their ports.
 */
export function privacyDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  const cursors = buildCursorCodec();
  const ledger = buildEarningsLedger(doc, table);
  const payouts = buildPayoutStore(doc, table, cursors);
  return {
    participants: buildParticipantStore(doc, table, cursors),
    enrollments: buildEnrollmentStore(doc, table, cursors),
    products: participantProductsOf(buildProductStore(doc, table, cursors)),
    orders: buildOrderStore(doc, table, cursors),
    earnings: {
      of: (participantId: string) => earningsOf(ledger, participantId),
      payoutsOf: (participantId: string) => payouts.allOf(participantId),
    },
    programme: programmeRecordsOf(
      buildMentoringStore(doc, table, cursors),
      buildPlacementStore(doc, table, cursors),
      buildFollowUpStore(doc, table, cursors),
    ),
    accessLog: buildAccessLog(doc, table, cursors),
    clock: systemClock,
  };
}

/** The programme's stores as export and erasure see them. */
export function programmeRecordsOf(mentoring: MentoringStore, placements: PlacementStore, followUps: FollowUpStore): ProgrammeRecords {
  return {
    mentoringOf: (participantId) => mentoring.allOf(participantId),
    placementsOf: (participantId) => placements.allOf(participantId),
    followUpsOf: (participantId) => followUps.allOf(participantId),
    async erase(participantId, erasedAt) {
      await mentoring.eraseNotes(participantId, erasedAt);
      await placements.eraseOrganisations(participantId, erasedAt);
      await followUps.eraseNotes(participantId, erasedAt);
    },
  };
}

/** The catalog's store as erasure sees it: withdrawing goes through the catalog's own delisting, so ProductDelisted is emitted. */
export function participantProductsOf(products: ProductStore): ParticipantProducts {
  return {
    ofParticipant: (participantId) => products.ofParticipant(participantId),
    get: (productId) => products.get(productId),
    withdraw: (product, at) => withdrawListing(products, product, at),
  };
}
