import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints, after the run, how many tests passed, failed and were skipped in each project (one
 * project per database engine, plus internals and the browser), and says loudly which
 * projects did not run at all.
 */
export default class EngineSummaryReporter implements Reporter {
  readonly #missing: readonly string[]

  constructor(missing: readonly string[] = []) {
    this.#missing = missing
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, { passed: number; failed: number; skipped: number }>()
    for (const module of testModules) {
      const name = module.project.name || 'default'
      const count = counts.get(name) ?? { passed: 0, failed: 0, skipped: 0 }
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') count.passed++
        else if (state === 'failed') count.failed++
        else count.skipped++
      }
      counts.set(name, count)
    }
    const lines = ['', 'Tests by project:']
    for (const [name, c] of [...counts].sort()) {
      lines.push(`  ${name.padEnd(10)} ${String(c.passed).padStart(5)} passed  ${String(c.failed).padStart(4)} failed  ${String(c.skipped).padStart(4)} skipped`)
    }
    for (const missing of this.#missing) lines.push(`  ${missing.padEnd(10)}   NOT RUN — see the warning above`)
    process.stdout.write(`${lines.join('\n')}\n`)
  }
}
