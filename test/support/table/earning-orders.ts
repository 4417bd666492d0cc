import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '#shared/kernel/ids';
import { groupKey, orderKey, participantKey } from '#shared/kernel/store/keys';

/**
 * An order of two participants (Siti's 170,000 and 3, Wira's 12,347) in a group of its own, stored as the orders
 * context stores it (shipping included), with both participants' records: at 80 % Siti earns 136,002 and Wira 9,878.
 */
export async function storedOrder(doc: DynamoDBDocumentClient, table: string, status = 'delivered', sharePercent = 80) {
  const groupId = newId('grp');
  const [siti, wira] = [newId('prt'), newId('prt')];
  const items = [
    { productId: newId('prd'), participantId: siti, title: 'Tas', quantity: 2, unitPriceIdr: 85_000, subtotalIdr: 170_000 },
    { productId: newId('prd'), participantId: wira, title: 'Tikar', quantity: 1, unitPriceIdr: 12_347, subtotalIdr: 12_347 },
    { productId: newId('prd'), participantId: siti, title: 'Pin', quantity: 3, unitPriceIdr: 1, subtotalIdr: 3 },
  ];
  const order = {
    id: newId('ord'),
    buyerSub: 'buyer-1',
    groupId,
    status,
    items,
    totalIdr: 182_350,
    shipping: { recipientName: 'Budi', phone: '+6281234567890', address: 'Jl. Pejanggik 10', city: 'Mataram', postalCode: '83121' },
    createdAt: '2026-11-28T05:36:47.000Z',
  };
  await storedSellers(doc, table, groupId, [siti, wira], sharePercent);
  await doc.send(new PutCommand({ TableName: table, Item: { ...orderKey(order.id), entity: 'order', ...order } }));
  return { order, siti, wira };
}

/**
 * The group and participant records crediting reads: an order delivered in a test then earns as it would in the
 * programme, instead of leaving a dead letter in the local runtime that relays its OrderDelivered.
 */
export async function storedSellers(
  doc: DynamoDBDocumentClient,
  table: string,
  groupId: string,
  participantIds: readonly string[],
  sharePercent = 80,
) {
  await doc.send(
    new PutCommand({
      TableName: table,
      Item: { ...groupKey(groupId), entity: 'group', id: groupId, participantSharePercent: sharePercent },
    }),
  );
  // Only what earnings and the report projection read of a participant: the group.
  for (const id of participantIds)
    await doc.send(new PutCommand({ TableName: table, Item: { ...participantKey(id), entity: 'participant', id, groupId } }));
}
