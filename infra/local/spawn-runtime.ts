import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { exitWithParentEnv, type LocalEndpoints, readyMarker } from './protocol.ts';

export interface SpawnedRuntime {
  endpoints: LocalEndpoints;
  /** SIGTERM, then waits for the child (and so its java) to exit */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** default 0: a free port */
  port?: number;
  /** default false */
  seed?: boolean;
  /** the stage throttle (LOCAL_THROTTLE); default: as this process's environment says, which is on unless it says off */
  throttle?: boolean;
  /** default 120 s (java on a busy machine) */
  timeoutMs?: number;
  /** more environment for the child, over this process's (e.g. MIDTRANS_API_URL at a Midtrans that is down) */
  env?: Record<string, string>;
  /** the child's stderr (warnings, dead letters, handler errors) after READY; default: this process's stderr */
  onStderr?: (line: string) => void;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const stopTimeoutMs = 15_000;

/**
 * Runs infra/local/start.ts in a child process and resolves once it prints its READY line, so test
 * runners and load generators do not share an event loop with the server. The child stops when
 * stop() is called, or by itself when this process dies (its stdin pipe closes).
 */
export function spawnLocalRuntime(options: SpawnOptions = {}): Promise<SpawnedRuntime> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', ...(options.seed ? [] : ['--no-seed'])], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port ?? 0),
      ...(options.throttle === undefined ? {} : { LOCAL_THROTTLE: options.throttle ? 'on' : 'off' }),
      [exitWithParentEnv]: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stderrTail: string[] = [];
  const onStderr = options.onStderr ?? ((line: string) => process.stderr.write(`[local runtime] ${line}\n`));
  let ready = false;

  createInterface({ input: child.stderr }).on('line', (line) => {
    if (ready) return onStderr(line);
    stderrTail.push(line);
    stderrTail.splice(0, Math.max(0, stderrTail.length - 50));
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(killed);
    }
    child.stdin.destroy();
  };

  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 120_000;
    const failed = (reason: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${reason}\n${stderrTail.join('\n')}`.trimEnd())));
    };
    const timer = setTimeout(() => failed(`The local runtime was not ready within ${timeoutMs / 1000} s; its stderr:`), timeoutMs);
    child.once('error', (error) => failed(`The local runtime could not be spawned: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (!ready) failed(`The local runtime exited (${signal ?? `code ${code}`}) before it was ready; its stderr:`);
    });
    // stdout must be drained for the child's whole life, or it blocks once the pipe is full.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready || !line.startsWith(`${readyMarker} `)) return;
      ready = true;
      clearTimeout(timer);
      resolve({ endpoints: JSON.parse(line.slice(readyMarker.length + 1)) as LocalEndpoints, stop });
    });
  });
}
