import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildDocumentClient } from '#shared/kernel/store/dynamo';

/** A DocumentClient on the bench runtime's DynamoDB Local, built as the handlers build theirs; destroy() when done. */
export function localDocumentClient(endpoints: { dynamoEndpoint: string }) {
  const client = new DynamoDBClient({
    endpoint: endpoints.dynamoEndpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { doc: buildDocumentClient(client), destroy: () => client.destroy() };
}
