import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { LocalEndpoints } from '#infra/local/protocol';
import { spawnLocalRuntime } from '#infra/local/spawn-runtime';
import { httpDeclarations } from '#functions/declarations';
import { answersLogEnv, readAnswersLog } from '#test/support/openapi/answers-log';
import { undocumentedAnswers } from '#test/support/openapi/documented-answers';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the provided values are exactly the endpoints
  export interface ProvidedContext extends LocalEndpoints {}
}

/**
 * One local runtime (empty, on a free port) for the whole run, in a child process so the server
 * does not share an event loop with the tests. Tests reach it through inject('apiUrl') etc.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // The webhook retry schedule (5 s … 24 h) in milliseconds, so e2e tests see retries happen (CONTRACT §5).
  process.env.WEBHOOK_RETRY_SCALE ??= '0.001';
  // No stage throttle here: every e2e file shares this runtime, so each route's bucket would be spent by whichever
  // files happen to run together. The throttle's own tests (test/e2e/overload.test.ts) spawn a runtime with it on.
  const runtime = await spawnLocalRuntime({ port: 0, seed: false, throttle: false });
  for (const [key, value] of Object.entries(runtime.endpoints)) {
    project.provide(key as keyof typeof runtime.endpoints, value);
  }
  process.stderr.write(`local runtime ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${runtime.endpoints.apiUrl}\n`);
  const answersLog = logAnswersOfThisRun();
  return async () => {
    await runtime.stop();
    checkAnswersAreDocumented(answersLog);
  };
}

/** The test workers inherit the variable and append every answer `call` gets (test/support/openapi/answers-log.ts). */
function logAnswersOfThisRun(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pas-kreatif-answers-')), 'answers.jsonl');
  writeFileSync(file, '');
  process.env[answersLogEnv] = file;
  return file;
}

/**
 * Every answer the e2e run received must be one its operation lists in GET /openapi.json, so an operation's statuses
 * never fall short of what it answers (its use-case's refusals are declared by hand: shared/kernel/declaration.ts).
 * An undocumented answer fails the run.
 */
function checkAnswersAreDocumented(file: string): void {
  const undocumented = undocumentedAnswers(httpDeclarations(), readAnswersLog(file));
  rmSync(dirname(file), { recursive: true, force: true });
  if (undocumented.length === 0) return;
  process.stderr.write(`The e2e run got answers the OpenAPI document does not list:\n  ${undocumented.join('\n  ')}\n`);
  // Vitest reports a teardown's exception but still exits 0; the exit code is what CI reads.
  process.exitCode = 1;
}
