import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { defineFunction, type HttpFunctionDeclaration } from '#shared/kernel/declaration';
import { buildApiGatewayEvent } from '#infra/local/http-api/payload';
import { compileRoutes, matchRoute } from '#infra/local/http-api/routes';
import { createDeadLetters } from '#infra/local/lambda/dead-letters';
import { createTable } from '#infra/local/dynamodb/table';
import { apiGatewayClaims } from '#infra/local/http-api/jwt-authorizer';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';
import { startStreamPoller, type TableStreamDeclaration } from '#infra/local/dynamodb/stream-poller';
import { call, eventually, tokenFor } from '#test/support/api/client';
import { busStatus, localBusClient } from '#test/support/api/bus';
import { deadLetters } from '#test/support/api/dead-letters';

const apiUrl = () => inject('apiUrl');

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

const busClient = () => localBusClient({ maxAttempts: 1 });

describe('payload format 2.0 events', () => {
  // The event builder runs behind a plain node:http server here, so the test sees exactly the event a
  // handler would receive for a real request (repeated headers, cookies, query keys, binary body).
  const echo: HttpFunctionDeclaration = defineFunction({
    name: 'echo',
    context: 'platform',
    description: 'test route',
    trigger: {
      kind: 'http',
      route: { method: 'POST', path: '/things/{thingId}/parts', auth: 'jwt', summary: 'echo', response: { status: 200 } },
    },
    grants: {},
  });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { match } = matchRoute(compileRoutes([echo]), req.method ?? '', (req.url ?? '').split('?')[0] ?? '');
    const event =
      match &&
      buildApiGatewayEvent({
        request: req,
        body: Buffer.concat(chunks),
        match,
        claims: { sub: 'u-1' },
        stage: '$default',
        requestId: 'req-1',
      });
    res.end(JSON.stringify(event ?? null));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = async (
    path: string,
    headers: Record<string, string | string[]>,
    body: Buffer,
  ): Promise<APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } }> => {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      // An array value travels as repeated header lines, as some clients and proxies send them.
      const outgoing = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };

  it('carries route, raw path and query, lower-cased comma-joined headers, cookies and path parameters', async () => {
    // Prepare
    const headers = { 'Content-Type': 'application/json', 'X-Trace': ['a', 'b'], Cookie: 'theme=dark; lang=id' };

    // Act
    const event = await send('/things/th%201/parts?tag=a&tag=b&q=anyaman%20plastik', headers, Buffer.from('{"n":1}'));

    // Assert
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /things/{thingId}/parts',
      rawPath: '/things/th%201/parts',
      rawQueryString: 'tag=a&tag=b&q=anyaman%20plastik',
      cookies: ['theme=dark', 'lang=id'],
      queryStringParameters: { tag: 'a,b', q: 'anyaman plastik' },
      pathParameters: { thingId: 'th 1' },
      body: '{"n":1}',
      isBase64Encoded: false,
      requestContext: {
        accountId: expect.any(String),
        apiId: expect.any(String),
        http: { method: 'POST', path: '/things/th%201/parts', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' },
        requestId: 'req-1',
        routeKey: 'POST /things/{thingId}/parts',
        stage: '$default',
        timeEpoch: expect.any(Number),
        authorizer: { jwt: { claims: { sub: 'u-1' }, scopes: null } },
      },
    });
    expect(event.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 'a,b', 'x-forwarded-proto': 'http' });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  });

  it('base64-encodes a body that is not text', async () => {
    // Prepare
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

    // Act
    const event = await send('/things/t1/parts', { 'Content-Type': 'image/png' }, png);

    // Assert
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(png);
    expect(event).not.toHaveProperty('queryStringParameters');
  });
});

describe('the local HTTP API', () => {
  it('serves a public route with the security headers and an API Gateway request id', async () => {
    // Act
    const response = await call('GET', '/health');

    // Assert
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9+/=]{16}$/);
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('answers 401 problem+json to a jwt route with %s', async (_case, token) => {
    // Act
    const response = await call('POST', '/groups', { ...(token ? { token } : {}), body: { name: 'X', focus: 'Y', district: 'Z' } });

    // Assert
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      type: expect.stringContaining('unauthorized'),
      title: 'Unauthorized',
      status: 401,
      detail: expect.any(String),
    });
  });

  it('refuses an expired token', async () => {
    // Prepare
    const expired = await tokenFor({ sub: 'admin-expired', roles: ['admin'], expiresInSeconds: -60 });

    // Act
    const response = await call('POST', '/groups', { token: expired, body: { name: 'X', focus: 'Y', district: 'Z' } });

    // Assert
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/expired/);
  });

  it('refuses a token with the right issuer and audience signed by another key', async () => {
    // Prepare
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('mallory')
      .setIssuer(`${apiUrl()}/_local`)
      .setAudience('pas-kreatif-local')
      .setExpirationTime('1h')
      .sign(privateKey);

    // Act
    const response = await call('POST', '/groups', { token: forged, body: { name: 'X', focus: 'Y', district: 'Z' } });

    // Assert
    expect(response.status).toBe(401);
  });

  it('hands every claim to the function as a string, arrays as "[a b]", as API Gateway does', () => {
    // Act
    const claims = apiGatewayClaims({ sub: 'u-1', 'cognito:groups': ['officer', 'admin'], exp: 1_800_000_000, email_verified: true });

    // Assert
    expect(claims).toEqual({ sub: 'u-1', 'cognito:groups': '[officer admin]', exp: '1800000000', email_verified: 'true' });
  });

  it('flattens cognito:groups like API Gateway, so a caller with two roles may do what either allows', async () => {
    // Prepare
    const officerAndAdmin = await tokenFor({ sub: `oa-${randomUUID()}`, roles: ['officer', 'admin'] });
    const officerOnly = await tokenFor({ sub: `o-${randomUUID()}`, roles: ['officer'] });
    const body = { name: 'Bunga Sampah Lestari', focus: 'Daur ulang sampah', district: 'Mataram' };

    // Act
    const allowed = await call('POST', '/groups', { token: officerAndAdmin, body });
    const refused = await call('POST', '/groups', { token: officerOnly, body });

    // Assert
    expect(allowed.status).toBe(201);
    expect(refused.status).toBe(403);
  });

  it('answers 404 problem+json to an unknown route and to a known path with another method', async () => {
    // Act
    const unknown = await call('GET', '/no-such-route');
    const wrongMethod = await call('DELETE', '/health');

    // Assert
    for (const response of [unknown, wrongMethod]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, title: 'Not found' });
    }
  });

  it('answers 400 problem+json to a bad token request', async () => {
    // Act
    const response = await call('POST', '/_local/token', { body: { sub: '', roles: ['king'] } });

    // Assert
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['body.sub', 'body.roles.0']);
  });
});

describe('the local event bus', () => {
  it('accepts PutEvents from the real SDK client and names unknown buses and malformed details', async () => {
    // Prepare
    const client = busClient();
    const entry = { Source: 'pas-kreatif.test', DetailType: 'Probe', EventBusName: 'pas-kreatif-local' };

    // Act
    const accepted = await client.send(
      new PutEventsCommand({
        Entries: [
          { ...entry, Detail: '{"ok":true}' },
          { ...entry, Detail: '[1]' },
        ],
      }),
    );
    const unknownBus = client.send(new PutEventsCommand({ Entries: [{ ...entry, Detail: '{}', EventBusName: 'no-such-bus' }] }));

    // Assert
    expect(accepted.FailedEntryCount).toBe(1);
    expect(accepted.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(accepted.Entries?.[1]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    await expect(unknownBus).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('retries a failing consumer and then records a dead letter', async () => {
    // Prepare: a TrainingCompleted the consumer's contract rejects, so every attempt fails.
    const marker = `bad-${randomUUID()}`;
    const detail = JSON.stringify({ metadata: { eventId: marker }, data: {} });

    // Act
    await busClient().send(
      new PutEventsCommand({
        Entries: [{ Source: 'pas-kreatif.training', DetailType: 'TrainingCompleted', Detail: detail, EventBusName: 'pas-kreatif-local' }],
      }),
    );

    // Assert
    const letter = await eventually(async () => {
      // The webhook fan-out's queue takes TrainingCompleted too, and dead-letters it on its own schedule.
      const found = (await deadLetters()).find((item) => item.source === 'event-bus' && JSON.stringify(item.payload).includes(marker));
      if (!found) throw new Error('no dead letter yet');
      return found;
    });
    expect(letter).toMatchObject({ functionName: 'pas-kreatif-local-mark-seller-eligible', attempts: 3 });
  });

  it('publishes an outbox event: stored change → table stream → relay → bus', async () => {
    // Prepare
    const admin = await tokenFor({ sub: `admin-${randomUUID()}`, roles: ['admin'] });
    const officer = await tokenFor({ sub: `officer-${randomUUID()}`, roles: ['officer'] });
    const group = await call('POST', '/groups', {
      token: admin,
      body: { name: 'Bunga Sampah Lestari', focus: 'Daur ulang', district: 'Mataram' },
    });

    // Act
    const participant = await call('POST', '/participants', {
      token: officer,
      body: {
        legalName: 'Lalu Wira Pratama',
        registerNumber: `PK-${randomUUID().slice(0, 8)}`,
        groupId: group.body.id,
        supervisionEndsOn: '2027-06-30',
      },
    });

    // Assert
    expect(participant.status).toBe(201);
    const published = await eventually(async () => {
      const event = (await busStatus()).recent.find(
        (item) => item.detailType === 'ParticipantRegistered' && item.detail.data?.participantId === participant.body.id,
      );
      if (!event) throw new Error('ParticipantRegistered not published yet');
      return event;
    });
    expect(published.detail.data).toEqual({ participantId: participant.body.id, groupId: group.body.id });
    expect(JSON.stringify(published)).not.toContain('Lalu Wira Pratama');
    expect((await deadLetters()).filter((letter) => JSON.stringify(letter.payload).includes(participant.body.id))).toEqual([]);
  });
});

describe('the table-stream poller', () => {
  it('delivers matching records in order, retries from a reported failure, and bisects down to dead-letter only a failing record', async () => {
    // Prepare: a table of its own on the run's DynamoDB Local, and a consumer that fails in two ways.
    const aws = { endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-3', credentials };
    const tableName = `stream-test-${randomUUID().slice(0, 8)}`;
    const streamArn = await createTable(aws, tableName);
    const declaration: TableStreamDeclaration = defineFunction({
      name: 'stream-test',
      context: 'platform',
      description: 'test consumer',
      trigger: {
        kind: 'tableStream',
        filter: { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['thing'] } } } },
        batchSize: 4,
      },
      grants: {},
    });
    const handled: string[] = [];
    let transientFailureDone = false;
    const invoker: LambdaInvoker = {
      functionName: (fn) => `local-${fn.name}`,
      load: async () => () => undefined,
      invoke: async (_fn, event) => {
        const records = (event as DynamoDBStreamEvent).Records;
        const ids = records.map((record) => record.dynamodb?.NewImage?.pk?.S ?? '?');
        if (ids.includes('item-07')) throw new Error('poison record');
        const transient = records.find((record) => record.dynamodb?.NewImage?.pk?.S === 'item-03');
        if (transient && !transientFailureDone) {
          transientFailureDone = true;
          const index = records.indexOf(transient);
          handled.push(...ids.slice(0, index));
          return { batchItemFailures: [{ itemIdentifier: transient.dynamodb?.SequenceNumber ?? '' }] } satisfies DynamoDBBatchResponse;
        }
        handled.push(...ids);
        return { batchItemFailures: [] };
      },
    };
    const deadLetters = createDeadLetters(() => undefined);
    const poller = startStreamPoller({ aws, streamArn, region: 'ap-southeast-3', declaration, invoker, deadLetters, log: () => undefined });
    const client = new DynamoDBClient(aws);
    const ids = Array.from({ length: 12 }, (_, index) => `item-${String(index).padStart(2, '0')}`);

    try {
      // Act: matching inserts, plus an insert of another entity and an update, which the filter drops.
      for (const id of ids) {
        await client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: id }, sk: { S: 'A' }, entity: { S: 'thing' } } }));
      }
      await client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'other' }, sk: { S: 'A' }, entity: { S: 'other' } } }));
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: { pk: { S: 'item-00' }, sk: { S: 'A' } },
          UpdateExpression: 'SET n = :n',
          ExpressionAttributeValues: { ':n': { N: '1' } },
        }),
      );

      // Assert
      await eventually(async () => {
        const { delivered, dead, pending } = poller.status();
        if (delivered + dead < ids.length || pending > 0) throw new Error(`delivered ${delivered}, dead ${dead}, pending ${pending}`);
      });
      expect(handled).toEqual(ids.filter((id) => id !== 'item-07'));
      expect(poller.status()).toEqual({ delivered: 11, pending: 0, dead: 1 });
      const [letter] = deadLetters.list();
      expect(letter).toMatchObject({
        source: 'table-stream',
        functionName: 'local-stream-test',
        error: expect.stringContaining('poison record'),
      });
      expect(
        (letter?.payload as { records: DynamoDBStreamEvent['Records'] }).records.map((record) => record.dynamodb?.Keys?.pk?.S),
      ).toEqual(['item-07']);
    } finally {
      await poller.stop();
      client.destroy();
    }
  });
});

describe('the local S3', () => {
  it('has the images bucket and takes objects from the real SDK client', async () => {
    // Prepare
    const s3 = new S3Client({ endpoint: inject('s3Endpoint'), region: 'ap-southeast-3', credentials });
    const key = `test/${randomUUID()}.txt`;

    // Act
    await s3.send(new PutObjectCommand({ Bucket: inject('bucketName'), Key: key, Body: 'anyaman', ContentType: 'text/plain' }));
    const stored = await s3.send(new GetObjectCommand({ Bucket: inject('bucketName'), Key: key }));

    // Assert
    expect(await stored.Body?.transformToString()).toBe('anyaman');
  });
});
