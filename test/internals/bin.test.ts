import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../../src/app.js'
import { BIN, CLI_TEST_OPTIONS } from '../helpers/cli.js'

// The CLI tests start a bundle of the sources (test/helpers/cli.ts); this one starts the
// command itself, which in a checkout runs the TypeScript sources through tsx.
describe('bin/keyward.js in a checkout', CLI_TEST_OPTIONS, () => {
  it('runs the sources', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--version'])
    expect(stdout.trim()).toBe(VERSION)
  })
})
