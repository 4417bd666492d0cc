import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { handlerEntry } from '#shared/kernel/declaration';
import { lambdaBundling } from '#infra/bundling';

const run = promisify(execFile);

export interface FunctionFigures {
  name: string;
  bytes: number;
  coldImportMs: number;
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
  // The Midtrans notification names its key's SSM parameter at import, as deployed (the key is read on first use).
  MIDTRANS_SERVER_KEY_PARAMETER: '/pas-kreatif/bench/midtrans-server-key',
  // Every deployed function has STAGE (webhooks choose their URL policy by it) and the queue URLs it may send to.
  STAGE: 'bench',
  WEBHOOK_EVENTS_QUEUE_URL: 'https://sqs.ap-southeast-3.amazonaws.com/000000000000/bench-webhook-events',
  WEBHOOK_DELIVERIES_QUEUE_URL: 'https://sqs.ap-southeast-3.amazonaws.com/000000000000/bench-webhook-deliveries',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Time to import the bundle in a fresh Node process: what a cold start adds to the runtime's own boot. */
async function coldImportMs(file: string, runs: number): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
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
    times.push(Number(stdout));
  }
  return median(times);
}

// Inside the repository, so a bundle's external nodeModules (sharp) resolve from node_modules as they do beside
// the deployed bundle, and its cold import includes loading them.
const benchRoot = join(fileURLToPath(new URL('../node_modules/.cache/', import.meta.url)));

export async function measureFunctions(declarations: readonly FunctionDeclaration[], runs: number): Promise<FunctionFigures[]> {
  await mkdir(benchRoot, { recursive: true });
  const dir = await mkdtemp(join(benchRoot, 'pas-kreatif-bench-'));
  try {
    const figures: FunctionFigures[] = [];
    for (const declaration of declarations) {
      const outfile = join(dir, `${declaration.name}.mjs`);
      await build({
        ...lambdaBundling,
        mainFields: [...lambdaBundling.mainFields],
        banner: { js: lambdaBundling.banner },
        entryPoints: [handlerEntry(declaration)],
        bundle: true,
        // As deployed: shipped beside the bundle, so not counted in its bytes.
        external: [...(declaration.nodeModules ?? [])],
        outfile,
        logLevel: 'error',
      });
      figures.push({ name: declaration.name, bytes: (await stat(outfile)).size, coldImportMs: await coldImportMs(outfile, runs) });
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
