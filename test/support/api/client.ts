import { inject } from 'vitest';
import { type ApiResponse, type CallOptions, callApi, issueToken } from '#infra/local/api-client';
import type { TokenRequest } from '#infra/local/http-api/jwt-authorizer';

let ownRuntimeUrl: string | undefined;

/**
 * Points this test file's helpers at a local runtime it spawned itself (a test that stalls DynamoDB Local must not
 * stall the shared one other files run against). Test files run in isolated module graphs, so it stays in the file.
 */
export const useOwnRuntime = (url: string) => void (ownRuntimeUrl = url);

export const apiUrl = () => ownRuntimeUrl ?? inject('apiUrl');

/** Requests and tokens for one local runtime: the test run's, or one a test spawned for itself. */
export const runtimeClient = (url: string) => ({
  call: (method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> => callApi(url, method, path, options),
  /** A token from the local issuer; `expiresInSeconds` ≤ 0 gives one that has already expired. */
  tokenFor: (claims: TokenRequest): Promise<string> => issueToken(url, claims),
});

/** A request to the test run's local runtime. */
export const call = (method: string, path: string, options: CallOptions = {}) => runtimeClient(apiUrl()).call(method, path, options);

/** A token from the test run's local issuer. */
export const tokenFor = (claims: TokenRequest) => runtimeClient(apiUrl()).tokenFor(claims);

/** Polls until the check passes: event-driven effects are eventually consistent. */
export async function eventually<T>(check: () => Promise<T>, { timeoutMs = 10_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
