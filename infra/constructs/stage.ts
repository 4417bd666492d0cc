import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const stages = ['dev', 'prod'] as const;

export type Stage = (typeof stages)[number];

/** What differs between a throwaway dev stage and production. */
export interface StageSettings {
  stage: Stage;
  /** prod keeps data when the stack or a resource is deleted by mistake; dev cleans up after itself */
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  /** dev logs are for debugging the last few weeks; prod keeps a quarter for incident review */
  logRetention: RetentionDays;
  /** how far back events can be replayed into the bus */
  eventArchiveRetention: Duration;
  /** where payment notifications are confirmed: Midtrans' production API in prod, its sandbox (test money) otherwise */
  midtransApiUrl: string;
}

export function parseStage(value: unknown): Stage {
  const stage = value ?? 'dev';
  if (!stages.includes(stage as Stage)) {
    throw new Error(`Unknown stage ${JSON.stringify(stage)}: use -c stage=${stages.join('|')}`);
  }
  return stage as Stage;
}

export function buildStageSettings(stage: Stage): StageSettings {
  return stage === 'prod'
    ? {
        stage,
        removalPolicy: RemovalPolicy.RETAIN,
        deletionProtection: true,
        logRetention: RetentionDays.THREE_MONTHS,
        eventArchiveRetention: Duration.days(365),
        midtransApiUrl: 'https://api.midtrans.com',
      }
    : {
        stage,
        removalPolicy: RemovalPolicy.DESTROY,
        deletionProtection: false,
        logRetention: RetentionDays.ONE_MONTH,
        eventArchiveRetention: Duration.days(30),
        midtransApiUrl: 'https://api.sandbox.midtrans.com',
      };
}
