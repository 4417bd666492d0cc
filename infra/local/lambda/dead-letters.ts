import { oneLine } from '#infra/local/log-text';

/** What the deployed stack's DLQs and on-failure destinations would hold, kept in memory. */
export interface DeadLetter {
  at: string;
  /** an EventBridge rule target, the table-stream event source mapping, an images bucket notification, a work queue, or a schedule */
  source: 'event-bus' | 'table-stream' | 's3-notification' | 'sqs-queue' | 'schedule';
  functionName: string;
  attempts: number;
  error: string;
  /** the event (bus) or the records (stream) that could not be processed */
  payload: unknown;
}

export interface DeadLetters {
  record(letter: Omit<DeadLetter, 'at'>): void;
  list(): readonly DeadLetter[];
  readonly count: number;
}

const maxKept = 1000;

export function createDeadLetters(warn: (line: string) => void): DeadLetters {
  const letters: DeadLetter[] = [];
  let count = 0;
  return {
    record(letter) {
      count++;
      letters.push({ at: new Date().toISOString(), ...letter });
      letters.splice(0, Math.max(0, letters.length - maxKept));
      // One line in the terminal; the full error and payload are in GET /_local/dead-letters.
      warn(
        `dead letter (${letter.source}): ${letter.functionName} failed ${letter.attempts} times: ${oneLine(letter.error, 160)} — GET /_local/dead-letters`,
      );
    },
    list: () => letters,
    get count() {
      return count;
    },
  };
}
