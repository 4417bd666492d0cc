import type { TestProject } from 'vitest/node';
import type { LocalEndpoints } from '#infra/local/protocol';
import { spawnLocalRuntime } from '#infra/local/spawn-runtime';

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
  return () => runtime.stop();
}
