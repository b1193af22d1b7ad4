import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditText } from '../helpers/audit-log.js'
import { expectStatus, HARNESS_ADMIN_PASSWORD, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Issue 9, finding 8: a secret or password typed into the wrong field must not end up in the
 * audit log, which Auditor reads. The rule: a failed sign-in's username is recorded only when
 * it names an administrator (otherwise it may be a password); anything shaped like a Keyward
 * secret is masked in every field of every entry.
 */
describe(`${testEngine()}: nothing secret-shaped is stored in the audit log`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('does not store a password or a secret typed as the username of a failed sign-in', async () => {
    for (const username of [HARNESS_ADMIN_PASSWORD, h.keys.fullAccess.secret, 'My-other-passw0rd!']) {
      expectStatus(await h.post('/api/session', { body: { username, password: 'whatever-1' } }), 401)
    }
    const text = await auditText(h)
    for (const value of [HARNESS_ADMIN_PASSWORD, h.keys.fullAccess.secret, 'My-other-passw0rd!']) expect(text).not.toContain(value)
    expect(text).toContain('(unknown username)')
  })

  it('masks a secret pasted into a name or description, in every field of the entry', async () => {
    const secret = h.keys.auditor.secret
    const created = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: `oops ${secret}`, description: `pasted ${secret} here`, roleID: 2 },
    })
    expectStatus(created, 200)
    expectStatus(await h.post(`/api/roles`, { secret: h.keys.fullAccess.secret, body: { name: `role ${secret}`, description: secret } }), 200)
    const text = await auditText(h)
    expect(text).not.toContain(secret)
    expect(text).toContain('kw_[redacted]')
  })
})
