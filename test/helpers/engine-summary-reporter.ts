import type { Reporter, SerializedError, TestModule } from 'vitest/node'

interface ProjectCount {
  passed: number
  failed: number
  skipped: number
  /** Failures outside any test: a beforeAll/afterAll hook, or a file that did not load. */
  errors: number
}

/**
 * The summary's lines for a finished run: per project, its tests and the errors outside tests
 * (a failed afterAll fails the run while every test passed, so it must show), then the run's
 * unhandled errors and a last line that agrees with vitest's exit code.
 */
export function summariseRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  missing: readonly string[] = [],
): string[] {
  const counts = new Map<string, ProjectCount>()
  for (const module of testModules) {
    const name = module.project.name || 'default'
    const count = counts.get(name) ?? { passed: 0, failed: 0, skipped: 0, errors: 0 }
    for (const test of module.children.allTests()) {
      const state = test.result().state
      if (state === 'passed') count.passed++
      else if (state === 'failed') count.failed++
      else count.skipped++
    }
    count.errors += module.errors().length
    for (const suite of module.children.allSuites()) count.errors += suite.errors().length
    counts.set(name, count)
  }
  const lines = ['', 'Tests by project:']
  for (const [name, c] of [...counts].sort()) {
    lines.push(
      `  ${name.padEnd(10)} ${String(c.passed).padStart(5)} passed  ${String(c.failed).padStart(4)} failed  ${String(c.skipped).padStart(4)} skipped` +
        (c.errors ? `  ${c.errors} error(s) outside tests (hooks or loading)` : ''),
    )
  }
  for (const missingName of missing) lines.push(`  ${missingName.padEnd(10)}   NOT RUN — see the warning above`)
  if (unhandledErrors.length) lines.push(`  ${unhandledErrors.length} unhandled error(s) — see above`)
  const failed = unhandledErrors.length > 0 || [...counts.values()].some((c) => c.failed > 0 || c.errors > 0)
  lines.push(failed ? 'Run FAILED' : 'Run passed')
  return lines
}

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

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    process.stdout.write(`${summariseRun(testModules, unhandledErrors, this.#missing).join('\n')}\n`)
  }
}
