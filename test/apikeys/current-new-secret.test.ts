import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret, parseSecret } from '../../src/auth/secret-format.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys current new secret`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, { method: 'POST', url: () => '/api/apikeys/current/secretkey' })

  it('gives the key a new secret, shown once; the old one gets 401 at once, the new one works', async () => {
    const key = await h.key({ name: 'me-renewed', role: 2, timeZone: 'Europe/Paris' })
    const before = await h.row(key.id)
    const res = await h.post('/api/apikeys/current/secretkey', { secret: key.secret })
    expectStatus(res, 200)
    const { secretKey, ...rest } = res.body
    expect(parseSecret(secretKey)).toBe(key.id)
    expect(secretKey).not.toBe(key.secret)
    expect(rest).toMatchObject({ ID: key.id, keyName: 'me-renewed', roleID: 2, timeZone: 'Europe/Paris', active: true })
    // Everything but the hash (and the sign-in bookkeeping of this very request) stays.
    const { last_sign_in: _a, last_sign_in_address: _b, ...settings } = before!
    expect(await h.row(key.id)).toMatchObject({ ...settings, secret_hash: hashSecret(secretKey) })

    const old = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(old, 401)
    expect(old.body.code).toBe('auth.secret_invalid')
    const fresh = await h.get('/api/apikeys/current', { secret: secretKey })
    expectStatus(fresh, 200)
    expect(fresh.body.ID).toBe(key.id)
    expect(fresh.body).not.toHaveProperty('secretKey')
  })

  it.each([
    ['Full Access', async (_h: Harness) => 1],
    ['the Auditor', async (_h: Harness) => 2],
    ['a custom role with no rights at all', async (h: Harness) => (await h.role({ rights: [] })).id],
  ])('lets a key of %s replace its own secret', async (_name, roleOf) => {
    const key = await h.key({ role: await roleOf(h) })
    const res = await h.post('/api/apikeys/current/secretkey', { secret: key.secret })
    expectStatus(res, 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: res.body.secretKey }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 401)
  })

  it('accepts an empty body with Content-Type application/json, and an arbitrary JSON body it ignores', async () => {
    const key = await h.key({ name: 'me-renewed-bodies', role: 2 })
    const first = await h.post('/api/apikeys/current/secretkey', { secret: key.secret, headers: { 'content-type': 'application/json' } })
    expectStatus(first, 200)
    const second = await h.post('/api/apikeys/current/secretkey', { secret: first.body.secretKey, body: { roleID: 1, keyName: 'ignored' } })
    expectStatus(second, 200)
    expect(await h.row(key.id)).toMatchObject({ role_id: 2, key_name: 'me-renewed-bodies' })
    expectStatus(await h.get('/api/apikeys/current', { secret: second.body.secretKey }), 200)
  })

  it('touches no other key', async () => {
    const key = await h.key({ name: 'me-alone' })
    const others = (await h.snapshot()).keys.filter((row) => row.id !== key.id)
    expectStatus(await h.post('/api/apikeys/current/secretkey', { secret: key.secret }), 200)
    expect((await h.snapshot()).keys.filter((row) => row.id !== key.id)).toEqual(others)
  })
})
