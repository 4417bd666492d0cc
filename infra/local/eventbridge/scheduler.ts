import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { FunctionDeclaration, ScheduleTrigger } from '#shared/kernel/declaration';
import { createAsyncInvocations } from '#infra/local/lambda/async-invocations';
import type { DeadLetters } from '#infra/local/lambda/dead-letters';
import type { LambdaInvoker } from '#infra/local/lambda/invoker';

export type ScheduleDeclaration = FunctionDeclaration<ScheduleTrigger>;

/**
 * Locally every schedule fires this often, whatever its deployed rate: work falls due by the clock (a payment window
 * of a few seconds in a test), and a sweeper finds nothing to do most of the time, so running it often costs little.
 */
export const localScheduleIntervalMs = 5_000;

export interface LocalScheduler {
  stop(): Promise<void>;
}

export interface LocalSchedulerOptions {
  declarations: readonly ScheduleDeclaration[];
  invoker: LambdaInvoker;
  deadLetters: DeadLetters;
  region: string;
  accountId: string;
  intervalMs?: number;
}

/**
 * The scheduled rules of the deployed stack: each schedule-triggered function is invoked asynchronously (Lambda's
 * retries, then a dead letter) with the event EventBridge sends, every interval. A run still going when the next is
 * due is not joined by a second one.
 */
export function startLocalScheduler(options: LocalSchedulerOptions): LocalScheduler {
  const schedules = options.declarations.map((declaration) => ({
    declaration,
    invocations: createAsyncInvocations({ source: 'schedule', invoker: options.invoker, deadLetters: options.deadLetters }),
  }));
  const fire = () => {
    for (const { declaration, invocations } of schedules) {
      if (invocations.counts().pending > 0) continue;
      invocations.invoke(declaration, scheduledEvent(declaration, options));
    }
  };
  const timer = setInterval(fire, options.intervalMs ?? localScheduleIntervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(schedules.map(({ invocations }) => invocations.stop()));
    },
  };
}

function scheduledEvent(declaration: ScheduleDeclaration, { region, accountId }: LocalSchedulerOptions): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: accountId,
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:${accountId}:rule/${declaration.name}`],
    detail: {},
  };
}
