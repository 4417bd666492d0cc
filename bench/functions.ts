import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { handlerEntry } from '#shared/kernel/declaration';
import { lambdaEsbuildOptions } from '#infra/bundling';
import { median } from './latencies.ts';

const run = promisify(execFile);

export interface ColdImport {
  bytes: number;
  coldImportMs: number;
}

export interface FunctionFigures extends ColdImport {
  name: string;
  /** its bundle holds an AWS SDK client (so the floor is what it compares with) */
  holdsSdkClient: boolean;
  /** it ships native modules beside its bundle (sharp), whose load its cold import includes */
  nativeModules: boolean;
  /** its median over the median of the floor runs interleaved with its own */
  floorRatio: number;
}

/** Enough for handlers that read their configuration at import time; nothing is called. */
const lambdaLikeEnv = {
  PATH: process.env.PATH ?? '',
  NODE_NO_WARNINGS: '1',
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench',
  EVENT_BUS_NAME: 'bench',
  BUCKET_NAME: 'bench',
  IMAGES_BASE_URL: 'https://images.bench',
  // Optional-auth functions build their token verifier at import.
  JWT_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_bench',
  JWT_AUDIENCE: 'bench',
  CURSOR_SIGNING_KEY: 'bench',
  // The Midtrans notification names its key's SSM parameter and the Get Status API at import, as deployed (the key is
  // read on first use).
  MIDTRANS_SERVER_KEY_PARAMETER: '/pas-kreatif/bench/midtrans-server-key',
  MIDTRANS_API_URL: 'https://api.sandbox.midtrans.com',
  // Every deployed function has STAGE (webhooks choose their URL policy by it) and the queue URLs it may send to.
  STAGE: 'bench',
  WEBHOOK_EVENTS_QUEUE_URL: 'https://sqs.ap-southeast-3.amazonaws.com/000000000000/bench-webhook-events',
  WEBHOOK_DELIVERIES_QUEUE_URL: 'https://sqs.ap-southeast-3.amazonaws.com/000000000000/bench-webhook-deliveries',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/** Time to import the bundle in a fresh Node process: what a cold start adds to the runtime's own boot. */
async function importOnce(file: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: lambdaLikeEnv }).catch(
    (error: { stderr?: string }) => {
      // The minified bundle's source line would fill the screen: the error's own lines say what went wrong.
      const reason = (error.stderr ?? '')
        .split('\n')
        .filter((line) => /^\w*Error\b/.test(line.trim()))
        .join('\n');
      throw new Error(`Importing ${file} failed: ${reason || 'see the bundle'}`);
    },
  );
  return Number(stdout);
}

// Inside the repository, so a bundle's external nodeModules (sharp) resolve from node_modules as they do beside
// the deployed bundle, and its cold import includes loading them.
const benchRoot = join(fileURLToPath(new URL('../node_modules/.cache/', import.meta.url)));
const floorEntry = fileURLToPath(new URL('./floor-handler.ts', import.meta.url));

/** Bundled exactly as the stack bundles (infra/bundling.ts); whether an SDK client is inside, from esbuild's own inputs. */
async function bundle(entry: string, outfile: string, nodeModules: readonly string[] = []) {
  const { metafile } = await build({
    ...lambdaEsbuildOptions,
    entryPoints: [entry],
    // As deployed: shipped beside the bundle, so not counted in its bytes.
    external: [...nodeModules],
    outfile,
    metafile: true,
  });
  const holdsSdkClient = Object.keys(metafile.outputs[Object.keys(metafile.outputs)[0] ?? '']?.inputs ?? {}).some((input) =>
    /node_modules\/@aws-sdk\/client-/.test(input),
  );
  return { bytes: (await stat(outfile)).size, holdsSdkClient };
}

/**
 * Every function's bundle and cold import, each beside the floor (floor-handler.ts) measured in the same run:
 * for each function, floor and function imports alternate, so a noisy minute weighs on both alike.
 */
export async function measureFunctions(
  declarations: readonly FunctionDeclaration[],
  runs: number,
): Promise<{ floor: ColdImport; functions: FunctionFigures[] }> {
  await mkdir(benchRoot, { recursive: true });
  const dir = await mkdtemp(join(benchRoot, 'pas-kreatif-bench-'));
  try {
    const floorFile = join(dir, 'floor.mjs');
    const { bytes: floorBytes } = await bundle(floorEntry, floorFile);
    const allFloorTimes: number[] = [];
    const functions: FunctionFigures[] = [];
    for (const declaration of declarations) {
      const outfile = join(dir, `${declaration.name}.mjs`);
      const { bytes, holdsSdkClient } = await bundle(handlerEntry(declaration), outfile, declaration.nodeModules);
      const floorTimes: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        floorTimes.push(await importOnce(floorFile));
        times.push(await importOnce(outfile));
      }
      allFloorTimes.push(...floorTimes);
      const coldImportMs = median(times);
      functions.push({
        name: declaration.name,
        bytes,
        coldImportMs,
        holdsSdkClient,
        nativeModules: (declaration.nodeModules?.length ?? 0) > 0,
        floorRatio: coldImportMs / median(floorTimes),
      });
    }
    return { floor: { bytes: floorBytes, coldImportMs: median(allFloorTimes) }, functions };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
