import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys current describe`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, { method: 'GET', url: () => '/api/apikeys/current' })

  it('describes the key that authenticates the request, with its role URN and no secret', async () => {
    const expiry = h.clock() + 86_400_000
    const key = await h.key({ name: 'me', role: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo', expiresAt: expiry })
    const res = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({
      ID: key.id,
      keyName: 'me',
      description: '',
      roleID: 2,
      roleURN: 'urn:keyward:identity::0:role/Auditor',
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      active: true,
      expiryDate: expiry,
      created: key.record.created,
      unsuccessfulSignInAttempts: 0,
      serviceAccount: false,
    })
    expect(res.body).not.toHaveProperty('secretKey')
    expect(res.text).not.toContain(key.secret)
    expect(res.text).not.toContain((await h.row(key.id))!.secret_hash)
  })

  it.each([
    ['Full Access', async (_h: Harness) => ({ id: 1, name: 'Full Access' })],
    ['the Auditor', async (_h: Harness) => ({ id: 2, name: 'Auditor' })],
    ['a custom role with no rights at all', async (h: Harness) => h.role({ name: 'no-rights-at-all', rights: [] })],
  ])('lets a key of %s describe itself', async (_name, roleOf) => {
    const role = await roleOf(h)
    const key = await h.key({ role: role.id })
    const res = await h.get('/api/apikeys/current', { secret: key.secret, scheme: 'ApiKey' })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: key.id, roleID: role.id, roleURN: `urn:keyward:identity::0:role/${role.name}` })
  })

  it('accepts every way of sending the secret', async () => {
    const key = await h.key({ name: 'me-every-scheme' })
    for (const scheme of ['api-secret-key', 'ApiKey', 'Bearer'] as const) {
      const res = await h.get('/api/apikeys/current', { secret: key.secret, scheme })
      expectStatus(res, 200)
      expect(res.body.ID, scheme).toBe(key.id)
    }
  })

  it('shows a change an administrator made to the key at once', async () => {
    const key = await h.key({ name: 'me-before' })
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { keyName: 'me-after', roleID: 2 } }), 200)
    const res = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ keyName: 'me-after', roleID: 2, roleURN: 'urn:keyward:identity::0:role/Auditor' })
  })

  it('changes nothing but the sign-in bookkeeping', async () => {
    const key = await h.key({ name: 'me-read-only' })
    const before = await h.snapshot()
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    await h.app.context.usage.flush()
    expect(await h.snapshot()).toEqual(before)
    expect((await h.row(key.id))?.last_sign_in).toBeGreaterThanOrEqual(key.record.created)
  })
})
