import type { ServerResponse } from 'node:http';
import { type Problem } from '#shared/kernel/http/problem';
import { securityHeaders } from '#shared/kernel/http/security-headers';

/** A problem only the local API answers (API Gateway's own, deployed), in the API's problem+json shape. */
export function localProblem(status: number, title: string, detail: string): Problem {
  return { type: `https://pas-kreatif.id/problems/${title.toLowerCase().replaceAll(' ', '-')}`, title, status, detail };
}

export function sendProblem(response: ServerResponse, problem: Problem, requestId: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(problem));
  response.writeHead(problem.status, {
    ...securityHeaders,
    'content-type': 'application/problem+json',
    'content-length': String(body.length),
    'apigw-requestid': requestId,
    ...headers,
  });
  response.end(body);
}
