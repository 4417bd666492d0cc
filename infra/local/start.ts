/**
 * `npm start`: the whole platform on this machine (CONTRACT §5).
 *   --no-seed   start empty
 *   PORT        the API's port (default 3000; 0 picks a free one)
 *   LOCAL_THROTTLE=off   no stage throttle (for benchmarks); on by default, as deployed
 * Prints one `PAS_KREATIF_READY {json}` line when it serves; SIGINT/SIGTERM/SIGHUP stop every child.
 */
import { exitWithParentEnv, readyMarker } from './protocol.ts';
import { type LocalRuntime, startLocalRuntime } from './runtime.ts';

// With a parent gone, writes fail with EPIPE: ignore them, so stopping still completes.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

const log = (line: string) => process.stdout.write(`${line}\n`);
const warn = (line: string) => process.stderr.write(`warning: ${line}\n`);
const fail = (error: unknown) => process.stderr.write(`Local runtime failed: ${error instanceof Error ? error.message : String(error)}\n`);

function apiPort(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number (0 picks a free one), not "${raw}"`);
  return port;
}

function localThrottle(): boolean {
  const raw = process.env.LOCAL_THROTTLE;
  if (raw === undefined || raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`LOCAL_THROTTLE must be on or off, not "${raw}"`);
}

let ready = false;

async function main(): Promise<void> {
  const aborting = new AbortController();
  let runtime: LocalRuntime | undefined;
  let stopping = false;

  const shutdown = async (reason: string) => {
    if (stopping) {
      // A second Ctrl-C while stopping: leave now (the exit hook still kills java).
      if (reason.startsWith('SIG')) process.exit(130);
      return;
    }
    stopping = true;
    log(`\n${reason}: stopping the local runtime…`);
    // Should a part hang while stopping, leave anyway (the exit hook still kills java).
    setTimeout(() => process.exit(1), 15_000).unref();
    aborting.abort();
    await runtime?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
  if (process.env[exitWithParentEnv] === '1') {
    process.stdin.on('end', () => void shutdown('parent gone'));
    process.stdin.on('close', () => void shutdown('parent gone'));
    process.stdin.resume();
  }

  try {
    runtime = await startLocalRuntime({
      port: apiPort(),
      seed: !process.argv.includes('--no-seed'),
      throttle: localThrottle(),
      log,
      warn,
      signal: aborting.signal,
    });
  } catch (error) {
    // While stopping on a signal, the interrupted start-up is expected; shutdown() exits.
    if (stopping) return;
    fail(error);
    process.exit(1);
  }
  if (stopping) return;

  const { apiUrl, dynamoEndpoint, dynamoPid, s3Endpoint, eventBusEndpoint, tableName, bucketName } = runtime;
  const endpoints = { apiUrl, dynamoEndpoint, dynamoPid, s3Endpoint, eventBusEndpoint, tableName, bucketName };
  log(
    [
      '',
      `  API              ${endpoints.apiUrl}   (tokens: POST ${endpoints.apiUrl}/_local/token)`,
      `  API reference    ${endpoints.apiUrl}/docs`,
      `  DynamoDB Local   ${endpoints.dynamoEndpoint}   table ${endpoints.tableName}`,
      `  S3 (s3rver)      ${endpoints.s3Endpoint}   bucket ${endpoints.bucketName}`,
      `  Event bus        ${endpoints.eventBusEndpoint}   (status: GET ${endpoints.apiUrl}/_local/bus, dead letters: GET ${endpoints.apiUrl}/_local/dead-letters)`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  log(`${readyMarker} ${JSON.stringify(endpoints)}`);
  ready = true;
}

// Before it serves, an uncaught error ends start-up (the exit hook kills java). After, it is one
// function's failure: deployed, Lambda would replace that container, so the runtime keeps serving.
const uncaught = (error: unknown) => {
  if (!ready) {
    fail(error);
    process.exit(1);
  }
  warn(
    `uncaught error in a function (deployed, its container would restart): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
};
process.on('uncaughtException', uncaught);
process.on('unhandledRejection', uncaught);

await main();
