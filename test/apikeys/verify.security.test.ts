import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys verify (security)`, () => {
  let h: Harness
  let service: TestKey
  beforeAll(async () => {
    h = await Harness.start()
    const verifier = await h.role({ name: 'verifier', rights: ['apikeyRights.canVerifyApiKeys'] })
    service = await h.key({ role: verifier.id, name: 'billing-service' })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/apikeys/verify',
    body: (h) => ({ secretKey: h.keys.auditor.secret }),
    right: 'apikeyRights.canVerifyApiKeys',
    deniedMessage: 'Not authorized to verify API keys.',
  })

  it('Full Access holds the right; the Auditor does not (verifying is not viewing)', async () => {
    expectStatus(await h.post('/api/apikeys/verify', { secret: h.keys.fullAccess.secret, body: { secretKey: h.keys.auditor.secret } }), 200)
    await expectRefusal(
      h,
      () => h.post('/api/apikeys/verify', { secret: h.keys.auditor.secret, body: { secretKey: h.keys.fullAccess.secret } }),
      403,
      'apikey.verify_denied',
    )
  })

  it('a refused caller learns nothing and the key is not used', async () => {
    const key = await h.key()
    await expectRefusal(h, () => h.post('/api/apikeys/verify', { secret: h.keys.auditor.secret, body: { secretKey: key.secret } }), 403, 'apikey.verify_denied')
    await h.app.context.usage.flush()
    expect((await h.row(key.id))?.last_sign_in).toBeNull()
  })

  describe('with key lock-out on after 3 failures, and the throttle after 5', () => {
    let s: Harness
    let strictService: TestKey
    beforeAll(async () => {
      s = await Harness.start({ keyLockout: true, lockoutThreshold: 3, authFailuresPerMinute: 5 })
      strictService = await s.key({ role: (await s.role({ rights: ['apikeyRights.canVerifyApiKeys'] })).id })
    })
    afterAll(() => s.close())

    it('a wrong secret counts against the key as on the API, and locks it out at the threshold (audited with the end client address)', async () => {
      const key = await s.key()
      const wrong = createSecret(key.id)
      for (let i = 1; i <= 2; i++) {
        expect((await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: wrong, address: `198.51.100.${i}` } })).body.code).toBe(
          'NOT_FOUND',
        )
        await s.app.context.failures.settled()
        expect((await s.row(key.id))?.unsuccessful_sign_in_attempts).toBe(i)
      }
      expect((await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: wrong, address: '198.51.100.3' } })).body.code).toBe(
        'NOT_FOUND',
      )
      await s.app.context.failures.settled()
      expect((await s.row(key.id))?.active).toBe(0)
      const audit = await s.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'apikey.auto_lock')
        .where('resource_id', '=', key.id)
        .executeTakeFirstOrThrow()
      expect(audit.address).toBe('198.51.100.3')
      expect((await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: key.secret } })).body.code).toBe('LOCKED')
    })

    it("throttles the end client address, never the calling service for its clients' bad keys", async () => {
      const good = await s.key()
      // Without an address, no address is throttled: the service keeps its access.
      for (let i = 0; i < 10; i++)
        expect((await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: createSecret(900_000 + i) } })).body.code).toBe(
          'NOT_FOUND',
        )
      expect((await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: good.secret } })).body.code).toBe('VALID')
      // With one, that address is throttled, and only that one.
      for (let i = 0; i < 5; i++)
        await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: createSecret(910_000 + i), address: '203.0.113.66' } })
      expect(
        (await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: createSecret(920_000), address: '203.0.113.66' } })).body.code,
      ).toBe('RATE_LIMITED')
      expect(
        (await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: createSecret(920_000), address: '203.0.113.67' } })).body.code,
      ).toBe('NOT_FOUND')
      // A right secret passes whatever its address's failures, as on the API.
      expect((await s.post('/api/apikeys/verify', { secret: strictService.secret, body: { secretKey: good.secret, address: '203.0.113.66' } })).body.code).toBe(
        'VALID',
      )
      expectStatus(await s.get('/api/apikeys/current', { secret: strictService.secret }), 200)
    })
  })

  it('answers an unknown key and a wrong secret identically, so existence never leaks', async () => {
    const key = await h.key()
    const unknown = await h.post('/api/apikeys/verify', { secret: service.secret, body: { secretKey: createSecret(987_654) } })
    const wrong = await h.post('/api/apikeys/verify', { secret: service.secret, body: { secretKey: createSecret(key.id) } })
    expect(unknown.text).toBe(wrong.text)
    expect(unknown.headers['content-length']).toBe(wrong.headers['content-length'])
  })

  it('never writes a verified secret to the logs or the audit log', async () => {
    const key = await h.key()
    await h.post('/api/apikeys/verify', { secret: service.secret, body: { secretKey: key.secret, permissions: 'x' } })
    await h.post('/api/apikeys/verify', { secret: service.secret, body: { secretKey: key.secret, permissions: 'x AND' } })
    await h.post('/api/apikeys/verify', { secret: service.secret, body: { secretKey: key.secret, address: 'nope' } })
    expect(h.logs.join('\n')).not.toContain(key.secret)
    const audit = await h.db.selectFrom('audit_events').selectAll().execute()
    expect(JSON.stringify(audit)).not.toContain(key.secret)
  })
})
