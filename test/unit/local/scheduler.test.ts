import { describe, expect, it } from 'vitest';
import { scheduleTrigger } from '#shared/kernel/declaration';
import { type ScheduleDeclaration, startLocalScheduler } from '#infra/local/eventbridge/scheduler';
import { createDeadLetters } from '#infra/local/lambda/dead-letters';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';
import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { sleep } from '#infra/local/net';

const sweeper: ScheduleDeclaration = {
  name: 'sweeper',
  context: 'orders',
  description: 'a sweeper',
  trigger: scheduleTrigger({ everyMinutes: 60 }),
  grants: {},
};

/** An invoker that records each event and takes `runMs` to answer. */
function recordingInvoker(runMs = 0) {
  const events: unknown[] = [];
  const invoker: LambdaInvoker = {
    load: async () => undefined,
    invoke: async (_declaration: FunctionDeclaration, event: unknown) => {
      events.push(event);
      await sleep(runMs);
    },
    functionName: (declaration: FunctionDeclaration) => `pas-kreatif-test-${declaration.name}`,
  } as unknown as LambdaInvoker;
  return { invoker, events };
}

const options = { region: 'ap-southeast-3', accountId: '000000000000', deadLetters: createDeadLetters(() => undefined) };

describe('the local scheduler', () => {
  it('invokes each schedule-triggered function every interval with a Scheduled Event, and stops cleanly', async () => {
    // Prepare
    const { invoker, events } = recordingInvoker();

    // Act
    const scheduler = startLocalScheduler({ ...options, declarations: [sweeper], invoker, intervalMs: 20 });
    await sleep(110);
    await scheduler.stop();
    const fired = events.length;
    await sleep(60);

    // Assert
    expect(fired).toBeGreaterThanOrEqual(3);
    expect(events).toHaveLength(fired);
    expect(events[0]).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
  });

  it('starts no second run while one is still going', async () => {
    // Prepare
    const { invoker, events } = recordingInvoker(100);

    // Act
    const scheduler = startLocalScheduler({ ...options, declarations: [sweeper], invoker, intervalMs: 20 });
    await sleep(90);
    await scheduler.stop();

    // Assert
    expect(events).toHaveLength(1);
  });
});
