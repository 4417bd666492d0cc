import type { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import { timeLeft } from '#shared/kernel/deadline';
import { lagTolerantAgents } from './lag-tolerant-agents.ts';

const deadlinePassed = () =>
  Object.assign(new Error('The invocation’s deadline has passed; the request was not sent'), { name: 'TimeoutError' });

/**
 * The SDK's Node HTTP handler, each request capped by the invocation's deadline: its request timeout is at most the
 * time left (the configured one otherwise), and it is aborted when that runs out even while its body streams in
 * (the request timeout covers only the wait for the answer's headers). Past the deadline nothing is sent.
 */
export class DeadlineHttpHandler extends NodeHttpHandler {
  constructor(private readonly options: { connectionTimeout: number; requestTimeout: number; maxSockets: number }) {
    const { requestTimeout } = options;
    // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes, and keeps waiting. The
    // agents time the connection, so the SDK's own connection timer, blind to our event loop's stalls, stays off.
    super({ requestTimeout, throwOnRequestTimeout: true, ...lagTolerantAgents(options) });
  }

  override handle(request: HttpRequest, handlerOptions: HttpHandlerOptions = {}) {
    const left = timeLeft();
    if (left === undefined) return super.handle(request, handlerOptions);
    if (left <= 0) return Promise.reject(deadlinePassed());
    const signals = [AbortSignal.timeout(left), ...(handlerOptions.abortSignal instanceof AbortSignal ? [handlerOptions.abortSignal] : [])];
    return super.handle(request, {
      abortSignal: AbortSignal.any(signals),
      requestTimeout: Math.min(handlerOptions.requestTimeout ?? this.options.requestTimeout, left),
    });
  }
}
