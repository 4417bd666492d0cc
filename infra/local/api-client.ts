import type { TokenRequest } from './http-api/jwt-authorizer.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read arbitrary JSON, tests assert on it
  body: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** sent as is, for malformed-body tests */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One request to the local HTTP API, as a frontend sends it: the seed and the e2e tests both go through here. */
export async function callApi(apiUrl: string, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  return { status: response.status, headers: response.headers, body: isJson && text ? JSON.parse(text) : text };
}

/** For scripts that make records (the seed, the bench): anything but a 2xx stops them, saying which call failed. */
export async function callApiOrThrow(apiUrl: string, method: string, path: string, options: CallOptions = {}) {
  const response = await callApi(apiUrl, method, path, options);
  if (response.status < 200 || response.status > 299)
    throw new Error(`${method} ${path} answered ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  return response.body as Record<string, unknown> & { id: string };
}

/** A token from the local runtime's issuer (POST /_local/token), which the local JWT authorizer accepts. */
export async function issueToken(apiUrl: string, claims: TokenRequest): Promise<string> {
  const response = await callApi(apiUrl, 'POST', '/_local/token', { body: claims });
  if (response.status !== 200) throw new Error(`token: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.token;
}
