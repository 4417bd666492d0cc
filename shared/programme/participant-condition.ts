import { participantKey } from '#shared/kernel/store/keys';

/**
 * Checked in every programme write's own transaction: the participant is still in the group the caller was checked
 * against, and not erased (new private data about an erased person would undo the erasure).
 */
export const participantStillWritable = (table: string, participantId: string, groupId: string) => ({
  ConditionCheck: {
    TableName: table,
    Key: participantKey(participantId),
    ConditionExpression: 'groupId = :groupId AND attribute_not_exists(erasedAt)',
    ExpressionAttributeValues: { ':groupId': groupId },
  },
});
