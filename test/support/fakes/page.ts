import type { Page } from '#shared/kernel/store/page-schemas';

/** Fakes answer with one page: paging is the DynamoDB adapters' concern, tested against DynamoDB Local. */
export const pageOf = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });
