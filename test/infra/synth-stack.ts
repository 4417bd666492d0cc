import { App } from 'aws-cdk-lib';
import type { Stage } from '#infra/constructs/stage';
import type { FunctionDeclaration } from '#shared/kernel/declaration';
import { PasKreatifStack } from '#infra/stack';
import { readStackTemplates } from './stack-templates.ts';

export interface SynthOptions {
  stage?: Stage;
  declarations?: readonly FunctionDeclaration[];
  /** CDK context, as `-c key=value` would give it */
  context?: Record<string, unknown>;
}

/**
 * Builds the stack without running esbuild (bundling.test.ts is the one file that bundles) and without
 * CDK's built-in CloudFormation schema validation (which `cdk synth` still runs), so a test file
 * synthesises in seconds; the templates are the same apart from the code asset hashes.
 */
export function synthStack({ stage = 'dev', declarations, context = {} }: SynthOptions = {}) {
  const app = new App({ builtinCloudFormationValidation: false, context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new PasKreatifStack(app, `PasKreatif-${stage}`, { stage, declarations });
  return { app, stack, templates: readStackTemplates(stack) };
}
