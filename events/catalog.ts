import { EarningsCredited } from './earnings-credited.ts';
import { EarningsReversed } from './earnings-reversed.ts';
import type { EventContract } from './event-contract.ts';
import { FollowUpRecorded } from './follow-up-recorded.ts';
import { MentoringRecorded } from './mentoring-recorded.ts';
import { OrderCancelled } from './order-cancelled.ts';
import { OrderDelivered } from './order-delivered.ts';
import { OrderPaid } from './order-paid.ts';
import { OrderPlaced } from './order-placed.ts';
import { OrderRefunded } from './order-refunded.ts';
import { OrderShipped } from './order-shipped.ts';
import { ParticipantRegistered } from './participant-registered.ts';
import { PayoutRecorded } from './payout-recorded.ts';
import { PlacementEnded } from './placement-ended.ts';
import { PlacementStarted } from './placement-started.ts';
import { ProductDelisted } from './product-delisted.ts';
import { ProductListed } from './product-listed.ts';
import { ReturnRequested } from './return-requested.ts';
import { TrainingCompleted } from './training-completed.ts';
import { TrainingEnrolled } from './training-enrolled.ts';

/** Every event the platform publishes: the source of GET /events/schemas and the docs. */
export const eventCatalog: readonly EventContract[] = [
  ParticipantRegistered,
  TrainingEnrolled,
  TrainingCompleted,
  ProductListed,
  ProductDelisted,
  OrderPlaced,
  OrderPaid,
  OrderShipped,
  OrderDelivered,
  OrderCancelled,
  ReturnRequested,
  OrderRefunded,
  EarningsCredited,
  EarningsReversed,
  PayoutRecorded,
  MentoringRecorded,
  PlacementStarted,
  PlacementEnded,
  FollowUpRecorded,
];
