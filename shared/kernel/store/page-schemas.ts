import * as z from '#shared/kernel/validation';

/**
 * The shapes of a list: what a route declares and validates, apart from the reading (./pagination.ts), so that a
 * declaration, and the OpenAPI document built from them all, carries no DynamoDB client.
 */
export const ListQuerySchema = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});

export type PageRequest = z.output<typeof ListQuerySchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, {
      description:
        'Pass as ?cursor= for the next page; null only when the list is done (a filtered page may hold fewer items than asked, even none, and still go on)',
    }),
  });
}
