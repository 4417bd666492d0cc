import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { synthStack } from './synth-stack.ts';

describe.each(['dev', 'prod'] as const)('cdk-nag AwsSolutions (%s)', (stage) => {
  const { app, stack } = synthStack({ stage });

  it('finds nothing that is not acknowledged with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);

    expect(report.violations).toEqual([]);
  });

  it('lets the app synthesise with the checks registered as infra/app.ts registers them', () => {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => app.synth({ force: true })).not.toThrow();
  });
});
