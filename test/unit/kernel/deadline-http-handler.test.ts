import { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineHttpHandler } from '#shared/kernel/aws/deadline-http-handler';
import { answerReserveMs, withinDeadline } from '#shared/kernel/deadline';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const request = new HttpRequest({ protocol: 'http:', hostname: '127.0.0.1', port: 8000, method: 'POST', path: '/' });

/**
 * What the SDK's own Node handler is asked to do (the port the wrapper sits on): nothing is sent, and the answer comes
 * at once, or (unanswered) never, until the request is aborted, when it fails as the SDK's handler does.
 */
function recordedSends({ answered }: { answered: boolean }) {
  const sent: HttpHandlerOptions[] = [];
  vi.spyOn(NodeHttpHandler.prototype, 'handle').mockImplementation((_request, options = {}) => {
    sent.push(options);
    if (answered) return Promise.resolve({ response: undefined as never });
    return new Promise((_resolve, reject) =>
      (options.abortSignal as AbortSignal).addEventListener('abort', () =>
        reject(Object.assign(new Error('aborted'), { name: 'AbortError', cause: (options.abortSignal as AbortSignal).reason })),
      ),
    );
  });
  return sent;
}

/** Sends through the handler inside an invocation with this much of its timeout left. */
const sendWithin = (handler: DeadlineHttpHandler, remainingMs: number, options?: HttpHandlerOptions) =>
  withinDeadline(async () => handler.handle(request, options))({}, { ...lambdaContext(), getRemainingTimeInMillis: () => remainingMs });

afterEach(() => vi.restoreAllMocks());

describe('DeadlineHttpHandler', () => {
  const limits = { connectionTimeout: 500, requestTimeout: 100, maxSockets: 50 };

  it('turns the SDK’s own request timer off and passes an answer through, the request not aborted', async () => {
    const sent = recordedSends({ answered: true });

    await sendWithin(new DeadlineHttpHandler(limits), 10_000);

    expect(sent[0]?.requestTimeout).toBe(0);
    expect(sent[0]?.abortSignal).toBeInstanceOf(AbortSignal);
    expect(sent[0]?.abortSignal?.aborted).toBe(false);
  });

  it('cuts an unanswered request at its own request timeout while the deadline is further away: a retryable TimeoutError', async () => {
    const sent = recordedSends({ answered: false });

    await expect(sendWithin(new DeadlineHttpHandler(limits), 10_000)).rejects.toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    expect(sent[0]?.abortSignal?.aborted).toBe(true);
  });

  it('cuts an unanswered request at the deadline when that is nearer than the request timeout', { timeout: 2_000 }, async () => {
    const sent = recordedSends({ answered: false });
    const patient = { ...limits, requestTimeout: 60_000 };

    await expect(sendWithin(new DeadlineHttpHandler(patient), answerReserveMs + 50)).rejects.toBeInstanceOf(Error);
    expect(sent[0]?.abortSignal?.aborted).toBe(true);
  });

  it('still honours the caller’s own abort signal', async () => {
    const sent = recordedSends({ answered: true });
    const caller = new AbortController();

    await sendWithin(new DeadlineHttpHandler(limits), 10_000, { abortSignal: caller.signal });
    caller.abort();

    expect(sent[0]?.abortSignal?.aborted).toBe(true);
  });

  it('sends nothing once the deadline has passed: a TimeoutError at once', async () => {
    const sent = recordedSends({ answered: true });

    await expect(sendWithin(new DeadlineHttpHandler(limits), answerReserveMs)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sent).toHaveLength(0);
  });

  it('keeps its request timeout outside any invocation (a script, the seed)', async () => {
    recordedSends({ answered: false });

    await expect(new DeadlineHttpHandler(limits).handle(request, {})).rejects.toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
  });
});
