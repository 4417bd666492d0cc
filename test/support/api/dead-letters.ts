import { call } from './client.ts';

/** What the local runtime gave up on after the last retry: which function, fed how, and the payload it failed on. */
export interface DeadLetter {
  source: string;
  functionName: string;
  attempts: number;
  payload: unknown;
}

export const deadLetters = async () => (await call('GET', '/_local/dead-letters')).body.items as DeadLetter[];
