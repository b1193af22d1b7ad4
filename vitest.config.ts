import { defineConfig } from 'vitest/config'
import EngineSummaryReporter from './test/helpers/engine-summary-reporter.js'

// The API suite runs once per database engine. PostgreSQL needs a server: KEYWARD_TEST_POSTGRES_URL
// (`.ci/run` starts one). Without it the PostgreSQL project is left out and the run says so
// loudly; in CI (CI=true) that is an error instead.
const postgresUrl = process.env.KEYWARD_TEST_POSTGRES_URL
const missing: string[] = []
if (!postgresUrl) {
  if (process.env.CI === 'true') throw new Error('CI=true but KEYWARD_TEST_POSTGRES_URL is not set: the PostgreSQL suite cannot run')
  missing.push('postgres')
  process.stderr.write(
    '\n*** WARNING: PostgreSQL suite SKIPPED: KEYWARD_TEST_POSTGRES_URL is not set. ***\n' +
      '*** Set it to a server URL (e.g. postgres://keyward:keyward@127.0.0.1:5432/postgres) or run .ci/run. ***\n\n',
  )
}

const apiTests = ['test/**/*.test.ts']
const notApi = ['test/internals/**', 'test/browser/**', 'node_modules/**']

export default defineConfig({
  test: {
    reporters: ['default', new EngineSummaryReporter(missing)],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'internals', include: ['test/internals/**/*.test.ts'] } },
      { extends: true, test: { name: 'sqlite', include: apiTests, exclude: notApi, env: { KEYWARD_TEST_DB: 'sqlite' } } },
      ...(postgresUrl ? [{ extends: true as const, test: { name: 'postgres', include: apiTests, exclude: notApi, env: { KEYWARD_TEST_DB: 'postgres' } } }] : []),
    ],
  },
})
