import type { Claims } from './caller.ts';

/**
 * Checks a bearer token as the HTTP API's JWT authorizer would, for routes that have none (auth: 'optional').
 * Rejects with UnauthorizedError when the token is not acceptable; any other rejection is a fault of ours (500).
 */
export interface TokenVerifier {
  verify(token: string): Promise<Claims>;
}
