import { errors, exportJWK, generateKeyPair, type JSONWebKeySet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { Roles } from '#shared/kernel/auth/caller';
import { UnauthorizedError } from '#shared/kernel/errors';
import * as z from '#shared/kernel/validation';

/** The body of POST /_local/token. expiresInSeconds is a local-only extra (tests of expiry may pass ≤ 0). */
export const TokenRequestSchema = z.strictObject({
  sub: z.string().check(z.trim(), z.minLength(1), z.maxLength(128)),
  roles: z.array(z.enum(Roles)).check(z.maxLength(Roles.length)),
  groupId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  participantId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  expiresInSeconds: z.optional(z.int().check(z.minimum(-86_400), z.maximum(86_400))),
});
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export interface LocalAuthorizer {
  issuer: string;
  audience: string;
  issue(request: TokenRequest): Promise<string>;
  /**
   * Verifies "Bearer <JWT>" as the HTTP API's JWT authorizer does (RS256 signature, iss, aud, exp,
   * nbf) and returns the claims in the shape the function receives. Throws UnauthorizedError.
   */
  authorize(authorization: string | undefined): Promise<Record<string, string>>;
  jwks: JSONWebKeySet;
}

const keyId = 'pas-kreatif-local-1';
const defaultLifetimeSeconds = 60 * 60;

/** A key pair per start: tokens from an earlier run are refused, like tokens of another user pool. */
export async function createLocalAuthorizer(options: { issuer: string; audience: string }): Promise<LocalAuthorizer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS256', use: 'sig' };

  return {
    ...options,
    jwks: { keys: [jwk] },
    async issue(request) {
      const now = Math.floor(Date.now() / 1000);
      const claims: JWTPayload = {
        ...(request.roles.length > 0 ? { 'cognito:groups': request.roles } : {}),
        ...(request.groupId ? { 'custom:groupId': request.groupId } : {}),
        ...(request.participantId ? { 'custom:participantId': request.participantId } : {}),
        token_use: 'id',
      };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
        .setSubject(request.sub)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(now)
        .setExpirationTime(now + (request.expiresInSeconds ?? defaultLifetimeSeconds))
        .sign(privateKey);
    },
    async authorize(authorization) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
      if (!token) throw new UnauthorizedError('A bearer token is required: send Authorization: Bearer <JWT>');
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['RS256'],
          requiredClaims: ['exp'],
        });
        return apiGatewayClaims(payload);
      } catch (error) {
        throw new UnauthorizedError(reasonFor(error));
      }
    },
  };
}

/**
 * API Gateway hands every claim over as a string: numbers and booleans as text, arrays as
 * "[a b]" (so cognito:groups ["officer","admin"] arrives as "[officer admin]"), objects as JSON.
 */
export function apiGatewayClaims(payload: JWTPayload): Record<string, string> {
  const flatten = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(' ')}]`
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
  return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, flatten(value)]));
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The bearer token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `The bearer token is not valid: its ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The bearer token is not valid: bad signature';
  return 'The bearer token is not valid';
}
