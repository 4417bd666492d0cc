import { defineConfig } from 'vitest/config';

/**
 * Three projects, so `vitest run test/unit` never waits for java:
 * - unit: pure, fakes at the port level
 * - infra: CDK template assertions (synth bundles with esbuild, hence the longer timeout)
 * - local: integration (DynamoDB Local, s3rver) and e2e (the local HTTP API) against one local
 *   runtime that test/global-setup.ts spawns in a child process for the whole run
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    retry: 0,
    // The pinned AWS SDK warns on Node 20 about releases after January 2027; the lock file pins what works.
    // Handlers log refusals by design, and count faults as EMF lines on stdout; in tests that is noise (the metrics
    // tests turn the lines back on to read them). Every function has a STAGE, the counts' dimension.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      STAGE: 'test',
    },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000 } },
      {
        extends: true,
        test: {
          name: 'local',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
