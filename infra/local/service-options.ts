import type { DeadLetters } from './lambda/dead-letters.ts';
import type { LambdaInvoker } from './lambda/invoker.ts';

/** What each local service that triggers functions is started with. */
export interface LocalServiceOptions {
  region: string;
  accountId: string;
  invoker: LambdaInvoker;
  /** where what its triggers give up on goes (GET /_local/dead-letters) */
  deadLetters: DeadLetters;
  log: (line: string) => void;
  port: number;
}
