import { describe } from 'vitest';
import { declarations } from '#functions/declarations';
import { checkFunctions } from './function-checks.ts';
import { synthStack } from './synth-stack.ts';

const { templates } = synthStack({ stage: 'dev' });

describe('every declared function (dev)', () => {
  checkFunctions(declarations, templates, 30);
});
