import { defineFunction } from '#shared/kernel/declaration';
import { MidtransAnswerSchema, MidtransNotificationSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'receive-midtrans-notification',
  context: 'orders',
  description: 'Takes Midtrans payment notifications, verified by their signature: paid or cancelled, once',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/payments/midtrans/notifications',
      auth: 'public',
      summary:
        'A Midtrans HTTP notification, valid only with signature_key = hex SHA-512(order_id + status_code + gross_amount + server key) (403 otherwise); settlement or accepted capture → paid, expire/cancel/deny → cancelled; repeats change nothing',
      body: MidtransNotificationSchema,
      response: { status: 200, schema: MidtransAnswerSchema },
    },
  },
  grants: { table: ['read', 'write'], midtransServerKey: 'read' },
});
