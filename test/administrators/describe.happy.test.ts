import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators describe (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('describes an administrator by ID, with every shown property and never a password', async () => {
    const res = await h.get('/api/administrators/1', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body).toEqual({
      ID: 1,
      username: 'admin',
      fullName: 'Administrator',
      description: 'Created on first start.',
      roleID: 1,
      locale: 'en-US',
      timeZone: 'UTC',
      timeFormat: '24',
      emailAddress: '',
      active: true,
      passwordNeverExpires: false,
      mfaType: 'none',
      created: expect.any(Number),
      lastPasswordChange: expect.any(Number),
      unsuccessfulSignInAttempts: 0,
    })
  })

  it('shows the failure count; failed sign-ins lock out an address, never the account (active stays true, no unlockTime)', async () => {
    const admin = await quickAdministrator(h)
    for (let i = 0; i < 5; i++) expectStatus(await h.post('/api/session', { body: { username: admin.username, password: `wrong-${i}-passw0rd` } }), 401)
    const res = await h.get(`/api/administrators/${admin.id}`, { secret: h.keys.auditor.secret })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: admin.id, active: true, unsuccessfulSignInAttempts: 5 })
    expect(res.body).not.toHaveProperty('unlockTime')
  })
})
