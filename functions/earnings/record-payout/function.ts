import { defineFunction } from '#shared/kernel/declaration';
import { EarningsParamsSchema, PayoutSchema, RecordPayoutHeadersSchema, RecordPayoutSchema } from '#shared/earnings/schemas';

export default defineFunction({
  name: 'record-payout',
  context: 'earnings',
  description: 'Records money paid out to a participant, at most their balance, once per Idempotency-Key',
  trigger: {
    kind: 'http',
    route: {
      method: 'POST',
      path: '/participants/{participantId}/payouts',
      auth: 'jwt',
      roles: ['facilitator', 'admin'],
      summary:
        'Record a payout to a participant (header Idempotency-Key required: the same key and body answer the same payout); more than the balance is a 422',
      params: EarningsParamsSchema,
      headers: RecordPayoutHeadersSchema,
      body: RecordPayoutSchema,
      refusals: [403, 409, 422],
      response: { status: 201, schema: PayoutSchema },
    },
  },
  grants: { table: ['read', 'write'] },
});
