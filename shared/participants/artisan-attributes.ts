/**
 * What of a participant item the public artisan page reads: the keys DynamoDB matches the grant on, and these. Apart
 * from the store, so that get-artisan's declaration names its grant without carrying a DynamoDB client.
 */
export const publicAttributes = ['id', 'groupId', 'profile'] as const;

/** The attributes get-artisan's grant allows (fine-grained access control), so IAM refuses it a register number. */
export const artisanAttributes = ['pk', 'sk', ...publicAttributes] as const;
