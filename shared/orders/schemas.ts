import { GroupId, OrderId, ParticipantId, ProductId } from '#events/ids';
import { PhoneSchema } from '#shared/participants/schemas';
import { ListQuerySchema } from '#shared/store/pagination';
import { textField } from '#shared/text-field';
import * as z from '#shared/validation';

export const OrderStatusSchema = z.enum(['placed', 'paid', 'shipped', 'delivered', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

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

export const OrderItemSchema = z.object({
  productId: ProductId,
  participantId: ParticipantId,
  title: z.string(),
  quantity: z.int(),
  unitPriceIdr: z.int(),
  subtotalIdr: z.int(),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const OrderSchema = z.object({
  id: OrderId,
  buyerSub: z.string(),
  groupId: GroupId,
  status: OrderStatusSchema,
  items: z.array(OrderItemSchema),
  totalIdr: z.int(),
  shipping: z.object({ recipientName: z.string(), phone: z.string(), address: z.string(), city: z.string(), postalCode: z.string() }),
  createdAt: z.iso.datetime(),
});
export type Order = z.infer<typeof OrderSchema>;

export const ListOrdersQuerySchema = z.extend(ListQuerySchema, { status: z.optional(OrderStatusSchema) });
export type ListOrdersQuery = z.output<typeof ListOrdersQuerySchema>;

export const OrderParamsSchema = z.object({ orderId: OrderId });
