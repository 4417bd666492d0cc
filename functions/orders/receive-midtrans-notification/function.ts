import { defineFunction } from '#shared/kernel/declaration';
import { MidtransAnswerSchema, MidtransNotificationSchema } from '#shared/orders/schemas';

export default defineFunction({
  name: 'receive-midtrans-notification',
  context: 'orders',
  description: 'Takes Midtrans payment notifications, signed, as hints confirmed with the Get Status API: paid or cancelled, once',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/payments/midtrans/notifications',
      auth: 'public',
      summary:
        'A Midtrans HTTP notification, valid only with signature_key = hex SHA-512(order_id + status_code + gross_amount + server key) (403 otherwise). The order changes only as Midtrans’ Get Status API confirms: settlement or accepted capture of the order total → paid, expire/cancel/deny → cancelled, anything else unchanged; 503 while Midtrans cannot answer; repeats change nothing',
      body: MidtransNotificationSchema,
      refusals: [403, 404, 409],
      response: { status: 200, schema: MidtransAnswerSchema },
    },
  },
  grants: { table: ['read', 'write'], midtransServerKey: 'read' },
});
