import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditSince, lastAuditId } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { testEngine } from '../helpers/test-database.js'
import { enrolMfa, totpCode } from '../helpers/totp-code.js'

/**
 * Issue 9, finding 2: a lock-out must not tell a guesser that a password is right, and the
 * current-password checks behind a session must be counted and audited like a sign-in.
 */
describe(`${testEngine()}: lock-out is not an oracle`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ lockoutThreshold: 2 })
  })
  afterAll(() => h.close())

  const attempt = (username: string, password: string) => h.post('/api/session', { body: { username, password } })
  const answer = (res: { status: number; body: unknown }) => JSON.stringify([res.status, res.body])

  it('answers a locked-out administrator the same for the right and a wrong password', async () => {
    const admin = await quickAdministrator(h)
    for (let i = 0; i < 2; i++) expectStatus(await attempt(admin.username, `Wrong-${i}-passw0rd`), 401)
    const right = await attempt(admin.username, QUICK_PASSWORD)
    const wrong = await attempt(admin.username, 'Wrong-again-passw0rd')
    expect(right.body.code).toBe('auth.administrator_locked')
    expect(answer(right)).toBe(answer(wrong))
    expect(right.headers['set-cookie']).toBeUndefined()
  })

  it('answers an unknown username locked out the same way: the lock-out does not tell who exists', async () => {
    for (let i = 0; i < 2; i++) expectStatus(await attempt('nobody-at-all', `Wrong-${i}-passw0rd`), 401)
    expect((await attempt('nobody-at-all', 'Wrong-passw0rd')).body.code).toBe('auth.administrator_locked')
  })

  it('answers an administrator locked by hand the same for the right and a wrong password', async () => {
    const admin = await quickAdministrator(h, { active: false })
    expect(answer(await attempt(admin.username, QUICK_PASSWORD))).toBe(answer(await attempt(admin.username, 'Wrong-passw0rd')))
  })

  it('counts, audits and locks out wrong current passwords on /administrators/current', async () => {
    const admin = await quickAdministrator(h)
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    const mark = await lastAuditId(h)
    const change = (currentPassword: string) => h.post('/api/administrators/current', { session, body: { password: 'New-passw0rd-9', currentPassword } })
    for (let i = 0; i < 2; i++) expect((await change(`Wrong-${i}-passw0rd`)).body.code).toBe('administrator.current_password_invalid')
    expect((await administratorRow(h, admin.id))?.unsuccessful_sign_in_attempts).toBe(2)
    expect(await auditSince(h, mark)).toMatchObject([
      { action: 'session.sign_in_failed', actorType: 'administrator', actorID: admin.id, resourceID: admin.id, resourceName: admin.username },
      { action: 'session.sign_in_failed', actorType: 'administrator', actorID: admin.id, resourceID: admin.id },
    ])
    // Locked out now: the right password is refused like a wrong one, with Retry-After.
    const right = await change(QUICK_PASSWORD)
    const wrong = await change('Wrong-passw0rd')
    expectStatus(right, 429)
    expect(right.body.code).toBe('request.too_many_failures')
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0)
    expect([right.status, right.body.code]).toEqual([wrong.status, wrong.body.code])
  })

  it('counts, audits and locks out wrong passwords and codes when turning the second factor off', async () => {
    const admin = await quickAdministrator(h)
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    const secret = await enrolMfa(h, session, QUICK_PASSWORD)
    const mark = await lastAuditId(h)
    const off = async (password: string, code: string) => h.post('/api/administrators/current/mfa/deactivation', { session, body: { password, code } })
    expect((await off('Wrong-passw0rd', '000000')).body.code).toBe('administrator.current_password_invalid')
    expect((await off(QUICK_PASSWORD, '000000')).body.code).toBe('administrator.current_mfa_invalid')
    expect(await auditSince(h, mark)).toHaveLength(2)
    expectStatus(await off(QUICK_PASSWORD, await totpCode(h, secret)), 429)
    expect((await administratorRow(h, admin.id))?.mfa_type).toBe('local-totp')
  })
})
