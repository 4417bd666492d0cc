import { appendFileSync, readFileSync } from 'node:fs';

/** Where the e2e run's answers are logged, one JSON line each (test/global-setup.ts names a file per run). */
export const answersLogEnv = 'E2E_ANSWERS_LOG';

export interface LoggedAnswer {
  method: string;
  path: string;
  status: number;
}

/** Appends one answer when the run logs them; a single short line per write, so workers appending at once never interleave. */
export function logAnswer(method: string, path: string, status: number): void {
  const file = process.env[answersLogEnv];
  if (file) appendFileSync(file, `${JSON.stringify({ method, path: path.replace(/\?.*$/, ''), status } satisfies LoggedAnswer)}\n`);
}

export const readAnswersLog = (file: string): LoggedAnswer[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedAnswer);
