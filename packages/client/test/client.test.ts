import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '../../../test/helpers/test-database.js'
import { Keyward, KeywardError, UNREACHABLE, type DescribeApiKeyResponse } from '../src/index.js'
import { startKeyward, type KeywardOnLoopback } from './helpers/keyward-on-loopback.js'

describe(`${testEngine()}: keyward-client against a real Keyward`, () => {
  let kw: KeywardOnLoopback
  let keyward: Keyward
  beforeAll(async () => {
    kw = await startKeyward()
    // Without the stream: its first connection empties the cache, which this file does not wait for.
    keyward = new Keyward({ baseUrl: kw.baseUrl, secretKey: kw.h.keys.fullAccess.secret, stream: false })
  })
  afterAll(() => kw.close())

  it('calls the API with typed methods and typed answers', async () => {
    const created = await keyward.createApiKey({ keyName: 'client-made', roleID: 2, permissions: ['invoices.read'], meta: { plan: 'pro' } })
    expect(created.secretKey).toMatch(/^kw_\d+_/)
    const id = created.ID!
    const described: DescribeApiKeyResponse = await keyward.modifyApiKey(id, { description: 'by the client' })
    expect(described.description).toBe('by the client')
    const found = await keyward.searchApiKeys({ searchCriteria: [{ fieldName: 'keyName', stringValue: 'client-%' }] })
    expect(found.apiKeys.map((key) => key.ID)).toEqual([id])
    expect((await keyward.listAdministratorRoles()).roles.length).toBeGreaterThanOrEqual(2)
    await keyward.deleteApiKey(id)
    const audit = await keyward.listAuditEvents()
    expect(audit.auditEvents.some((event) => event.action === 'apikey.delete')).toBe(true)
  })

  it("throws KeywardError with Keyward's status, code and message", async () => {
    const refusal = await keyward.describeApiKey(999_999).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(KeywardError)
    expect(refusal).toMatchObject({ status: 404, code: 'apikey.not_found' })
    const stranger = new Keyward({ baseUrl: kw.baseUrl, secretKey: 'kw_1_nottherightsecret' })
    await expect(stranger.describeCurrentApiKey()).rejects.toMatchObject({ status: 401 })
    const nowhere = new Keyward({ baseUrl: 'http://127.0.0.1:1', secretKey: kw.h.keys.fullAccess.secret })
    await expect(nowhere.describeCurrentApiKey()).rejects.toMatchObject({ status: 503, code: UNREACHABLE })
  })

  it('verifies, and answers a repeated positive verification from its cache without a round trip', async () => {
    const customer = await kw.h.key({ role: 2, permissions: ['invoices.read'], meta: { plan: 'pro' }, externalID: 'cus_1' })
    const first = await keyward.verify(customer.secret, { permissions: 'invoices.read' })
    expect(first).toMatchObject({ valid: true, code: 'VALID', keyID: customer.id, meta: { plan: 'pro' }, externalID: 'cus_1' })
    const before = kw.requests()
    expect(await keyward.verify(customer.secret, { permissions: 'invoices.read' })).toEqual(first)
    expect(kw.requests(), 'a cached answer costs no request').toBe(before)
    // Another query is another question: Keyward answers it.
    expect(await keyward.verify(customer.secret, { permissions: 'invoices.write' })).toMatchObject({ valid: false, code: 'INSUFFICIENT_PERMISSIONS' })
    expect(kw.requests()).toBe(before + 1)
  })

  it('keeps at most cache.maxEntries answers, dropping the least recently used first', async () => {
    const small = new Keyward({ baseUrl: kw.baseUrl, secretKey: kw.h.keys.fullAccess.secret, stream: false, cache: { maxEntries: 2 } })
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => kw.h.key({ role: 2 })))
    const before = kw.requests()
    for (const key of [a, b, a, c]) expect(await small.verify(key!.secret)).toMatchObject({ valid: true, keyID: key!.id })
    expect(kw.requests(), 'a, b and c asked once each; a again from the cache').toBe(before + 3)
    await small.verify(a!.secret)
    expect(kw.requests(), 'a, used after b, outlived it').toBe(before + 3)
    await small.verify(b!.secret)
    expect(kw.requests(), 'b, least recently used, was dropped for c').toBe(before + 4)
  })

  it('never caches a refusal, nor the answer for a key with rate limits or credits', async () => {
    const limited = await kw.h.key({ role: 2 })
    await keyward.modifyApiKey(limited.id, { credits: { remaining: 2 } })
    const before = kw.requests()
    expect(await keyward.verify(limited.secret)).toMatchObject({ valid: true, credits: { remaining: 1 } })
    expect(await keyward.verify(limited.secret)).toMatchObject({ valid: true, credits: { remaining: 0 } })
    expect(await keyward.verify(limited.secret)).toMatchObject({ valid: false, code: 'USAGE_EXCEEDED' })
    expect(await keyward.verify(`${limited.secret.slice(0, -8)}AAAAAAAA`)).toMatchObject({ valid: false, code: 'NOT_FOUND' })
    expect(await keyward.verify(`${limited.secret.slice(0, -8)}AAAAAAAA`)).toMatchObject({ valid: false })
    expect(kw.requests()).toBe(before + 5)
  })
})
