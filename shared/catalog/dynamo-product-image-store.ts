import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError, NotFoundError } from '#shared/kernel/errors';
import { isConditionFailure } from '#shared/kernel/store/dynamo';
import { productKey } from '#shared/kernel/store/keys';
import type { ProductImageStore, StoredImage } from './ports.ts';

/**
 * A product's images live in its own item, as a list that only grows: an image keeps its index for life, so the
 * processor can settle it by index, conditioned on it still being the same pending image.
 */
export function buildProductImageStore(doc: DynamoDBDocumentClient, table: string): ProductImageStore {
  const imagesOf = async (productId: string) => {
    // Strong: the upload's notification can come right after its pending image was appended, and the settling
    // update names the image's index as read here.
    const { Item } = await doc.send(
      new GetCommand({ TableName: table, Key: productKey(productId), ProjectionExpression: 'images', ConsistentRead: true }),
    );
    return Item ? ((Item.images ?? []) as StoredImage[]) : undefined;
  };

  return {
    async addPending(productId, image, max, at) {
      try {
        // One conditional write: two concurrent requests cannot both take the last place.
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: productKey(productId),
            UpdateExpression: 'SET images = list_append(images, :image), updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND size(images) < :max',
            ExpressionAttributeValues: { ':image': [image], ':at': at, ':max': max },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if ((await imagesOf(productId)) === undefined) throw new NotFoundError('Product');
        throw new BusinessRuleError(`A product has at most ${max} images`);
      }
    },
    async find(productId, imageId) {
      return (await imagesOf(productId))?.find((image) => image.imageId === imageId);
    },
    async settle(productId, image, at) {
      const index = (await imagesOf(productId))?.findIndex((candidate) => candidate.imageId === image.imageId) ?? -1;
      if (index < 0) return false;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: productKey(productId),
            UpdateExpression: `SET images[${index}] = :image, updatedAt = :at`,
            ConditionExpression: `images[${index}].imageId = :imageId AND images[${index}].#status = :pending`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':image': image, ':at': at, ':imageId': image.imageId, ':pending': 'pending' },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
