import { describe, expect, it } from 'vitest';
import { answerReserveMs, deadlineSignal, withinDeadline } from '#shared/kernel/deadline';
import { lambdaContext } from '#test/support/fakes/lambda-context';

const signalWithin = (remainingMs: number) =>
  withinDeadline(async () => deadlineSignal())({}, { ...lambdaContext(), getRemainingTimeInMillis: () => remainingMs });

describe('deadlineSignal', () => {
  it('is none outside an invocation: a script or a test waits as long as it likes', () => {
    expect(deadlineSignal()).toBeUndefined();
  });

  it('aborts once the invocation has no time left for its dependencies', async () => {
    const signal = await signalWithin(answerReserveMs + 20);

    expect(signal?.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(signal?.aborted).toBe(true);
  });

  it('stays open while the deadline is far', async () => {
    const signal = await signalWithin(60_000);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signal?.aborted).toBe(false);
  });
});
