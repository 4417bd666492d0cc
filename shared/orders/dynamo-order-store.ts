import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/kernel/errors';
import { failedConditions, tagged, transactWrite } from '#shared/kernel/store/transaction';
import {
  allOrders,
  buyerOrders,
  dueKeys,
  dueSlotAttributes,
  groupOrders,
  type IndexPartition,
  idempotencyKey,
  indexKeys,
  indexQuery,
  orderKey,
  orderSellerKey,
  participantOrders,
  productKey,
} from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type PageRequest } from '#shared/kernel/store/page-schemas';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import { reductionDueAt } from './buyer-data.ts';
import { OutOfStockError } from './out-of-stock.ts';
import type { OrderableProduct, OrderChanges, OrderScope, OrderStore } from './ports.ts';
import type { Order, OrderItem, OrderStatus, SellerOrder } from './schemas.ts';
import { sellerRowChanges, sellerView } from './seller-view.ts';

/** Each way of listing orders is one index partition sorted by order id (a ULID, so by time). */
function partitionOf(scope: OrderScope): IndexPartition {
  switch (scope.kind) {
    case 'buyer':
      return buyerOrders(scope.buyerSub);
    case 'group':
      return groupOrders(scope.groupId);
    case 'all':
      return allOrders();
  }
}

const toItems = (items: OrderItem[]): OrderItem[] =>
  items.map(({ productId, participantId, title, quantity, unitPriceIdr, subtotalIdr }) => ({
    productId,
    participantId,
    title,
    quantity,
    unitPriceIdr,
    subtotalIdr,
  }));

/** The whole shipping while the order holds it, its city once the buyer data was reduced. */
function toShipping(shipping: Record<string, string>): Order['shipping'] {
  if (shipping.recipientName === undefined) return { city: shipping.city as string };
  const { recipientName, phone, address, city, postalCode } = shipping as Extract<Order['shipping'], { recipientName: string }>;
  return { recipientName, phone, address, city, postalCode };
}

function toOrder(item: Record<string, unknown>): Order {
  const o = item as Order;
  return {
    id: o.id,
    buyerSub: o.buyerSub,
    groupId: o.groupId,
    status: o.status,
    items: toItems(o.items),
    totalIdr: o.totalIdr,
    shipping: toShipping(o.shipping as Record<string, string>),
    createdAt: o.createdAt,
    payBy: o.payBy,
    ...(o.payment ? { payment: { method: o.payment.method, reference: o.payment.reference, paidAt: o.payment.paidAt } } : {}),
    ...(o.shipment
      ? { shipment: { courier: o.shipment.courier, trackingNumber: o.shipment.trackingNumber, shippedAt: o.shipment.shippedAt } }
      : {}),
    ...(o.deliveredAt ? { deliveredAt: o.deliveredAt } : {}),
    ...(o.cancellation
      ? {
          cancellation: {
            reason: o.cancellation.reason,
            by: o.cancellation.by,
            cancelledAt: o.cancellation.cancelledAt,
            ...(o.cancellation.note === undefined ? {} : { note: o.cancellation.note }),
          },
        }
      : {}),
    ...(o.returnRequest
      ? {
          returnRequest: {
            reason: o.returnRequest.reason,
            requestedAt: o.returnRequest.requestedAt,
            ...(o.returnRequest.note === undefined ? {} : { note: o.returnRequest.note }),
          },
        }
      : {}),
    ...(o.refund
      ? {
          refund: {
            method: o.refund.method,
            reference: o.refund.reference,
            refundedAt: o.refund.refundedAt,
            restocked: o.refund.restocked,
          },
        }
      : {}),
    ...(o.returnRefusal
      ? {
          returnRefusal: {
            refusedAt: o.returnRefusal.refusedAt,
            ...(o.returnRefusal.note === undefined ? {} : { note: o.returnRefusal.note }),
          },
        }
      : {}),
    ...(o.updatedAt ? { updatedAt: o.updatedAt } : {}),
  };
}

/** A seller row as its seller sees it: the row holds nothing more, and its keys stay behind. */
function toSellerOrder(item: Record<string, unknown>): SellerOrder {
  const o = item as SellerOrder;
  return {
    id: o.id,
    groupId: o.groupId,
    status: o.status,
    items: toItems(o.items),
    sellerSubtotalIdr: o.sellerSubtotalIdr,
    createdAt: o.createdAt,
    payBy: o.payBy,
    ...(o.paidAt ? { paidAt: o.paidAt } : {}),
    ...(o.shippedAt ? { shippedAt: o.shippedAt } : {}),
    ...(o.deliveredAt ? { deliveredAt: o.deliveredAt } : {}),
    ...(o.cancelledAt ? { cancelledAt: o.cancelledAt } : {}),
    ...(o.returnRequestedAt ? { returnRequestedAt: o.returnRequestedAt } : {}),
    ...(o.refundedAt ? { refundedAt: o.refundedAt } : {}),
    ...(o.returnRefusedAt ? { returnRefusedAt: o.returnRefusedAt } : {}),
    ...(o.updatedAt ? { updatedAt: o.updatedAt } : {}),
  };
}

/** `SET #status = :status, updatedAt = :updatedAt, … REMOVE …` for the fields given. */
function setUpdate(changes: Record<string, unknown>, remove: readonly string[] = []) {
  const fields = Object.entries(changes).filter(([, value]) => value !== undefined);
  return {
    UpdateExpression: `SET ${fields.map(([name]) => `#${name} = :${name}`).join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
    ExpressionAttributeNames: Object.fromEntries(fields.map(([name]) => [`#${name}`, name])),
    ExpressionAttributeValues: Object.fromEntries(fields.map(([name, value]) => [`:${name}`, value])),
  };
}

/**
 * An order's one due slot follows its status in the step's own write: paying takes it out of payment expiry, and the
 * step that ends it puts it in the reduction of its buyer data (a cancellation overwrites the expiry it was due for).
 */
function dueChanges(orderId: string, changes: OrderChanges): { set: Record<string, string>; remove: readonly string[] } {
  const reductionAt = reductionDueAt(changes);
  if (reductionAt !== undefined) return { set: dueKeys('order-reduction', reductionAt, orderId), remove: [] };
  return { set: {}, remove: changes.status === 'paid' ? dueSlotAttributes : [] };
}

/** What each item of a placement stands for: a refused product item names its product, for the answer. */
type PlacementTag = { kind: 'claim' | 'order' | 'seller' | 'event' } | { kind: 'product'; product: OrderableProduct };

/** Many buyers of one product race on its item: each lost race is retried, so a sale fails only for stock. */
const placementAttempts = 12;

export interface OrderStoreOptions {
  /** the write capacity one placement consumed (bench only: it asks the transaction for ReturnConsumedCapacity) */
  onConsumedCapacity?: (writeUnits: number) => void;
}

export function buildOrderStore(
  doc: DynamoDBDocumentClient,
  table: string,
  cursors: CursorCodec,
  options: OrderStoreOptions = {},
): OrderStore {
  return {
    async place({ order, claim, products, event }) {
      const quantities = new Map(order.items.map((item) => [item.productId, item.quantity]));
      const sellers = [...new Set(order.items.map((item) => item.participantId))];
      const stored = { entity: 'order', ...order };
      const items = [
        tagged<PlacementTag>(
          { kind: 'claim' },
          {
            Put: {
              TableName: table,
              Item: { ...idempotencyKey(claim.buyerSub, claim.key), entity: 'idempotency', ...claim, orderId: order.id },
              // A claim past its 24 hours may still be in the table until TTL removes it: it no longer counts.
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
              ExpressionAttributeValues: { ':now': Math.floor(Date.parse(order.createdAt) / 1000) },
            },
          },
        ),
        tagged<PlacementTag>(
          { kind: 'order' },
          {
            Put: {
              TableName: table,
              Item: {
                ...orderKey(order.id),
                ...stored,
                ...indexKeys(buyerOrders(order.buyerSub), order.id),
                ...indexKeys(groupOrders(order.groupId), order.id),
                ...indexKeys(allOrders(), order.id),
                // Due for payment expiry from the moment it exists: no order can wait unpaid without being due.
                ...dueKeys('payment-expiry', order.payBy, order.id),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ),
        ...sellers.map((participantId) =>
          tagged<PlacementTag>(
            { kind: 'seller' },
            {
              Put: {
                TableName: table,
                // The seller's view only: whatever reads this row can show no more than the seller may see.
                Item: {
                  ...orderSellerKey(order.id, participantId),
                  entity: 'order-seller',
                  ...sellerView(order, participantId),
                  ...indexKeys(participantOrders(participantId), order.id),
                },
              },
            },
          ),
        ),
        ...products.map((product) =>
          tagged<PlacementTag>(
            { kind: 'product', product },
            {
              Update: {
                TableName: table,
                Key: productKey(product.id),
                UpdateExpression: 'SET stock = stock - :quantity',
                // Still listed, at the price the order holds, with enough left: stock can never go below 0.
                ConditionExpression: '#status = :listed AND priceIdr = :price AND stock >= :quantity',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':listed': 'listed', ':price': product.priceIdr, ':quantity': quantities.get(product.id) },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
              },
            },
          ),
        ),
        tagged<PlacementTag>({ kind: 'event' }, outboxPut(table, event)),
      ];
      try {
        const output = await transactWrite(doc, items, {
          attempts: placementAttempts,
          returnConsumedCapacity: options.onConsumedCapacity !== undefined,
        });
        const units = output.ConsumedCapacity?.reduce((sum, consumed) => sum + (consumed.CapacityUnits ?? 0), 0);
        if (units !== undefined) options.onConsumedCapacity?.(units);
        return 'placed';
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failed?.some(({ tag }) => tag.kind === 'claim')) return 'key-taken';
        const refused = failed?.find(({ tag }) => tag.kind === 'product');
        if (refused?.tag.kind !== 'product') throw error;
        const { product } = refused.tag;
        const now = refused.current;
        const stock = Number(now?.stock ?? 0);
        const changed = now?.status !== 'listed' || Number(now.priceIdr) !== product.priceIdr;
        if (!changed) throw new OutOfStockError(product.id, stock);
        throw new ConflictError(`Product ${product.id} changed meanwhile (delisted or repriced); review the order and place it again`);
      }
    },
    async claimOf(buyerSub, key, nowSeconds) {
      // Strong: a client's retry can follow its first request within milliseconds, and must find that claim.
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: idempotencyKey(buyerSub, key),
          ConsistentRead: true,
          ProjectionExpression: 'bodyHash, orderId, expiresAt',
        }),
      );
      if (!Item || (Item.expiresAt as number) < nowSeconds) return undefined;
      return { bodyHash: Item.bodyHash as string, orderId: Item.orderId as string };
    },
    async get(orderId) {
      // Strong: a lifecycle step picks its transition from the status read here, and GET after a step must show it.
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: orderKey(orderId), ConsistentRead: true }));
      return Item ? toOrder(Item) : undefined;
    },
    async getSellerView(orderId, participantId) {
      // Strong, as for the order: a seller reading right after a step must see it.
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: orderSellerKey(orderId, participantId), ConsistentRead: true }),
      );
      return Item ? toSellerOrder(Item) : undefined;
    },
    async transition({ order, from, changes, events, restock }) {
      const due = dueChanges(order.id, changes);
      const update = setUpdate({ ...changes, ...due.set }, due.remove);
      const sellerUpdate = setUpdate(sellerRowChanges(changes));
      const sellers = [...new Set(order.items.map((item) => item.participantId))];
      const allowed = Object.fromEntries(from.map((status, index) => [`:from${index}`, status]));
      const items = [
        tagged('order', {
          Update: {
            TableName: table,
            Key: orderKey(order.id),
            ...update,
            // The one guard of the step: of two racing steps (pay and cancel), the second finds the status moved on.
            ConditionExpression: `#status IN (${Object.keys(allowed).join(', ')})`,
            ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...allowed },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
          },
        }),
        // The seller rows are the sellers' views: they change with the order, never alone, and only in status and time.
        ...sellers.map((participantId) =>
          tagged('seller', {
            Update: {
              TableName: table,
              Key: orderSellerKey(order.id, participantId),
              ...sellerUpdate,
              ConditionExpression: 'attribute_exists(pk)',
            },
          }),
        ),
        // Stock comes back whatever became of the product since (delisted, repriced); products are never deleted.
        ...(restock
          ? order.items.map((item) =>
              tagged('product', {
                Update: {
                  TableName: table,
                  Key: productKey(item.productId),
                  UpdateExpression: 'ADD stock :quantity',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeValues: { ':quantity': item.quantity },
                },
              }),
            )
          : []),
        ...events.map((event) => tagged('event', outboxPut(table, event))),
      ];
      try {
        await transactWrite(doc, items);
      } catch (error) {
        const status = failedConditions(error, items)?.find(({ tag }) => tag === 'order')?.current?.status;
        if (typeof status !== 'string') throw error;
        return { outcome: 'status-changed', status: status as OrderStatus };
      }
      return { outcome: 'done', order: { ...order, ...changes } };
    },
    async list(scope, status, page) {
      const result = await listPartition(partitionOf(scope), status, page);
      return { items: result.items.map(toOrder), nextCursor: result.nextCursor };
    },
    async listForSeller(participantId, status, page) {
      const result = await listPartition(participantOrders(participantId), status, page);
      return { items: result.items.map(toSellerOrder), nextCursor: result.nextCursor };
    },
  };

  function listPartition(partition: IndexPartition, status: OrderStatus | undefined, page: PageRequest) {
    const read = indexQuery(partition);
    return queryPage(
      doc,
      {
        TableName: table,
        ...read,
        ...(status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: { ...read.ExpressionAttributeValues, ...(status ? { ':status': status } : {}) },
        ScanIndexForward: false,
      },
      page,
      cursors,
    );
  }
}
