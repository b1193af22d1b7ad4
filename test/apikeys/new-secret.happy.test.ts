import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret, parseSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys new secret (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const newSecret = async (key: TestKey, options: { body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await h.post(`/api/apikeys/${key.id}/secretkey`, { secret: h.keys.fullAccess.secret, ...options })
    expectStatus(res, 200)
    return res
  }

  it('returns the key with a new secret, shown this once; ID and settings stay', async () => {
    const key = await h.key({ name: 'renewed', role: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo', expiresAt: h.clock() + 86_400_000 })
    const before = await h.row(key.id)
    const described = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })

    const res = await newSecret(key)
    const { secretKey, ...rest } = res.body
    expect(secretKey).toMatch(new RegExp(`^kw_${key.id}_[0-9A-Za-z]{49}$`))
    expect(secretKey).not.toBe(key.secret)
    expect(parseSecret(secretKey)).toBe(key.id)
    expect(rest).toEqual(described.body)

    const after = await h.row(key.id)
    expect(after?.secret_hash).toBe(hashSecret(secretKey))
    expect(after).toEqual({ ...before, secret_hash: hashSecret(secretKey) })

    const again = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expect(again.body).not.toHaveProperty('secretKey')
    expect(again.text).not.toContain(secretKey)
  })

  it('stops the old secret at once, even when it was just used (cached), and the new one works', async () => {
    const key = await h.key({ name: 'renewed-cached' })
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    const res = await newSecret(key)
    const old = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(old, 401)
    expect(old.body.code).toBe('auth.secret_invalid')
    const fresh = await h.get('/api/apikeys/current', { secret: res.body.secretKey })
    expectStatus(fresh, 200)
    expect(fresh.body.ID).toBe(key.id)
  })

  it('gives a different secret every time; only the latest works', async () => {
    const key = await h.key({ name: 'renewed-twice' })
    const first = (await newSecret(key)).body.secretKey
    const second = (await newSecret(key)).body.secretKey
    expect(second).not.toBe(first)
    expectStatus(await h.get('/api/apikeys/current', { secret: first }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: second }), 200)
  })

  it('accepts an empty body sent with Content-Type application/json, as generated SDKs send it', async () => {
    const key = await h.key({ name: 'renewed-empty-json' })
    const res = await newSecret(key, { headers: { 'content-type': 'application/json' } })
    expectStatus(await h.get('/api/apikeys/current', { secret: res.body.secretKey }), 200)
  })

  it('accepts and ignores an arbitrary JSON body', async () => {
    const key = await h.key({ name: 'renewed-with-body', role: 2 })
    const res = await newSecret(key, { body: { keyName: 'not-applied', roleID: 1, anything: [1, 2, { nested: true }] } })
    expect(res.body).toMatchObject({ keyName: 'renewed-with-body', roleID: 2 })
    expect(await h.row(key.id)).toMatchObject({ key_name: 'renewed-with-body', role_id: 2 })
    const empty = await newSecret(key, { body: {} })
    expectStatus(await h.get('/api/apikeys/current', { secret: empty.body.secretKey }), 200)
  })

  it('keeps a locked key locked: the new secret gets 401 auth.key_locked', async () => {
    const key = await h.key({ name: 'renewed-locked', locked: true })
    const res = await newSecret(key)
    expect(res.body.active).toBe(false)
    const denied = await h.get('/api/apikeys/current', { secret: res.body.secretKey })
    expectStatus(denied, 401)
    expect(denied.body.code).toBe('auth.key_locked')
  })

  it('keeps an expired key expired', async () => {
    const key = await h.key({ name: 'renewed-expired', expiresAt: h.clock() + 1000 })
    h.clock.advance(1500)
    const res = await newSecret(key)
    expect(res.body.expiryDate).toBe(key.record.expiryDate)
    const denied = await h.get('/api/apikeys/current', { secret: res.body.secretKey })
    expectStatus(denied, 401)
    expect(denied.body.code).toBe('auth.key_expired')
  })

  it('lets a key replace its own secret through /apikeys/{id}/secretkey', async () => {
    const key = await h.key({ name: 'renews-itself', role: 1 })
    const res = await h.post(`/api/apikeys/${key.id}/secretkey`, { secret: key.secret })
    expectStatus(res, 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: res.body.secretKey }), 200)
  })
})
