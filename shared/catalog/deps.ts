import { systemClock } from '#shared/kernel/clock';
import { buildDocumentClient, tableName } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';
import { buildProductStore } from './dynamo-product-store.ts';
import { buildSellerDirectory } from './dynamo-seller-directory.ts';

/** The catalog context's side effects, built once per container. */
export function catalogDeps() {
  const doc = buildDocumentClient();
  const table = tableName();
  return {
    products: buildProductStore(doc, table, buildCursorCodec()),
    sellers: buildSellerDirectory(doc, table),
    clock: systemClock,
  };
}
