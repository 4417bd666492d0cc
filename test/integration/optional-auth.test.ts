import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerFromClaims } from '#shared/kernel/auth/caller';
import { buildTokenVerifier } from '#shared/kernel/auth/jwt-token-verifier';
import { UnauthorizedError } from '#shared/kernel/errors';
import { httpHandler } from '#shared/kernel/http/http-handler';
import { apiUrl, tokenFor } from '#test/support/api/client';
import { lambdaContext } from '#test/support/fakes/lambda-context';
import { optionalAuthRequest as request, optionalAuthRoute as route } from '#test/support/fakes/optional-auth-route';

/** What the local runtime sets JWT_ISSUER and JWT_AUDIENCE to (infra/local/runtime.ts). */
const local = () => ({ issuer: `${apiUrl()}/_local`, audience: 'pas-kreatif-local' });

/** The token with one claim of its payload changed and the signature kept. */
function tamper(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...change };
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe("the token verifier, against the local runtime's JWKS", () => {
  it('accepts a token from POST /_local/token, and its claims make the caller', async () => {
    // Prepare
    const sub = `fac-${randomUUID()}`;
    const token = await tokenFor({ sub, roles: ['facilitator', 'buyer'], groupId: 'grp_01' });

    // Act
    const claims = await buildTokenVerifier(local()).verify(token);

    // Assert
    expect(claims).toMatchObject({ sub, iss: local().issuer, aud: 'pas-kreatif-local', 'cognito:groups': ['facilitator', 'buyer'] });
    expect(callerFromClaims(claims)).toEqual({ sub, roles: ['facilitator', 'buyer'], groupId: 'grp_01' });
  });

  it('refuses a tampered token', async () => {
    // Prepare
    const token = tamper(await tokenFor({ sub: 'buyer-1', roles: ['buyer'] }), { 'cognito:groups': ['admin'] });

    // Act
    const verifying = buildTokenVerifier(local()).verify(token);

    // Assert
    await expect(verifying).rejects.toThrow(new UnauthorizedError('The bearer token is not valid: bad signature'));
  });

  it('refuses an expired token, saying so', async () => {
    // Prepare
    const token = await tokenFor({ sub: 'buyer-1', roles: ['buyer'], expiresInSeconds: -60 });

    // Act
    const verifying = buildTokenVerifier(local()).verify(token);

    // Assert
    await expect(verifying).rejects.toThrow(new UnauthorizedError('The bearer token has expired'));
  });

  it('refuses a token meant for another app client', async () => {
    // Prepare
    const token = await tokenFor({ sub: 'buyer-1', roles: ['buyer'] });

    // Act
    const verifying = buildTokenVerifier({ ...local(), audience: 'another-app-client' }).verify(token);

    // Assert
    await expect(verifying).rejects.toThrow(new UnauthorizedError('The bearer token is not valid: its audience is not accepted'));
  });

  it('refuses a token signed by another key under the local key id', async () => {
    // Prepare
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'pas-kreatif-local-1' })
      .setSubject('mallory')
      .setIssuer(local().issuer)
      .setAudience(local().audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);

    // Act
    const verifying = buildTokenVerifier(local()).verify(forged);

    // Assert
    await expect(verifying).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it.each(['not-a-jwt', 'a.b.c'])('refuses %j as not a token', async (token) => {
    await expect(buildTokenVerifier(local()).verify(token)).rejects.toThrow(new UnauthorizedError('The bearer token is not valid'));
  });

  it('fails, rather than refusing the caller, when the issuer publishes no keys', async () => {
    // Prepare: an issuer whose /.well-known/jwks.json the local API answers with 404.
    const token = await tokenFor({ sub: 'buyer-1', roles: ['buyer'] });
    const verifier = buildTokenVerifier({ ...local(), issuer: `${apiUrl()}/_local/nowhere` });

    // Act
    const verifying = verifier.verify(tamper(token, { iss: `${apiUrl()}/_local/nowhere` }));

    // Assert: a fault of ours becomes a logged 500, never a 401 that blames the caller.
    const error = await verifying.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UnauthorizedError);
    expect(String(error)).toMatch(/Status code is 404/);
  });
});

describe("API Gateway's JWT authorizer rules, on tokens from an issuer of this test", () => {
  // An issuer of our own, so tokens can carry claims /_local/token never makes (access tokens, no exp, future iat).
  const server = createServer();
  const audience = 'app-client-1';
  let issuer = '';
  let sign: (claims: JWTPayload) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    server.on('request', (request, response) => {
      const found = request.url === '/issuer/.well-known/jwks.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' }).end(found ? jwks : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/issuer`;
    sign = (claims) => new SignJWT({ iss: issuer, sub: 'u-1', ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const now = () => Math.floor(Date.now() / 1000);
  const verify = (token: string) => buildTokenVerifier({ issuer, audience }).verify(token);

  it('accepts an ID token (aud) and an access token (client_id, no aud)', async () => {
    // Prepare
    const idToken = await sign({ aud: audience, token_use: 'id', iat: now(), exp: now() + 60 });
    const accessToken = await sign({ client_id: audience, token_use: 'access', iat: now(), exp: now() + 60 });

    // Act / Assert
    await expect(verify(idToken)).resolves.toMatchObject({ token_use: 'id' });
    await expect(verify(accessToken)).resolves.toMatchObject({ token_use: 'access' });
  });

  it.each([
    ['an aud of another client, whatever its client_id', () => ({ aud: 'other-client', client_id: audience, exp: now() + 60 }), /audience/],
    ['no exp', () => ({ aud: audience }), /no exp claim/],
    ['an iat in the future', () => ({ aud: audience, iat: now() + 120, exp: now() + 600 }), /iat claim is in the future/],
    ['an nbf in the future', () => ({ aud: audience, nbf: now() + 120, exp: now() + 600 }), /not valid yet/],
    [
      'another issuer',
      () => ({ aud: audience, iss: 'https://cognito-idp.ap-southeast-3.amazonaws.com/other', exp: now() + 60 }),
      /iss claim/,
    ],
  ])('refuses a token with %s', async (_case, claims, reason) => {
    // Prepare
    const token = await sign(claims());

    // Act
    const error = await verify(token).catch((reason: unknown) => reason);

    // Assert
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(String(error)).toMatch(reason);
  });
});

describe("an optional-auth handler, verifying against the local runtime's issuer", () => {
  const context = lambdaContext();
  const seen: (Caller | undefined)[] = [];
  const handler = () =>
    httpHandler(
      route,
      async ({ caller }) => {
        seen.push(caller);
        return { signedIn: caller !== undefined };
      },
      buildTokenVerifier(local()),
    );

  it('serves anonymous callers, knows signed-in ones, and refuses a bad token with 401', async () => {
    // Prepare
    const fn = handler();
    const token = await tokenFor({ sub: 'owner-1', roles: ['participant'], participantId: 'prt_01' });
    const expired = await tokenFor({ sub: 'owner-1', roles: ['participant'], expiresInSeconds: -1 });

    // Act
    const anonymous = (await fn(request({}), context)) as APIGatewayProxyStructuredResultV2;
    const signedIn = (await fn(request({ authorization: `Bearer ${token}` }), context)) as APIGatewayProxyStructuredResultV2;
    const refused = (await fn(request({ authorization: `Bearer ${expired}` }), context)) as APIGatewayProxyStructuredResultV2;

    // Assert
    expect([anonymous.statusCode, signedIn.statusCode, refused.statusCode]).toEqual([200, 200, 401]);
    expect(seen).toEqual([undefined, { sub: 'owner-1', roles: ['participant'], participantId: 'prt_01' }]);
    expect(JSON.parse(refused.body ?? '{}')).toMatchObject({ status: 401, detail: 'The bearer token has expired' });
  });
});
