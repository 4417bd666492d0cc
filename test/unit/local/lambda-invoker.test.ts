import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { createLambdaInvoker } from '#infra/local/lambda/invoker';

// A handler that answers, after a wait, the request id its invocation store holds and the one its context names.
const probeHandler = `
export const handler = async (event, context) => {
  await new Promise((resolve) => setTimeout(resolve, event.waitMs));
  return { stored: globalThis.awslambda.InvokeStore.getRequestId(), context: context.awsRequestId };
};
`;

describe('the local Lambda invoker', () => {
  const repoRoot = mkdtempSync(join(tmpdir(), 'invoker-'));
  afterAll(() => rmSync(repoRoot, { recursive: true, force: true }));

  it('keeps each of many concurrent invocations in its own invocation context', async () => {
    // Prepare
    mkdirSync(join(repoRoot, 'functions/platform/probe'), { recursive: true });
    writeFileSync(join(repoRoot, 'functions/platform/probe/handler.ts'), probeHandler);
    const probe = { name: 'probe', context: 'platform', trigger: { kind: 'event', pattern: {} }, grants: {} } as FunctionDeclaration;
    const invoker = createLambdaInvoker({ repoRoot, stage: 'test', region: 'ap-southeast-3' });

    // Act: the first-started invocation finishes last, after the others have begun
    const answers = (await Promise.all([40, 10, 20, 0].map((waitMs) => invoker.invoke(probe, { waitMs })))) as {
      stored: string;
      context: string;
    }[];

    // Assert
    for (const answer of answers) expect(answer.stored).toBe(answer.context);
    expect(new Set(answers.map((answer) => answer.context)).size).toBe(4);
  });
});
