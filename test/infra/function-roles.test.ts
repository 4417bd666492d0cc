import { describe } from 'vitest';
import { declarations } from '#functions/declarations';
import { checkFunctions } from './function-checks.ts';
import { synthStack } from './synth-stack.ts';

const { template } = synthStack({ stage: 'dev' });

describe('every declared function (dev)', () => {
  checkFunctions(declarations, template, 30);
});
