import { defineConfig } from 'vitest/config';

/**
 * Every suite: unit (pure), infra (CDK template), api (the HTTP app over
 * DynamoDB Local, one in-memory instance per run, a database per test file),
 * e2e (the H5 build in Debian's Chromium). Benchmarks live in tests/bench and
 * are run by hand, not here.
 */
export default defineConfig({
  test: {
    // Node 20 here; the Lambda runtime is 22. Keep the SDK's notice about it out of test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Two files at a time, not vitest's default of one on two cores: an api file mostly waits on
    // DynamoDB Local and an e2e file on Chromium, so a second file uses the idle core.
    maxWorkers: 2,
    projects: [
      // Property tests are CPU-bound; in CI they share two cores with DynamoDB Local and the H5 build.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/support/dynamodbGlobalSetup.ts'],
          // Generous: on a 2-core CI machine the api, e2e build and DynamoDB Local share the cores.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The H5 build starts with the run and goes on beside the api suites; an e2e suite waits on
          // its lock. Not fileParallelism: false, which would hold every e2e file back until all
          // other files have run.
          globalSetup: ['tests/support/dynamodbGlobalSetup.ts', 'tests/support/h5BuildGlobalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
