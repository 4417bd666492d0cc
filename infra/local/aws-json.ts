import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { errorText } from './log-text.ts';
import { closeServer, listen, readBody } from './net.ts';

/**
 * An error the service answers with: `__type` in the body (the SDK turns it into the exception of that name), the
 * message, the HTTP status, and headers (by default `x-amzn-errortype`, which the SDK reads first).
 */
export class AwsServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly headers: Record<string, string> = { 'x-amzn-errortype': type },
  ) {
    super(message);
  }
}

export type AwsJsonOperation = (input: Record<string, unknown>) => unknown;

export interface AwsJsonEndpointOptions {
  /** how logs and error messages name it: "local SQS" */
  service: string;
  /** the protocol's version: awsJson1_0 (SQS) or awsJson1_1 (EventBridge) */
  version: '1.0' | '1.1';
  /** the X-Amz-Target prefix before the operation's name: "AmazonSQS" */
  targetPrefix: string;
  operations: Readonly<Record<string, AwsJsonOperation>>;
  maxRequestBytes: number;
  port: number;
  log: (line: string) => void;
  /** the service's own errors for a request it cannot take */
  errors: {
    unsupported(message: string, what: 'method' | 'operation'): AwsServiceError;
    malformed(): AwsServiceError;
    internal(message: string): AwsServiceError;
  };
}

export interface AwsJsonEndpoint {
  url: string;
  stop(): Promise<void>;
}

/**
 * The AWS JSON protocol the SDK clients speak: `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body,
 * answered with the operation's JSON output, or with the error's `__type` and message.
 */
export async function serveAwsJson(options: AwsJsonEndpointOptions): Promise<AwsJsonEndpoint> {
  const names = Object.keys(options.operations);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const payload = Buffer.from(JSON.stringify(body));
      response.writeHead(status, {
        'content-type': `application/x-amz-json-${options.version}`,
        'content-length': String(payload.length),
        'x-amzn-requestid': randomUUID(),
        ...headers,
      });
      response.end(payload);
    };
    try {
      if (request.method !== 'POST') throw options.errors.unsupported('Only POST is supported', 'method');
      const raw = await readBody(request, options.maxRequestBytes);
      const target = String(request.headers['x-amz-target'] ?? '');
      const name = target.startsWith(`${options.targetPrefix}.`) ? target.slice(options.targetPrefix.length + 1) : '';
      const operation = Object.hasOwn(options.operations, name) ? options.operations[name] : undefined;
      if (!operation)
        throw options.errors.unsupported(
          `The ${options.service} supports ${names.join(', ')}, not ${target || '(no X-Amz-Target)'}`,
          'operation',
        );
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw options.errors.malformed();
      }
      reply(200, await operation(input));
    } catch (error) {
      const aws = error instanceof AwsServiceError ? error : options.errors.internal(errorText(error));
      if (!(error instanceof AwsServiceError)) options.log(`${options.service}: ${aws.message}`);
      reply(aws.status, { __type: aws.type, message: aws.message }, aws.headers);
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  const port = await listen(server, options.port, options.service);
  return { url: `http://127.0.0.1:${port}`, stop: () => closeServer(server) };
}
