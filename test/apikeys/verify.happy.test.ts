import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys verify (happy)`, () => {
  let h: Harness
  let service: TestKey
  const verify = (body: unknown, remoteAddress?: string) => h.post('/api/apikeys/verify', { secret: service.secret, body, remoteAddress })

  beforeAll(async () => {
    // Usage is flushed and changes polled only when asked, so a query in the hot-path test would be the verification's.
    h = await Harness.start({ usageFlushIntervalMs: 3_600_000, changePollIntervalMs: 3_600_000 })
    const verifier = await h.role({ name: 'verifier', rights: ['apikeyRights.canVerifyApiKeys'] })
    service = await h.key({ role: verifier.id, name: 'billing-service' })
  })
  afterAll(() => h.close())

  it("answers VALID with who the key is and what it may do: its role's permissions and its own", async () => {
    const role = await h.role({ name: 'customers', permissions: ['invoices.read', 'reports:*'] })
    const expiry = h.clock() + 86_400_000
    const key = await h.key({
      role: role.id,
      name: 'acme',
      permissions: ['invoices.write', 'invoices.read'],
      meta: { plan: 'pro', seats: 3 },
      externalID: 'cus_123',
      expiresAt: expiry,
    })
    const res = await verify({ secretKey: key.secret })
    expectStatus(res, 200)
    expect(res.body).toEqual({
      valid: true,
      code: 'VALID',
      message: 'The API key is valid.',
      keyID: key.id,
      keyName: 'acme',
      roleID: role.id,
      permissions: ['invoices.read', 'invoices.write', 'reports:*'],
      meta: { plan: 'pro', seats: 3 },
      externalID: 'cus_123',
      expiryDate: expiry,
    })
  })

  it('checks a permission query against the effective permissions, wildcards included', async () => {
    const role = await h.role({ permissions: ['reports:*'] })
    const key = await h.key({ role: role.id, permissions: ['invoices.read'] })
    for (const permissions of ['invoices.read', 'invoices.read AND reports:daily', 'invoices.write OR (reports:x AND invoices.read)']) {
      const res = await verify({ secretKey: key.secret, permissions })
      expect(res.body, `${permissions}: ${res.text}`).toMatchObject({ valid: true, code: 'VALID' })
    }
  })

  it("answers a role's or a key's new permissions as soon as either changes (the merged list is cached per key)", async () => {
    const admin = h.keys.fullAccess.secret
    const role = await h.role({ permissions: ['reports.read'] })
    const key = await h.key({ role: role.id, permissions: ['invoices.read'] })
    const answer = async (permissions?: string) => (await verify({ secretKey: key.secret, permissions })).body
    expect(await answer()).toMatchObject({ code: 'VALID', permissions: ['invoices.read', 'reports.read'] })
    expect(await answer('reports.write')).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' })

    expectStatus(await h.post(`/api/roles/${role.id}`, { secret: admin, body: { permissions: ['reports.write'] } }), 200)
    expect(await answer()).toMatchObject({ code: 'VALID', permissions: ['invoices.read', 'reports.write'] })
    expect(await answer('reports.write')).toMatchObject({ code: 'VALID' })
    expect(await answer('reports.read')).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' })

    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: admin, body: { permissions: ['invoices.write'] } }), 200)
    expect(await answer()).toMatchObject({ code: 'VALID', permissions: ['invoices.write', 'reports.write'] })
    expect(await answer('invoices.read')).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' })
    expect(await answer('invoices.write AND reports.write')).toMatchObject({ code: 'VALID' })
  })

  it("speaks the verified key's language, whatever the caller's", async () => {
    const key = await h.key({ locale: 'ja-JP' })
    const res = await verify({ secretKey: key.secret })
    expect(res.body).toMatchObject({ valid: true, message: 'API キーは有効です。' })
  })

  it("counts as the key's use: last sign-in and the end client's address", async () => {
    const key = await h.key()
    const before = h.clock()
    expectStatus(await verify({ secretKey: key.secret, address: '203.0.113.7' }), 200)
    await h.app.context.usage.flush()
    const row = await h.row(key.id)
    expect(Number(row?.last_sign_in)).toBeGreaterThanOrEqual(before)
    expect(row?.last_sign_in_address).toBe('203.0.113.7')
  })

  it("verifies a cached key without a single SQL statement (the API's verifier and cache)", async () => {
    const role = await h.role({ permissions: ['a.b'] })
    const key = await h.key({ role: role.id })
    expectStatus(await verify({ secretKey: key.secret }), 200)
    const before = h.app.context.store.queryCount
    for (let i = 0; i < 20; i++) {
      const res = await verify({ secretKey: key.secret, permissions: 'a.b', address: '198.51.100.1' })
      expect(res.body.code).toBe('VALID')
    }
    expect(h.app.context.store.queryCount - before).toBe(0)
  })

  // The request frame of issue 12: a promise and its microtasks per verification cost as much as the verification.
  it('answers a cached key whose rate limits this process holds synchronously, without a promise', async () => {
    const key = await h.key()
    expectStatus(await verify({ secretKey: key.secret }), 200)
    const caller = h.app.context.verifier.verify(service.secret, '127.0.0.1')
    expect(caller).not.toBeInstanceOf(Promise)
    const answer = h.app.context.services.verify.verify(caller as Exclude<typeof caller, Promise<unknown>>, {
      secretKey: key.secret,
      permissions: 'x.y OR a.b',
    })
    expect(answer).not.toBeInstanceOf(Promise)
    expect(answer).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', keyID: key.id })
    expect(h.app.context.services.verify.verify(caller as Exclude<typeof caller, Promise<unknown>>, { secretKey: key.secret })).toMatchObject({
      code: 'VALID',
      keyID: key.id,
    })
  })

  it('is documented in the OpenAPI document with its right', async () => {
    const res = await h.get('/api/openapi.json', { apiVersion: null })
    const operation = res.body.paths['/apikeys/verify'].post
    expect(operation.operationId).toBe('verifyApiKey')
    expect(operation.description).toContain('Needs `canVerifyApiKeys`')
    expect(operation.requestBody.content['application/json'].schema.properties).toHaveProperty('permissions')
  })
})
