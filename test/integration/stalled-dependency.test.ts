import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDependencyFault } from '#shared/kernel/aws/dependency-faults';
import { awsClientConfig, clientLimits } from '#shared/kernel/aws/client-config';
import { withinDeadline } from '#shared/kernel/deadline';
import { lambdaContext } from '#test/support/fakes/lambda-context';

/** An endpoint that accepts connections and never answers, as a stalled DynamoDB does. */
const connections: Socket[] = [];
const silent = createServer((socket) => void connections.push(socket));
let endpoint: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of connections) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const client = () =>
  new DynamoDBClient({
    ...awsClientConfig(),
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
const getItem = () => new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' }, sk: { S: 'b' } } });

/** The error a send ends with, and how many attempts the SDK says it made. */
async function failure(sending: Promise<unknown>) {
  const error = await sending.then(
    () => undefined,
    (thrown: Error & { $metadata?: { attempts?: number } }) => thrown,
  );
  return { error, attempts: error?.$metadata?.attempts };
}

describe('an AWS SDK client built with awsClientConfig, against a dependency that never answers', () => {
  it('gives up after its bounded attempts, each cut by the request timeout, with an error answered as 503', async () => {
    const { error, attempts } = await failure(client().send(getItem()));

    expect(error?.name).toBe('TimeoutError');
    expect(attempts).toBe(clientLimits.maxAttempts);
    expect(asDependencyFault(error)?.reason).toBe('unavailable');
  });

  it('makes no retry that would not finish before the invocation’s deadline', async () => {
    // 1.7 s left, 0.5 s of them the answer reserve: the first attempt's second leaves too little for another.
    const invocation = withinDeadline(async () => failure(client().send(getItem())));

    const { error, attempts } = await invocation({}, { ...lambdaContext(), getRemainingTimeInMillis: () => 1_700 });

    expect(attempts).toBe(1);
    expect(asDependencyFault(error)?.reason).toBe('unavailable');
  });
});
