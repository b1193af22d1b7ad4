import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { startVitest } from 'vitest/node'
import { summariseRun } from '../helpers/engine-summary-reporter.js'

describe('the per-project summary', () => {
  // Issue 13: a run failed on an afterAll hook and an unhandled error while the summary said
  // "browser 76 passed 0 failed".
  it('counts a failed afterAll and unhandled errors, and says the run failed', async () => {
    const vitest = await startVitest(
      'test',
      [],
      {
        config: false,
        include: ['test/internals/fixtures/after-all-fails.fixture.ts'],
        reporters: [],
        watch: false,
        pool: 'threads',
      },
      {},
      { stdout: new PassThrough(), stderr: new PassThrough() },
    )
    try {
      const modules = vitest.state.getTestModules()
      const lines = summariseRun(modules, vitest.state.getUnhandledErrors() as never, [])
      expect(lines.join('\n')).toMatch(/1 passed +0 failed +0 skipped +1 error\(s\) outside tests/)
      expect(lines.join('\n')).toContain('1 unhandled error(s)')
      expect(lines.at(-1)).toBe('Run FAILED')
    } finally {
      await vitest.close()
      process.exitCode = 0
    }
  })
})
