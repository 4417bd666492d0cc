import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { HttpRoute } from '#shared/kernel/declaration';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { maxBodyBytes } from '#shared/kernel/http/parse-request';
import * as z from '#shared/kernel/validation';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const route = {
  method: 'POST',
  path: '/notes',
  auth: 'public',
  summary: 'test',
  body: z.strictObject({ text: z.string(), tags: z.optional(z.array(z.string())), meta: z.optional(z.record(z.string(), z.string())) }),
  response: { status: 201 },
} satisfies HttpRoute;

function event(body: string, isBase64Encoded = false): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /notes',
    rawPath: '/notes',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body,
    isBase64Encoded,
    requestContext: {} as APIGatewayProxyEventV2['requestContext'],
  };
}

async function post(body: string, isBase64Encoded = false) {
  let ran = false;
  const handler = httpHandler(route, () => {
    ran = true;
    return Promise.resolve({});
  });
  const result = (await handler(event(body, isBase64Encoded), lambdaContext())) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, json: result.body ? JSON.parse(result.body) : undefined, ran };
}

/** A body of exactly `bytes` bytes: `{"text":"…"}` padded with `filler`. */
const bodyOf = (bytes: number, filler = 'a') => {
  const frame = Buffer.byteLength('{"text":""}');
  const fillerBytes = Buffer.byteLength(filler);
  return `{"text":"${filler.repeat(Math.floor((bytes - frame) / fillerBytes))}${'a'.repeat((bytes - frame) % fillerBytes)}"}`;
};

describe('body size', () => {
  it('takes a body of exactly 1 MiB', async () => {
    const answer = await post(bodyOf(maxBodyBytes));

    expect(answer.status).toBe(201);
  });

  it('refuses 1 MiB and one byte with 413 problem+json, before the body is parsed', async () => {
    const answer = await post(bodyOf(maxBodyBytes + 1));
    // Not JSON at all, yet 413 rather than 400: the length is checked first.
    const unparsed = await post(`{${'a'.repeat(maxBodyBytes)}`);

    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ status: 413, title: 'Content too large' });
    expect(answer.ran).toBe(false);
    expect(unparsed.status).toBe(413);
  });

  it('counts bytes, not characters: 1 MiB of text in three-byte characters is over', async () => {
    const body = bodyOf(maxBodyBytes + 3, 'é€');
    expect(body.length).toBeLessThan(maxBodyBytes);

    expect((await post(body)).status).toBe(413);
  });

  it('measures a base64 body by its decoded bytes', async () => {
    expect((await post(Buffer.from(bodyOf(maxBodyBytes)).toString('base64'), true)).status).toBe(201);
    expect((await post(Buffer.from(bodyOf(maxBodyBytes + 1)).toString('base64'), true)).status).toBe(413);
  });
});

describe('text that is not valid Unicode', () => {
  it.each([
    ['a lone high surrogate', '{"text":"\\ud800"}', 'body.text'],
    ['a lone low surrogate inside text', '{"text":"ab\\udc00cd"}', 'body.text'],
    ['one in an array', '{"text":"ok","tags":["fine","\\ud83d"]}', 'body.tags.1'],
    ['one in a key', '{"text":"ok","meta":{"\\ud800":"x"}}', 'body.meta.\ud800'],
  ])('refuses %s with 400 naming the field', async (_case, body, path) => {
    const answer = await post(body);

    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual([{ path, message: 'Not valid Unicode (a lone surrogate)' }]);
    expect(answer.ran).toBe(false);
  });

  it('takes a surrogate pair, which is one character (an emoji)', async () => {
    expect((await post('{"text":"\\ud83d\\ude00"}')).status).toBe(201);
  });
});

describe("a GET's body", () => {
  const read = { method: 'GET', path: '/notes', auth: 'public', summary: 'test', response: { status: 200 } } satisfies HttpRoute;

  it('is not read: neither a body of JSON nor one too large and not JSON is refused, as the document lists no 400, 413 or 415', async () => {
    const handler = httpHandler(read, () => Promise.resolve({ ok: true }));
    const get = async (body: string, contentType: string) =>
      (
        (await handler(
          { ...event(body), routeKey: 'GET /notes', headers: { 'content-type': contentType } },
          lambdaContext(),
        )) as APIGatewayProxyStructuredResultV2
      ).statusCode;

    await expect(get('{"a":1}', 'application/json')).resolves.toBe(200);
    await expect(get('x'.repeat(maxBodyBytes + 1), 'text/plain')).resolves.toBe(200);
  });
});
