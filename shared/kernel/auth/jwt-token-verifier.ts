import { JwtRsaVerifier } from 'aws-jwt-verify';
import {
  JwtExpiredError,
  JwtInvalidClaimError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  NonRetryableFetchError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { EnvName, readEnv } from '#shared/kernel/env';
import { UnauthorizedError } from '#shared/kernel/errors';
import type { TokenVerifier } from './token-verifier.ts';

export interface TokenVerifierConfig {
  /** compared with `iss`; the keys are read from `<issuer>/.well-known/jwks.json`, where Cognito (and the local runtime) publish them */
  issuer: string;
  /** the app client id: an ID token names it in `aud`, an access token in `client_id` */
  audience: string;
}

/** Read once, when the container builds its verifier; a missing variable fails the cold start with its name. */
function readTokenVerifierConfig(): TokenVerifierConfig {
  return { issuer: readEnv(EnvName.jwtIssuer), audience: readEnv(EnvName.jwtAudience) };
}

/**
 * Verifies as API Gateway's JWT authorizer does: signature against the issuer's JWKS, iss, aud (or client_id),
 * exp required, nbf and iat not in the future. Build it once per container: the JWKS is cached, and fetched
 * again only for a key id not seen yet, at most once per 10 s, so made-up key ids cannot flood the issuer.
 */
export function buildTokenVerifier(config: TokenVerifierConfig = readTokenVerifierConfig()): TokenVerifier {
  const jwksUri = `${config.issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
  const verifier = JwtRsaVerifier.create(
    {
      issuer: config.issuer,
      jwksUri,
      // The library reads aud only; checkAuthorizerRules applies API Gateway's aud-or-client_id rule.
      audience: null,
      customJwtCheck: ({ payload }) => checkAuthorizerRules(payload, config.audience),
    },
    jwksCacheFor(config.issuer),
  );
  return {
    async verify(token) {
      try {
        return await verifier.verify(token);
      } catch (error) {
        throw refusalFor(error);
      }
    },
  };
}

/** What API Gateway checks beyond the library's defaults (which check exp and nbf only when present). */
function checkAuthorizerRules(payload: JwtPayload, audience: string): void {
  if (payload.exp === undefined) throw new UnauthorizedError('The bearer token is not valid: it has no exp claim');
  if (payload.iat !== undefined && payload.iat > Date.now() / 1000) {
    throw new UnauthorizedError('The bearer token is not valid: its iat claim is in the future');
  }
  // API Gateway reads client_id only when the token has no aud.
  const audiences = payload.aud === undefined ? [payload.client_id] : [payload.aud].flat();
  if (!audiences.includes(audience)) throw new UnauthorizedError('The bearer token is not valid: its audience is not accepted');
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * aws-jwt-verify fetches keys with node:https only. The local runtime serves its JWKS over plain http on
 * loopback, so that case alone gets a fetch()-based fetcher; plain http anywhere else is refused at cold start.
 */
function jwksCacheFor(issuer: string): { jwksCache: SimpleJwksCache } | undefined {
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
  if (url?.protocol === 'https:') return undefined;
  if (url?.protocol !== 'http:' || !loopbackHosts.has(url.hostname)) {
    throw new Error(`${EnvName.jwtIssuer} must be an https URL (plain http only on loopback), not ${JSON.stringify(issuer)}`);
  }
  return { jwksCache: new SimpleJwksCache({ fetcher: loopbackFetcher }) };
}

const loopbackFetcher: Fetcher = {
  async fetch(uri) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    return response.arrayBuffer();
  },
};

/**
 * A token that fails is the caller's 401, saying what was wrong. Anything else (the issuer's keys
 * unreachable or malformed) is our fault and stays an error: a 500, logged, rather than a misleading 401.
 */
function refusalFor(error: unknown): unknown {
  if (error instanceof JwtExpiredError) return new UnauthorizedError('The bearer token has expired');
  if (error instanceof JwtNotBeforeError) return new UnauthorizedError('The bearer token is not valid yet');
  if (error instanceof JwtInvalidIssuerError) return new UnauthorizedError('The bearer token is not valid: its iss claim is not accepted');
  if (error instanceof JwtInvalidSignatureError) return new UnauthorizedError('The bearer token is not valid: bad signature');
  const tokenFaults = [
    JwtParseError,
    JwtInvalidClaimError,
    JwtInvalidSignatureAlgorithmError,
    JwtWithoutValidKidError,
    KidNotFoundInJwksError,
    WaitPeriodNotYetEndedJwkError,
  ];
  if (tokenFaults.some((fault) => error instanceof fault)) return new UnauthorizedError('The bearer token is not valid');
  return error;
}
