import { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineHttpHandler } from '#shared/kernel/aws/deadline-http-handler';
import { answerReserveMs, withinDeadline } from '#shared/kernel/deadline';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const request = new HttpRequest({ protocol: 'http:', hostname: '127.0.0.1', port: 8000, method: 'POST', path: '/' });

/** What the SDK's own Node handler is asked to do (the port the wrapper sits on): nothing is sent. */
function recordedSends() {
  const sent: HttpHandlerOptions[] = [];
  vi.spyOn(NodeHttpHandler.prototype, 'handle').mockImplementation(async (_request, options = {}) => {
    sent.push(options);
    return { response: undefined as never };
  });
  return sent;
}

/** Sends through the handler inside an invocation with this much of its timeout left. */
const sendWithin = (handler: DeadlineHttpHandler, remainingMs: number, options?: HttpHandlerOptions) =>
  withinDeadline(async () => handler.handle(request, options))({}, { ...lambdaContext(), getRemainingTimeInMillis: () => remainingMs });

afterEach(() => vi.restoreAllMocks());

describe('DeadlineHttpHandler', () => {
  const limits = { connectionTimeout: 500, requestTimeout: 1_000, maxSockets: 50 };

  it('keeps its own request timeout while the deadline is further away, and aborts at the deadline', async () => {
    const sent = recordedSends();

    await sendWithin(new DeadlineHttpHandler(limits), 10_000);

    expect(sent[0]?.requestTimeout).toBe(1_000);
    expect(sent[0]?.abortSignal).toBeInstanceOf(AbortSignal);
    expect(sent[0]?.abortSignal?.aborted).toBe(false);
  });

  it('cuts the request timeout to the time left when the deadline is nearer', async () => {
    const sent = recordedSends();

    await sendWithin(new DeadlineHttpHandler(limits), answerReserveMs + 300);

    expect(sent[0]?.requestTimeout).toBeGreaterThan(0);
    expect(sent[0]?.requestTimeout).toBeLessThanOrEqual(300);
  });

  it('still honours the caller’s own abort signal', async () => {
    const sent = recordedSends();
    const caller = new AbortController();

    await sendWithin(new DeadlineHttpHandler(limits), 10_000, { abortSignal: caller.signal });
    caller.abort();

    expect(sent[0]?.abortSignal?.aborted).toBe(true);
  });

  it('sends nothing once the deadline has passed: a TimeoutError at once', async () => {
    const sent = recordedSends();

    await expect(sendWithin(new DeadlineHttpHandler(limits), answerReserveMs)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sent).toHaveLength(0);
  });

  it('passes a request outside any invocation through as it came (a script, the seed)', async () => {
    const sent = recordedSends();

    await new DeadlineHttpHandler(limits).handle(request, {});

    expect(sent).toEqual([{}]);
  });
});
