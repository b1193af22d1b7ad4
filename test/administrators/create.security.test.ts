import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators create (security)`, () => {
  let h: Harness
  let counter = 0
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/administrators',
    body: () => ({ username: `security-${++counter}`, password: 'Security-passw0rd', roleID: 2 }),
    right: 'administratorRights.canCreateNewAdministrators',
    deniedMessage: 'Not authorized to create administrators.',
  })

  it('lets a role holding only canCreateNewAdministrators create one', async () => {
    const creator = await h.key({ role: (await h.role({ rights: ['administratorRights.canCreateNewAdministrators'] })).id })
    const res = await h.post('/api/administrators', { secret: creator.secret, body: { username: 'by-creator', password: 'Creator-passw0rd', roleID: 2 } })
    expectStatus(res, 200)
    expect((await administratorRow(h, res.body.ID))?.username).toBe('by-creator')
  })

  it('refuses a console session without its CSRF token (403)', async () => {
    const session = await h.signInAsAdmin()
    await expectRefusal(
      h,
      () => h.post('/api/administrators', { session, csrf: false, body: { username: 'no-csrf', password: 'NoCsrf-passw0rd', roleID: 2 } }),
      403,
      'auth.csrf_invalid',
    )
  })

  it('checks the right before the body: a caller without it learns nothing about usernames or the policy', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/administrators', { secret: h.keys.auditor.secret, body: { username: 'admin', password: 'x1', roleID: 2 } }),
      403,
      'administrator.create_denied',
    )
  })

  it('writes no password to the log, whether accepted or refused by the policy', async () => {
    const from = h.logs.length
    const passwords = ['Logged-passw0rd-ok', 'shortpw', 'lettersonlypassword']
    for (const [i, password] of passwords.entries())
      await h.post('/api/administrators', { secret: h.keys.fullAccess.secret, body: { username: `logged-${i}`, password, roleID: 2 } })
    const lines = h.logs.slice(from)
    expect(lines.length).toBeGreaterThan(0)
    for (const password of passwords) expect(lines.filter((line) => line.includes(password))).toEqual([])
  })
})
