import * as z from './validation.ts';

export const EventSource = {
  participants: 'pas-kreatif.participants',
  training: 'pas-kreatif.training',
  catalog: 'pas-kreatif.catalog',
  orders: 'pas-kreatif.orders',
  earnings: 'pas-kreatif.earnings',
  programme: 'pas-kreatif.programme',
} as const;

export type EventSource = (typeof EventSource)[keyof typeof EventSource];

export const EventMetadataSchema = z.strictObject({
  eventId: z.string().check(z.regex(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/)),
  occurredAt: z.iso.datetime(),
  version: z.literal(1),
});

export type EventMetadata = z.infer<typeof EventMetadataSchema>;

export interface EventContract<D extends z.ZodMiniObject = z.ZodMiniObject> {
  detailType: string;
  source: EventSource;
  /** Ids and figures only: events never carry personal data (UU 27/2022). */
  data: D;
}

export type EventData<C extends EventContract> = z.infer<C['data']>;

export interface EventDetail<C extends EventContract> {
  metadata: EventMetadata;
  data: EventData<C>;
}

export function defineEvent<D extends z.ZodMiniObject>(contract: EventContract<D>): EventContract<D> {
  return contract;
}

export function detailSchema<C extends EventContract>(contract: C) {
  return z.strictObject({ metadata: EventMetadataSchema, data: contract.data });
}
