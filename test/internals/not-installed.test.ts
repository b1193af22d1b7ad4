import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

// `npm start` straight after a clone: bin/keyward.js runs before any package is installed.
const checkout = mkdtempSync(join(tmpdir(), 'keyward-clone-'))
afterAll(() => rmSync(checkout, { recursive: true, force: true }))

async function runBin(): Promise<{ code: number; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, [join(checkout, 'bin', 'keyward.js'), 'serve'], { timeout: 30_000 })
    return { code: 0, stderr: '' }
  } catch (error) {
    const e = error as { code?: number; stderr?: string }
    return { code: e.code ?? 1, stderr: e.stderr ?? '' }
  }
}

describe('keyward before npm install', () => {
  it('says to run npm install, without a stack trace', async () => {
    mkdirSync(join(checkout, 'bin'))
    mkdirSync(join(checkout, 'src'))
    copyFileSync(resolve(import.meta.dirname, '../../bin/keyward.js'), join(checkout, 'bin', 'keyward.js'))
    writeFileSync(join(checkout, 'src', 'main.ts'), '')
    writeFileSync(join(checkout, 'package.json'), '{"type": "module"}')
    const { code, stderr } = await runBin()
    expect(code, stderr).toBe(1)
    expect(stderr).toContain('Run `npm install`')
    expect(stderr).toContain(checkout)
    expect(stderr, stderr).not.toMatch(/\n\s+at /)
  })
})
