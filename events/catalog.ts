import { EarningsCredited } from './earnings-credited.ts';
import type { EventContract } from './event-contract.ts';
import { OrderCancelled } from './order-cancelled.ts';
import { OrderDelivered } from './order-delivered.ts';
import { OrderPaid } from './order-paid.ts';
import { OrderPlaced } from './order-placed.ts';
import { OrderShipped } from './order-shipped.ts';
import { ParticipantRegistered } from './participant-registered.ts';
import { ProductDelisted } from './product-delisted.ts';
import { ProductListed } from './product-listed.ts';
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
  EarningsCredited,
];
