import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators list (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('lists every administrator by ID, wrapped in "administrators", never with a password or its hash', async () => {
    const first = await quickAdministrator(h, { role: 2, username: 'list-one' })
    const second = await quickAdministrator(h, { role: 1, username: 'list-two', active: false })
    const res = await h.get('/api/administrators', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(Object.keys(res.body)).toEqual(['administrators'])
    expect(res.body.administrators.map((a: any) => [a.ID, a.username, a.roleID, a.active])).toEqual([
      [1, 'admin', 1, true],
      [first.id, 'list-one', 2, true],
      [second.id, 'list-two', 1, false],
    ])
    expect(res.text).not.toMatch(/password"|passwordHash|password_hash|scrypt\$|totp/i)
    expect(res.body.administrators[0]).toMatchObject({
      fullName: 'Administrator',
      description: 'Created on first start.',
      mfaType: 'none',
      locale: 'en-US',
      timeZone: 'UTC',
    })
  })

  it('shows lastSignIn after a sign-in, and unsuccessfulSignInAttempts after a failure', async () => {
    const admin = await quickAdministrator(h, { username: 'list-signed-in' })
    expectStatus(await h.post('/api/session', { body: { username: admin.username, password: 'wrong-passw0rd' } }), 401)
    const failed = (await h.get('/api/administrators', { secret: h.keys.fullAccess.secret })).body.administrators.find((a: any) => a.ID === admin.id)
    expect(failed).toMatchObject({ unsuccessfulSignInAttempts: 1 })
    expect(failed).not.toHaveProperty('lastSignIn')
    await h.signIn(admin.username, admin.password)
    const signedIn = (await h.get('/api/administrators', { secret: h.keys.fullAccess.secret })).body.administrators.find((a: any) => a.ID === admin.id)
    expect(signedIn).toMatchObject({ unsuccessfulSignInAttempts: 0, lastSignIn: expect.any(Number) })
  })
})
