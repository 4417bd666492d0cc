import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { type FunctionDeclaration, handlerEntry, limitsOf } from '#shared/kernel/declaration';

type Handler = (event: unknown, context: Context, callback: (error?: unknown, result?: unknown) => void) => unknown;

export interface LambdaInvoker {
  /** Imports the handler module (once); rejects with the import error. */
  load(declaration: FunctionDeclaration): Promise<Handler>;
  /** Invokes like the Lambda service would: a fresh Context, the declared timeout enforced. */
  invoke(declaration: FunctionDeclaration, event: unknown): Promise<unknown>;
  functionName(declaration: FunctionDeclaration): string;
}

export class LambdaTimeoutError extends Error {}

export const localAccountId = '000000000000';

/**
 * Loads handlers with dynamic import() of handlerEntry(declaration), resolved against the repository
 * root, so the local runtime runs exactly the files the CDK app bundles. All functions share this
 * process (one warm container each); process.env must be set before the first load.
 *
 * Deployed, a process runs one invocation at a time; here many run at once, as on Lambda's multi-concurrency
 * runtimes. So each invocation runs in its own InvokeStore context (AsyncLocalStorage), the store Powertools keeps
 * per-invocation state in when AWS_LAMBDA_MAX_CONCURRENCY is set (the runtime's handler environment sets it): a log line
 * then names the function and request it came from, not whichever invocation began last.
 */
export function createLambdaInvoker(options: { repoRoot: string; stage: string; region: string }): LambdaInvoker {
  const modules = new Map<string, Promise<Handler>>();
  const functionName = (declaration: FunctionDeclaration) => `pas-kreatif-${options.stage}-${declaration.name}`;

  const load = (declaration: FunctionDeclaration): Promise<Handler> => {
    const entry = handlerEntry(declaration);
    let loaded = modules.get(entry);
    if (!loaded) {
      loaded = import(pathToFileURL(resolve(options.repoRoot, entry)).href).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler function`);
        return module.handler as Handler;
      });
      modules.set(entry, loaded);
    }
    return loaded;
  };

  const invoke = async (declaration: FunctionDeclaration, event: unknown): Promise<unknown> => {
    const handler = await load(declaration);
    const limits = limitsOf(declaration);
    const timeoutMs = limits.timeoutSeconds * 1000;
    const name = functionName(declaration);
    const deadline = Date.now() + timeoutMs;
    const requestId = randomUUID();
    const context: Context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${options.region}:${localAccountId}:function:${name}`,
      memoryLimitInMB: String(limits.memoryMb),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${requestId.replaceAll('-', '')}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    const store = await InvokeStore.getInstanceAsync(true);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        new Promise((resolveResult, reject) => {
          const returned = store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: requestId }, () =>
            handler(event, context, (error, result) => (error ? reject(error) : resolveResult(result))),
          );
          if (returned && typeof (returned as Promise<unknown>).then === 'function')
            (returned as Promise<unknown>).then(resolveResult, reject);
        }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new LambdaTimeoutError(`${name}: Task timed out after ${timeoutMs / 1000} seconds`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };

  return { load, invoke, functionName };
}
