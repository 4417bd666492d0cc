import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError, ConflictError } from '#shared/kernel/errors';
import { batchGetAll, isConditionFailure, queryAll } from '#shared/kernel/store/dynamo';
import { failedConditions, failedOn, tagged, transactWrite } from '#shared/kernel/store/transaction';
import {
  artisanListedProducts,
  categoryListedProducts,
  groupListedProducts,
  indexQuery,
  listedProducts,
  participantKey,
  participantProductKey,
  participantProductPrefix,
  productKey,
  productListingKeys,
  referencedId,
} from '#shared/kernel/store/keys';
import { outboxPut } from '#shared/kernel/store/outbox';
import { type CursorCodec, queryPage } from '#shared/kernel/store/pagination';
import type { ProductStore } from './ports.ts';
import type { Product } from './schemas.ts';

function toProduct(item: Record<string, unknown>): Product {
  const p = item as Product;
  return {
    id: p.id,
    participantId: p.participantId,
    groupId: p.groupId,
    title: p.title,
    description: p.description,
    category: p.category,
    priceIdr: p.priceIdr,
    stock: p.stock,
    materials: p.materials.map(({ material, grams }) => ({ material, grams })),
    status: p.status,
    // The type declared at presign time is the processor's business, not the product's.
    images: p.images.map(({ imageId, status, urls }) => ({ imageId, status, ...(urls ? { urls } : {}) })),
    listedAt: p.listedAt ?? null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const stillIn = (status: Product['status']) => ({
  ConditionExpression: '#status = :current',
  ExpressionAttributeNames: { '#status': 'status' },
  current: { ':current': status },
});

export function buildProductStore(doc: DynamoDBDocumentClient, table: string, cursors: CursorCodec): ProductStore {
  return {
    async create(product) {
      await transactWrite(doc, [
        tagged('product', {
          Put: {
            TableName: table,
            Item: { ...productKey(product.id), entity: 'product', ...product },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }),
        // The seller's reference to it, so erasure finds every product of theirs by key (README.md beside keys.ts).
        tagged('reference', {
          Put: { TableName: table, Item: { ...participantProductKey(product.participantId, product.id), entity: 'participant-product' } },
        }),
      ]);
    },
    async get(productId) {
      // Strong: edits and listing condition on the status read here, and a seller's GET after a PATCH must show it.
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: productKey(productId), ConsistentRead: true }));
      return Item ? toProduct(Item) : undefined;
    },
    async update(product, changes, updatedAt) {
      const values: Record<string, unknown> = { ...changes, updatedAt };
      // A listed product's category is also its place in the category index.
      if (changes.category !== undefined && product.status === 'listed') {
        const { index, pk } = categoryListedProducts(changes.category);
        values[`${index}pk`] = pk;
      }
      const names = Object.keys(values);
      const condition = stillIn(product.status);
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: productKey(product.id),
            UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
            ConditionExpression: condition.ConditionExpression,
            ExpressionAttributeNames: {
              ...condition.ExpressionAttributeNames,
              ...Object.fromEntries(names.map((name) => [`#${name}`, name])),
            },
            ExpressionAttributeValues: { ...condition.current, ...Object.fromEntries(names.map((name) => [`:${name}`, values[name]])) },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toProduct(Attributes ?? {});
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError('The product was listed or delisted meanwhile; try again');
        throw error;
      }
    },
    async transition(product, to, at, event) {
      const condition = stillIn(product.status);
      const listing = productListingKeys(product, at);
      const update =
        to === 'listed'
          ? {
              UpdateExpression: `SET #status = :to, listedAt = :at, updatedAt = :at, ${Object.keys(listing)
                .map((key) => `${key} = :${key}`)
                .join(', ')}`,
              ExpressionAttributeValues: {
                ':to': to,
                ':at': at,
                ...condition.current,
                ...Object.fromEntries(Object.entries(listing).map(([key, value]) => [`:${key}`, value])),
              },
            }
          : {
              UpdateExpression: `SET #status = :to, updatedAt = :at REMOVE ${Object.keys(listing).join(', ')}`,
              ExpressionAttributeValues: { ':to': to, ':at': at, ...condition.current },
            };
      const items = [
        tagged('product', {
          Update: {
            TableName: table,
            Key: productKey(product.id),
            ConditionExpression: condition.ConditionExpression,
            ExpressionAttributeNames: condition.ExpressionAttributeNames,
            ...update,
          },
        }),
        tagged('event', outboxPut(table, event)),
        // Whoever erases a seller's personal data delists their products after marking them erased: no listing may follow.
        ...(to === 'listed'
          ? [
              tagged('seller', {
                ConditionCheck: {
                  TableName: table,
                  Key: participantKey(product.participantId),
                  ConditionExpression: 'attribute_not_exists(erasedAt)',
                },
              }),
            ]
          : []),
      ];
      try {
        await transactWrite(doc, items);
      } catch (error) {
        const failed = failedConditions(error, items);
        if (failedOn(failed, 'product')) throw new ConflictError(`The product is no longer ${product.status}`);
        if (failedOn(failed, 'seller'))
          throw new BusinessRuleError("The seller's personal data was erased: their products can no longer be listed");
        throw error;
      }
      return { ...product, status: to, updatedAt: at, ...(to === 'listed' ? { listedAt: at } : {}) };
    },
    async ofParticipant(participantId) {
      // Strong, both reads: erasure must find a product created a moment before, and delist it as it is now.
      const refs = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': participantKey(participantId).pk, ':prefix': participantProductPrefix },
        ConsistentRead: true,
      });
      const ids = refs.map((ref) => referencedId(ref.sk as string, participantProductPrefix));
      const products = (await batchGetAll(doc, table, ids.map(productKey), { ConsistentRead: true })).map(toProduct);
      return products.sort((a, b) => b.id.localeCompare(a.id));
    },
    async browse({ artisanId, groupId, category }, page) {
      const filters = { participantId: artisanId, groupId, category };
      // The most selective filter picks the index; any other narrows it within the same Query.
      const [field, partition] = artisanId
        ? (['participantId', artisanListedProducts(artisanId)] as const)
        : groupId
          ? (['groupId', groupListedProducts(groupId)] as const)
          : category
            ? (['category', categoryListedProducts(category)] as const)
            : ([undefined, listedProducts()] as const);
      const read = indexQuery(partition);
      const narrowing = Object.entries(filters).filter(([name, value]) => value !== undefined && name !== field);
      const result = await queryPage(
        doc,
        {
          TableName: table,
          ...read,
          ...(narrowing.length > 0
            ? {
                FilterExpression: narrowing.map(([name]) => `#${name} = :${name}`).join(' AND '),
                ExpressionAttributeNames: Object.fromEntries(narrowing.map(([name]) => [`#${name}`, name])),
              }
            : {}),
          ExpressionAttributeValues: {
            ...read.ExpressionAttributeValues,
            ...Object.fromEntries(narrowing.map(([name, value]) => [`:${name}`, value])),
          },
          ScanIndexForward: false,
        },
        page,
        cursors,
      );
      return { items: result.items.map(toProduct), nextCursor: result.nextCursor };
    },
  };
}
