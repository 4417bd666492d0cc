import type { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import { timeLeft } from '#shared/kernel/deadline';
import { lagTolerantAgents } from './lag-tolerant-agents.ts';
import { stallTolerantTimeout } from './stall-tolerant-timer.ts';

type Answer = Awaited<ReturnType<NodeHttpHandler['handle']>>;

const deadlinePassed = () =>
  Object.assign(new Error('The invocation’s deadline has passed; the request was not sent'), { name: 'TimeoutError' });

// The SDK's own name and code for a request timeout, which its retries and asDependencyFault take as transient.
const noAnswer = (ms: number) =>
  Object.assign(new Error(`No answer within the ${ms} ms request timeout`), { name: 'TimeoutError', code: 'ETIMEDOUT' });

/**
 * The SDK's Node HTTP handler, each request capped by the invocation's deadline: its request timeout is at most the
 * time left (the configured one otherwise), and it is aborted when that runs out even while its body streams in
 * (the request timeout covers only the wait for the answer's headers). Past the deadline nothing is sent.
 * Both timeouts measure the server, not our own event loop (see stallTolerantTimeout): the agents time the connection,
 * and this the answer, so the SDK's own timers are off.
 */
export class DeadlineHttpHandler extends NodeHttpHandler {
  constructor(private readonly options: { connectionTimeout: number; requestTimeout: number; maxSockets: number }) {
    super(lagTolerantAgents(options));
  }

  override handle(request: HttpRequest, handlerOptions: HttpHandlerOptions = {}): Promise<Answer> {
    const left = timeLeft();
    if (left !== undefined && left <= 0) return Promise.reject(deadlinePassed());
    // Never none: a per-command requestTimeout of 0 (the SDK's "no timeout") still gets ours.
    const timeout = Math.min(handlerOptions.requestTimeout || this.options.requestTimeout, left ?? Infinity);
    const cut = new AbortController();
    const signals = [
      cut.signal,
      ...(left === undefined ? [] : [AbortSignal.timeout(left)]),
      ...(handlerOptions.abortSignal instanceof AbortSignal ? [handlerOptions.abortSignal] : []),
    ];
    // A requestTimeout of 0 turns the SDK's own timer off.
    const sent = super.handle(request, { abortSignal: AbortSignal.any(signals), requestTimeout: 0 });
    return answeredWithin(sent, timeout, () => cut.abort());
  }
}

function answeredWithin(sent: Promise<Answer>, ms: number, abort: () => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const cancel = stallTolerantTimeout(ms, () => {
      abort();
      reject(noAnswer(ms));
    });
    sent.then(
      (answer) => {
        cancel();
        resolve(answer);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}
