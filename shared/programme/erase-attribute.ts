import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '#shared/kernel/store/dynamo';

/**
 * Erasure of one private attribute (notes, organisation) from each of a participant's programme records: `REMOVE` it and
 * mark `erasedAt` once, so a repeated erasure finds each marked and does nothing.
 */
export async function eraseAttribute(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, string>[],
  attribute: 'notes' | 'organisation',
  erasedAt: string,
): Promise<void> {
  for (const key of keys) {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: key,
          UpdateExpression: `REMOVE ${attribute} SET erasedAt = :at`,
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
          ExpressionAttributeValues: { ':at': erasedAt },
        }),
      );
    } catch (error) {
      // Erased already (a repeated erasure): nothing left to do for this one.
      if (!isConditionFailure(error)) throw error;
    }
  }
}
