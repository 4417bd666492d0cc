import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { defineFunction, type FunctionDeclaration } from '#infra/declaration';
import health from '#functions/platform/health/function';
import { checkFunctions } from './function-checks.ts';
import { checkTriggers } from './trigger-checks.ts';
import { synthStack } from './synth-stack.ts';

/**
 * Declarations that exercise what today's functions do not (every grant at once, the bucket, limits, a
 * pattern with operators and $or, another stream filter), reusing existing handler files as entries.
 */
const synthetic: readonly FunctionDeclaration[] = [
  health,
  defineFunction({
    name: 'openapi',
    context: 'platform',
    description: 'holds every grant there is',
    trigger: {
      kind: 'http',
      route: { method: 'POST', path: '/everything/{id}', auth: 'jwt', summary: 'everything', response: { status: 200 } },
    },
    grants: { table: ['read', 'write'], bus: 'put', bucket: ['read', 'write'], cursorKey: true },
    timeoutSeconds: 20,
    memoryMb: 1024,
  }),
  defineFunction({
    name: 'mark-seller-eligible',
    context: 'participants',
    description: 'an event consumer with an elaborate pattern',
    trigger: {
      kind: 'event',
      pattern: {
        source: [{ prefix: 'pas-kreatif.' }],
        'detail-type': ['OrderPaid', 'OrderCancelled'],
        detail: { data: { totalIdr: [{ numeric: ['>', 0] }], reason: [{ 'anything-but': ['test'] }] } },
        $or: [{ account: ['111111111111'] }, { region: ['ap-southeast-3'] }],
      },
    },
    grants: { bucket: ['read'] },
  }),
  defineFunction({
    name: 'outbox-relay',
    context: 'platform',
    description: 'a stream consumer with another filter',
    trigger: {
      kind: 'tableStream',
      filter: { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { entity: { S: [{ prefix: 'order' }] } } } },
      batchSize: 10,
    },
    grants: { table: ['read'] },
  }),
];

const { stack, template } = synthStack({ stage: 'dev', declarations: synthetic });

describe('synthetic declarations', () => {
  checkFunctions(synthetic, template, 30);
  checkTriggers(synthetic, template);

  it('scope bucket grants to the images objects', () => {
    const [bucketId] = Object.keys(template.findResources('AWS::S3::Bucket'));
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));

    expect(policies).toContain(JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }));
  });

  it('leave no cdk-nag finding unacknowledged, bucket wildcards included', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);

    expect(report.violations).toEqual([]);
  });
});
