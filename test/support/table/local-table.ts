import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { buildDocumentClient } from '#shared/kernel/store/dynamo';
import { buildCursorCodec } from '#shared/kernel/store/pagination';

/** A client on the test run's DynamoDB Local, with the table the local runtime created. */
export function localTable() {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { client, doc: buildDocumentClient(client), table: inject('tableName'), cursors: buildCursorCodec('integration-test-key') };
}
