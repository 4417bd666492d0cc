/**
 * The single table's shape, read by the CDK stack and by the local runtime's CreateTable,
 * so DynamoDB Local always has the keys and indexes production has.
 * The access patterns behind each key live in shared/store/README.md.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
  /** epoch seconds; outbox records and other short-lived rows expire by it */
  timeToLiveAttribute: 'expiresAt',
  streamView: 'NEW_IMAGE',
} as const;

export type IndexName = (typeof tableDefinition.globalIndexes)[number]['indexName'];
