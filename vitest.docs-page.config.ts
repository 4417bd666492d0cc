import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:docs-page`: GET /docs in a real headless browser (Debian's chromium, driven by playwright-core). Apart
 * from `npm test`, which must run where no browser is installed; CI runs it as a step of its own.
 */
export default defineConfig({
  test: {
    name: 'docs-page',
    include: ['test/docs-page/**/*.test.ts'],
    env: base.test?.env,
    testTimeout: 60_000,
    hookTimeout: 150_000,
    retry: 0,
  },
});
