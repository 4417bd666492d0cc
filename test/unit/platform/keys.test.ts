import { describe, expect, it } from 'vitest';
import { tableDefinition } from '#shared/kernel/table-definition';
import {
  allOrders,
  artisanListedProducts,
  buyerOrders,
  categoryListedProducts,
  groupListedProducts,
  indexKeys,
  indexQuery,
  listedProducts,
  productListingKeys,
} from '#shared/kernel/store/keys';

describe('index keys', () => {
  it('put an item where the Query of the same partition looks for it', () => {
    // Prepare
    const partition = buyerOrders('buyer-1');

    // Act
    const item = indexKeys(partition, 'ord_1');
    const query = indexQuery(partition);

    // Assert
    expect(item).toEqual({ gsi1pk: 'BUYER#buyer-1#ORDERS', gsi1sk: 'ord_1' });
    expect(query).toEqual({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': item.gsi1pk } });
    expect(tableDefinition.globalIndexes.map((index) => index.indexName)).toContain(allOrders().index);
  });

  it('list a product in all four browsing partitions, each sorted by listing time', () => {
    const product = { id: 'prd_1', groupId: 'grp_1', category: 'bag', participantId: 'prt_1' };

    const keys = productListingKeys(product, '2026-11-28T05:36:47.000Z');

    const sort = '2026-11-28T05:36:47.000Z#prd_1';
    expect(keys).toEqual({
      ...indexKeys(groupListedProducts('grp_1'), sort),
      ...indexKeys(listedProducts(), sort),
      ...indexKeys(categoryListedProducts('bag'), sort),
      ...indexKeys(artisanListedProducts('prt_1'), sort),
    });
    expect(Object.keys(keys).sort()).toEqual(['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk']);
    expect(keys.gsi4pk).toBe('LISTED#ARTISAN#prt_1');
  });
});
