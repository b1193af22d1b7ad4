import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { VerifyService } from '../../src/verify/service.js'
import type { LimitsHook } from '../../src/verify/limits-hook.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys verify (every verdict, bad requests)`, () => {
  let h: Harness
  let service: TestKey
  const verify = (body: unknown) => h.post('/api/apikeys/verify', { secret: service.secret, body })
  const KEY_FIELDS = ['keyID', 'keyName', 'roleID', 'permissions', 'meta', 'externalID', 'expiryDate']

  beforeAll(async () => {
    h = await Harness.start()
    const verifier = await h.role({ name: 'verifier', rights: ['apikeyRights.canVerifyApiKeys'] })
    service = await h.key({ role: verifier.id, name: 'billing-service' })
  })
  afterAll(() => h.close())

  it('NOT_FOUND for an unknown key, a wrong secret and a malformed one alike, with nothing about the key', async () => {
    const key = await h.key()
    const wrong = createSecret(key.id)
    for (const secretKey of [createSecret(999_999), wrong, 'not-a-secret']) {
      const res = await verify({ secretKey })
      expectStatus(res, 200)
      expect(res.body).toEqual({ valid: false, code: 'NOT_FOUND', message: 'The API key does not exist or the secret key is wrong.' })
    }
  })

  it('LOCKED for a locked-out key, with the key', async () => {
    const key = await h.key({ locked: true, externalID: 'locked-owner' })
    const res = await verify({ secretKey: key.secret })
    expect(res.body).toMatchObject({ valid: false, code: 'LOCKED', keyID: key.id, externalID: 'locked-owner' })
  })

  it('EXPIRED for a key past its expiry (the injected clock moves, nothing sleeps)', async () => {
    const key = await h.key({ expiresAt: h.clock() + 60_000 })
    expect((await verify({ secretKey: key.secret })).body.code).toBe('VALID')
    h.clock.advance(61_000)
    const res = await verify({ secretKey: key.secret })
    expect(res.body).toMatchObject({ valid: false, code: 'EXPIRED', keyID: key.id, expiryDate: key.record.expiryDate })
  })

  it('DISABLED_ROLE for a key whose role does not allow web services', async () => {
    const role = await h.role({ allowWebService: false, permissions: ['x.y'] })
    const key = await h.key({ role: role.id })
    const res = await verify({ secretKey: key.secret })
    expect(res.body).toMatchObject({ valid: false, code: 'DISABLED_ROLE', keyID: key.id, roleID: role.id, permissions: ['x.y'] })
  })

  it('IP_NOT_ALLOWED for an address outside the allow-list, and without an address', async () => {
    const key = await h.key({ ipAllowList: ['192.0.2.0/24'] })
    expect((await verify({ secretKey: key.secret, address: '192.0.2.9' })).body.code).toBe('VALID')
    for (const body of [{ secretKey: key.secret, address: '198.51.100.1' }, { secretKey: key.secret }]) {
      expect((await verify(body)).body).toMatchObject({ valid: false, code: 'IP_NOT_ALLOWED', keyID: key.id })
    }
  })

  it('INSUFFICIENT_PERMISSIONS when the query is not satisfied, with the permissions the key has', async () => {
    const key = await h.key({ permissions: ['invoices.read'] })
    const res = await verify({ secretKey: key.secret, permissions: 'invoices.read AND invoices.write' })
    expect(res.body).toMatchObject({ valid: false, code: 'INSUFFICIENT_PERMISSIONS', permissions: ['invoices.read'] })
  })

  it('RATE_LIMITED for a wrong secret from an end-client address that failed too often; a right one still passes', async () => {
    const strict = await Harness.start({ authFailuresPerMinute: 3 })
    try {
      const role = await strict.role({ rights: ['apikeyRights.canVerifyApiKeys'] })
      const caller = await strict.key({ role: role.id })
      const good = await strict.key()
      const send = (secretKey: string) => strict.post('/api/apikeys/verify', { secret: caller.secret, body: { secretKey, address: '203.0.113.9' } })
      for (let i = 0; i < 3; i++) expect((await send(createSecret(424_242))).body.code).toBe('NOT_FOUND')
      const res = await send(createSecret(424_242))
      expectStatus(res, 200)
      expect(res.body).toEqual({
        valid: false,
        code: 'RATE_LIMITED',
        message: expect.stringContaining('Too many failed authentications'),
        retryAfter: expect.any(Number),
      })
      expect((await send(good.secret)).body.code).toBe('VALID')
      strict.clock.advance(61_000)
      expect((await send(createSecret(424_242))).body.code).toBe('NOT_FOUND')
    } finally {
      await strict.close()
    }
  })

  it('RATE_LIMITED and USAGE_EXCEEDED come from the limits hook, asked last, with the cost and limits named', async () => {
    const asked: unknown[] = []
    const limits: LimitsHook = {
      consume: (request) => {
        asked.push({ key: request.key.id, cost: request.cost, rateLimits: request.rateLimits })
        return request.cost > 5 ? { code: 'USAGE_EXCEEDED' } : request.cost > 1 ? { code: 'RATE_LIMITED', fields: { retryAfter: 7 } } : {}
      },
    }
    const context = h.app.context
    const verifyService = new VerifyService({ verifier: context.verifier, roles: context.roleDirectory, throttle: context.throttle, limits, clock: h.clock })
    const principal = await context.systemPrincipal()
    const key = await h.key({ permissions: ['p'] })
    expect(await verifyService.verify(principal, { secretKey: key.secret })).toMatchObject({ valid: true, code: 'VALID' })
    expect(await verifyService.verify(principal, { secretKey: key.secret, cost: 2, rateLimits: ['per-minute'] })).toMatchObject({
      valid: false,
      code: 'RATE_LIMITED',
      retryAfter: 7,
      keyID: key.id,
    })
    expect(await verifyService.verify(principal, { secretKey: key.secret, cost: 9 })).toMatchObject({
      valid: false,
      code: 'USAGE_EXCEEDED',
      message: 'The API key has used up its credits.',
    })
    // Refused earlier: the hook is not asked, so nothing is consumed.
    await verifyService.verify(principal, { secretKey: key.secret, permissions: 'q' })
    await verifyService.verify(principal, { secretKey: createSecret(key.id) })
    expect(asked).toEqual([
      { key: key.id, cost: 1, rateLimits: undefined },
      { key: key.id, cost: 2, rateLimits: ['per-minute'] },
      { key: key.id, cost: 9, rateLimits: undefined },
    ])
  })

  it("gives the key's fields only when the secret is right", async () => {
    const key = await h.key({ locked: true })
    const found = await verify({ secretKey: key.secret })
    for (const field of ['keyID', 'keyName', 'roleID', 'permissions']) expect(found.body).toHaveProperty(field)
    const notFound = await verify({ secretKey: createSecret(key.id) })
    for (const field of KEY_FIELDS) expect(notFound.body).not.toHaveProperty(field)
  })

  it.each([
    ['', 'permission.query_incomplete', "The field 'permissions' is not a valid permission query: it ends where a permission or ')' is expected."],
    ['a AND', 'permission.query_incomplete', undefined],
    ['(a OR b', 'permission.query_incomplete', undefined],
    [
      'a b',
      'permission.query_unexpected',
      "The field 'permissions' is not a valid permission query: unexpected 'b' at character 3. Write permissions joined by AND and OR, with parentheses.",
    ],
    ['a AND OR b', 'permission.query_unexpected', undefined],
    ['a)', 'permission.query_unexpected', undefined],
    ['in voices!', 'permission.query_unexpected', undefined],
    ['a and b', 'permission.query_unexpected', undefined],
    [`${'('.repeat(11)}a${')'.repeat(11)}`, 'permission.query_too_complex', undefined],
    [Array.from({ length: 101 }, (_, i) => `p${i}`).join(' OR '), 'permission.query_too_complex', undefined],
  ])('refuses the query %j with 400 naming the problem (%s)', async (permissions, code, message) => {
    const key = await h.key()
    await expectRefusal(h, () => verify({ secretKey: key.secret, permissions }), 400, code, message)
  })

  it.each([
    [{}, 'request.field_required', 'secretKey'],
    [{ secretKey: 'x', extra: 1 }, 'request.field_unknown', 'extra'],
    [{ secretKey: 'x', address: '10.0.0.0/8' }, 'request.field_invalid', 'address'],
    [{ secretKey: 'x', address: 'localhost' }, 'request.field_invalid', 'address'],
    [{ secretKey: 'x', cost: -1 }, 'request.field_too_small', 'cost'],
    [{ secretKey: 'x', cost: 1.5 }, 'request.field_type', 'cost'],
    [{ secretKey: 'x', rateLimits: 'per-minute' }, 'request.field_type', 'rateLimits'],
    [{ secretKey: ['x'] }, 'request.field_type', 'secretKey'],
  ])('refuses the body %j with 400 (%s, naming %s)', async (body, code, field) => {
    const res = await expectRefusal(h, () => verify(body), 400, code)
    expect(res.body.message).toContain(`'${field}'`)
  })
})
