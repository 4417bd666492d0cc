import { inject } from 'vitest';
import { type ApiResponse, type CallOptions, callApi, issueToken } from '#infra/local/api-client';
import type { TokenRequest } from '#infra/local/http-api/jwt-authorizer';
import { logAnswer } from '#test/support/openapi/answers-log';

let ownRuntimeUrl: string | undefined;

/**
 * Points this test file's helpers at a local runtime it spawned itself (a test that stalls DynamoDB Local must not
 * stall the shared one other files run against). Test files run in isolated module graphs, so it stays in the file.
 */
export const useOwnRuntime = (url: string) => void (ownRuntimeUrl = url);

export const apiUrl = () => ownRuntimeUrl ?? inject('apiUrl');

/** A request to the local runtime (the test run's, or the file's own); its answer is logged for the run's OpenAPI check. */
export async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const answer = await callApi(apiUrl(), method, path, options);
  logAnswer(method, path, answer.status);
  return answer;
}

/** A token from the local issuer; `expiresInSeconds` ≤ 0 gives one that has already expired. */
export const tokenFor = (claims: TokenRequest): Promise<string> => issueToken(apiUrl(), claims);

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
