import { GroupId, OrderId, ParticipantId, ProductId } from '#events/ids';
import { CancellationReason } from '#events/order-cancelled';
import { ReturnReason } from '#events/return-requested';
import { PhoneSchema } from '#shared/participants/schemas';
import { ListQuerySchema } from '#shared/kernel/store/page-schemas';
import { textField } from '#shared/kernel/text-field';
import * as z from '#shared/kernel/validation';

export const OrderStatusSchema = z.enum([
  'placed',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'return_requested',
  'refunded',
  'return_refused',
]);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/**
 * The statuses an order ends in: nothing happens to it after them but, 90 days on, the reduction of its buyer data
 * (shared/orders/buyer-data.ts). A delivered order may still come back as a return; the refund or the refusal then
 * ends it again, and its buyer data is kept 90 days from that step.
 */
export const orderEndingStatuses = ['delivered', 'cancelled', 'refunded', 'return_refused'] as const satisfies readonly OrderStatus[];

/** At most 20 lines: one order's transaction then holds at most 43 of TransactWriteItems' 100 items. */
export const maxOrderItems = 20;

export const ShippingSchema = z.strictObject({
  recipientName: textField(100),
  phone: PhoneSchema,
  address: textField(500),
  city: textField(100),
  postalCode: z.string().check(z.regex(/^\d{5}$/, 'Must be a 5-digit postal code')),
});
export type Shipping = z.output<typeof ShippingSchema>;

export const PlaceOrderSchema = z.strictObject({
  items: z.array(z.strictObject({ productId: ProductId, quantity: z.int().check(z.minimum(1), z.maximum(100)) })).check(
    z.minLength(1),
    z.maxLength(maxOrderItems),
    z.refine((items) => new Set(items.map((item) => item.productId)).size === items.length, 'Name each product once'),
  ),
  shipping: ShippingSchema,
});
export type PlaceOrder = z.output<typeof PlaceOrderSchema>;

/** Header `Idempotency-Key`: required on POST /orders; a client's retry sends the same one. */
export const IdempotencyKeySchema = z.string().check(z.minLength(1), z.maxLength(255));

const idempotencyKeyMessage = 'Required: 1 to 255 characters, the same on every retry';
/** The headers POST /orders requires, for the edge check and the OpenAPI document. */
export const PlaceOrderHeadersSchema = z.object({
  'idempotency-key': z
    .string({ error: idempotencyKeyMessage })
    .check(z.minLength(1, idempotencyKeyMessage), z.maxLength(255, idempotencyKeyMessage)),
});

export const OrderItemSchema = z.object({
  productId: ProductId,
  participantId: ParticipantId,
  title: z.string(),
  quantity: z.int(),
  unitPriceIdr: z.int(),
  subtotalIdr: z.int(),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

/** How a facilitator says the money came in; `midtrans` is set only by a verified Midtrans notification. */
export const PaymentMethodSchema = z.enum(['bank_transfer', 'cash', 'qris', 'other']);
export const CourierSchema = z.enum(['jne', 'jnt', 'sicepat', 'pos', 'anteraja', 'other']);
/** `system` cancels an order its payment window let lapse (reason payment_expired). */
export const CancelledBySchema = z.enum(['buyer', 'facilitator', 'payment-provider', 'system']);

export const RecordPaymentSchema = z.strictObject({ method: PaymentMethodSchema, reference: textField(100) });
export type RecordPayment = z.output<typeof RecordPaymentSchema>;

export const RecordShipmentSchema = z.strictObject({ courier: CourierSchema, trackingNumber: textField(100) });
export type RecordShipment = z.output<typeof RecordShipmentSchema>;

/**
 * The codes a person may give; payment_expired and payment_failed are the system's and Midtrans'. The code travels in
 * OrderCancelled to partners; the note is free text, so it stays on the order (and goes with its buyer data).
 */
export const CancelOrderSchema = z.strictObject({
  reason: z.enum(['buyer_request', 'out_of_stock', 'other']),
  note: z.optional(textField(200)),
  /** how the money went back: required to cancel a paid order, refused for a placed one (nothing to give back) */
  refund: z.optional(z.strictObject({ method: PaymentMethodSchema, reference: textField(100) })),
});
export type CancelOrder = z.output<typeof CancelOrderSchema>;

/** The buyer's code travels in ReturnRequested; the note is free text, so it stays on the order, as a cancellation's. */
export const RequestReturnSchema = z.strictObject({ reason: ReturnReason, note: z.optional(textField(200)) });
export type RequestReturn = z.output<typeof RequestReturnSchema>;

/** `restock`: whether the goods that came back can be sold again. */
export const RecordRefundSchema = z.strictObject({ method: PaymentMethodSchema, reference: textField(100), restock: z.boolean() });
export type RecordRefund = z.output<typeof RecordRefundSchema>;

/** Why the return is refused, for the buyer: free text, kept on the order and removed with its buyer data. */
export const RefuseReturnSchema = z.strictObject({ note: textField(200) });
export type RefuseReturn = z.output<typeof RefuseReturnSchema>;

export const PaymentSchema = z.object({
  method: z.enum(['bank_transfer', 'cash', 'qris', 'other', 'midtrans']),
  reference: z.string(),
  paidAt: z.iso.datetime(),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const ShipmentSchema = z.object({ courier: CourierSchema, trackingNumber: z.string(), shippedAt: z.iso.datetime() });
export type Shipment = z.infer<typeof ShipmentSchema>;

export const CancellationSchema = z.object({
  reason: CancellationReason,
  by: CancelledBySchema,
  cancelledAt: z.iso.datetime(),
  /** removed with the buyer data, 90 days after the order ended */
  note: z.optional(z.string()),
});
export type Cancellation = z.infer<typeof CancellationSchema>;

/** The money given back: after a return, or with the cancellation of a paid order (then `refundedAt` is its `cancelledAt`). */
export const RefundSchema = z.object({
  method: PaymentMethodSchema,
  reference: z.string(),
  refundedAt: z.iso.datetime(),
  /** whether the goods' stock was given back in the same step */
  restocked: z.boolean(),
});
export type Refund = z.infer<typeof RefundSchema>;

export const ReturnRequestSchema = z.object({
  reason: ReturnReason,
  requestedAt: z.iso.datetime(),
  /** removed with the buyer data, 90 days after the order ended */
  note: z.optional(z.string()),
});
export type ReturnRequest = z.infer<typeof ReturnRequestSchema>;

export const ReturnRefusalSchema = z.object({
  refusedAt: z.iso.datetime(),
  /** removed with the buyer data, 90 days after the order ended */
  note: z.optional(z.string()),
});
export type ReturnRefusal = z.infer<typeof ReturnRefusalSchema>;

export const OrderSchema = z.object({
  id: OrderId,
  buyerSub: z.string(),
  groupId: GroupId,
  status: OrderStatusSchema,
  items: z.array(OrderItemSchema),
  totalIdr: z.int(),
  /** reduced to `{city}` 90 days after the order ended */
  shipping: z.union([
    z.object({ recipientName: z.string(), phone: z.string(), address: z.string(), city: z.string(), postalCode: z.string() }),
    z.object({ city: z.string() }),
  ]),
  createdAt: z.iso.datetime(),
  /** createdAt + the payment window: still placed then, the system cancels it (payment_expired) */
  payBy: z.iso.datetime(),
  /** Lifecycle facts, each present once its step happened; they stay when the order moves on (a cancelled paid order keeps its payment). */
  payment: z.optional(PaymentSchema),
  shipment: z.optional(ShipmentSchema),
  deliveredAt: z.optional(z.iso.datetime()),
  cancellation: z.optional(CancellationSchema),
  returnRequest: z.optional(ReturnRequestSchema),
  refund: z.optional(RefundSchema),
  returnRefusal: z.optional(ReturnRefusalSchema),
  /** the last lifecycle step; absent while the order is as placed */
  updatedAt: z.optional(z.iso.datetime()),
});
export type Order = z.infer<typeof OrderSchema>;

/**
 * An order as one of its sellers sees it (CONTRACT §3 Orders, the seller's view): their own lines and what they come
 * to, the status and when each step happened. Never the buyer, the shipping, a payment or refund reference, a note or
 * another seller's lines. The seller rows store exactly this, so nothing more can reach a seller's code path.
 */
export const SellerOrderSchema = z.object({
  id: OrderId,
  groupId: GroupId,
  status: OrderStatusSchema,
  items: z.array(OrderItemSchema),
  sellerSubtotalIdr: z.int(),
  createdAt: z.iso.datetime(),
  payBy: z.iso.datetime(),
  paidAt: z.optional(z.iso.datetime()),
  shippedAt: z.optional(z.iso.datetime()),
  deliveredAt: z.optional(z.iso.datetime()),
  cancelledAt: z.optional(z.iso.datetime()),
  returnRequestedAt: z.optional(z.iso.datetime()),
  refundedAt: z.optional(z.iso.datetime()),
  returnRefusedAt: z.optional(z.iso.datetime()),
  updatedAt: z.optional(z.iso.datetime()),
});
export type SellerOrder = z.infer<typeof SellerOrderSchema>;

/** What GET /orders and GET /orders/{id} answer: the whole order, or (to a participant selling in it) the seller's view. */
export const OrderViewSchema = z.union([OrderSchema, SellerOrderSchema]);
export type OrderView = z.infer<typeof OrderViewSchema>;

export const ListOrdersQuerySchema = z.extend(ListQuerySchema, { status: z.optional(OrderStatusSchema) });
export type ListOrdersQuery = z.output<typeof ListOrdersQuerySchema>;

export const OrderParamsSchema = z.object({ orderId: OrderId });

/**
 * A Midtrans HTTP notification. Midtrans sends many more fields than these and adds new ones over time, so
 * unknown fields are allowed here (the one body that does not refuse them). `signature_key` is optional only so
 * that a notification without one is a 403 like a wrong one, not a 400.
 */
export const MidtransNotificationSchema = z.looseObject({
  order_id: z.string(),
  status_code: z.string(),
  gross_amount: z.string(),
  signature_key: z.optional(z.string()),
  transaction_status: z.string(),
  fraud_status: z.optional(z.string()),
  transaction_id: z.optional(z.string()),
  payment_type: z.optional(z.string()),
});
export type MidtransNotification = z.output<typeof MidtransNotificationSchema>;

export const MidtransAnswerSchema = z.object({
  status: z.literal('ok'),
  /** what the notification did to the order */
  result: z.enum(['paid', 'cancelled', 'unchanged']),
});
export type MidtransAnswer = z.output<typeof MidtransAnswerSchema>;
