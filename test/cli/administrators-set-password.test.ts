import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliInProcess } from '../helpers/cli.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

// Issue 13: the recovery when the shown-once first password (or any password) is lost.
describe(`${testEngine()}: keyward administrators set-password`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const setPassword = (username: string, input: string) =>
    runCliInProcess(['administrators', 'set-password', username, '--database-url', h.database.url], { input })

  it('sets the password read from standard input; the administrator signs in with it and its sessions end', async () => {
    const old = await h.signInAsAdmin()
    const result = await setPassword('admin', 'Recovered-2026\n')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Set a new password for administrator "admin".')
    expect(result.stdout + result.stderr).not.toContain('Recovered-2026')
    await h.signIn('admin', 'Recovered-2026')
    expectStatus(await h.get('/api/apikeys', { session: old }), 401)
  })

  it('applies the password policy and names the rule', async () => {
    const before = await h.snapshot()
    const result = await setPassword('admin', 'a\n')
    expect(result.code).toBe(7)
    expect(result.stderr).toContain('at least 8 characters')
    expect(await h.snapshot()).toEqual(before)
    expect((await setPassword('nobody', 'Recovered-2026\n')).stderr).toContain('no administrator "nobody"')
  })
})
