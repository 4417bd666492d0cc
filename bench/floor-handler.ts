import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { buildDocumentClient } from '#shared/kernel/store/dynamo';

/**
 * The cold-import floor: a handler that only builds the DocumentClient and makes one Get, bundled as the stack
 * bundles (so with Lambda's environment credentials). No handler of ours holding an SDK client can import faster.
 */
const doc = buildDocumentClient();

export const handler = () => doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'FLOOR', sk: 'FLOOR' } }));
