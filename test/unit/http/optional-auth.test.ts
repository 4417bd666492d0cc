import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { HttpRoute } from '#shared/kernel/declaration';
import type { Caller, Claims } from '#shared/kernel/auth/caller';
import type { TokenVerifier } from '#shared/kernel/auth/token-verifier';
import { buildTokenVerifier } from '#shared/kernel/auth/jwt-token-verifier';
import { UnauthorizedError } from '#shared/kernel/errors';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { lambdaContext } from '#test/support/fakes/lambda-context';
import { optionalAuthRequest as event, optionalAuthRoute as route } from '#test/support/fakes/optional-auth-route';

const context = lambdaContext();

/** A verifier at the port: 'good' is a token of u1 with two roles as a real array, anything else is refused. */
function fakeVerifier() {
  const seen: string[] = [];
  const verifier: TokenVerifier = {
    async verify(token) {
      seen.push(token);
      if (token !== 'good') throw new UnauthorizedError('The bearer token has expired');
      return { sub: 'u1', 'cognito:groups': ['facilitator', 'buyer'], 'custom:groupId': 'grp_1', exp: 1_800_000_000 } satisfies Claims;
    },
  };
  return { verifier, seen };
}

async function invoke(headers: Record<string, string>) {
  const { verifier, seen } = fakeVerifier();
  let caller: Caller | undefined | 'not run' = 'not run';
  const handler = httpHandler(
    route,
    async (input) => {
      caller = input.caller;
      return { ok: true };
    },
    verifier,
  );
  const result = (await handler(event(headers), context)) as APIGatewayProxyStructuredResultV2;
  return { result, caller, seen, json: result.body ? JSON.parse(result.body) : undefined };
}

describe('an optional-auth route', () => {
  it('serves a request without an Authorization header anonymously, verifying nothing', async () => {
    // Act
    const { result, caller, seen } = await invoke({});

    // Assert
    expect(result.statusCode).toBe(200);
    expect(caller).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('treats an empty Authorization header as none', async () => {
    // Act
    const { result, caller, seen } = await invoke({ authorization: '  ' });

    // Assert
    expect(result.statusCode).toBe(200);
    expect(caller).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('knows the caller of a valid bearer token, reading roles from a claim array', async () => {
    // Act
    const { result, caller, seen } = await invoke({ authorization: 'bearer good' });

    // Assert
    expect(result.statusCode).toBe(200);
    expect(seen).toEqual(['good']);
    expect(caller).toEqual({ sub: 'u1', roles: ['facilitator', 'buyer'], groupId: 'grp_1' });
  });

  it('answers 401 problem+json to a token that fails, rather than serving it anonymously', async () => {
    // Act
    const { result, caller, json } = await invoke({ authorization: 'Bearer expired' });

    // Assert
    expect(result.statusCode).toBe(401);
    expect(caller).toBe('not run');
    expect(result.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'www-authenticate': 'Bearer error="invalid_token"',
    });
    expect(json).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'The bearer token has expired' });
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer two tokens'])(
    'answers 401 to credentials that are not one bearer token (%s)',
    async (authorization) => {
      // Act
      const { result, seen, json } = await invoke({ authorization });

      // Assert
      expect(result.statusCode).toBe(401);
      expect(seen).toEqual([]);
      expect(json.detail).toMatch(/Bearer <JWT>/);
    },
  );

  it('answers 401 when the token has no subject', async () => {
    // Prepare
    const verifier: TokenVerifier = { verify: async () => ({ 'cognito:groups': ['admin'] }) };
    const handler = httpHandler(route, async () => ({ ok: true }), verifier);

    // Act
    const result = (await handler(event({ authorization: 'Bearer x' }), context)) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(result.statusCode).toBe(401);
  });

  it('answers a verifier fault (the issuer unreachable) with a generic 500, not a 401', async () => {
    // Prepare
    const verifier: TokenVerifier = {
      verify: async () => {
        throw new Error('connect ETIMEDOUT cognito-idp.ap-southeast-3.amazonaws.com');
      },
    };
    const handler = httpHandler(route, async () => ({ ok: true }), verifier);

    // Act
    const result = (await handler(event({ authorization: 'Bearer x' }), context)) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('cognito');
  });

  it('cannot be built without a token verifier', () => {
    // Prepare: a route whose auth is known only at run time, so the type system cannot insist.
    const dynamic: HttpRoute = route;

    // Act / Assert
    expect(() => httpHandler(dynamic, async () => ({}))).toThrow(/token verifier/);
  });

  it('needs the verifier in the types too', () => {
    // @ts-expect-error an optional-auth route without a verifier does not compile
    expect(() => httpHandler(route, async () => ({}))).toThrow();
  });
});

describe('buildTokenVerifier', () => {
  it.each([
    ['plain http off loopback', 'http://cognito-idp.example.com/pool'],
    ['no URL at all', 'pool'],
  ])('refuses an issuer that is %s, naming the variable', (_case, issuer) => {
    expect(() => buildTokenVerifier({ issuer, audience: 'client' })).toThrow(/JWT_ISSUER must be an https URL/);
  });

  it('accepts an https issuer and plain http on loopback (the local runtime)', () => {
    expect(() => buildTokenVerifier({ issuer: 'https://cognito-idp.ap-southeast-3.amazonaws.com/pool', audience: 'client' })).not.toThrow();
    expect(() => buildTokenVerifier({ issuer: 'http://127.0.0.1:3000/_local', audience: 'client' })).not.toThrow();
  });

  it('fails at cold start, naming the variable, when the issuer is not configured', () => {
    // Prepare
    const saved = process.env.JWT_ISSUER;
    delete process.env.JWT_ISSUER;

    try {
      // Act / Assert
      expect(() => buildTokenVerifier()).toThrow('Missing environment variable JWT_ISSUER');
    } finally {
      if (saved !== undefined) process.env.JWT_ISSUER = saved;
    }
  });
});
