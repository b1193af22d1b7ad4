import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** Every property an API key may show in a list; anything else (a hash, a secret) is a leak. */
const SHOWN = new Set([
  'keyName',
  'description',
  'locale',
  'roleID',
  'timeZone',
  'active',
  'created',
  'lastSignIn',
  'unlockTime',
  'unsuccessfulSignInAttempts',
  'expiryDate',
  'serviceAccount',
  'ID',
  'lastSignInAddress',
  'createdByAdministratorID',
  'createdByApiKeyID',
  'permissions',
  'meta',
  'externalID',
  'ipAllowList',
])

describe(`${testEngine()}: apikeys list (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('lists every API key in {"apiKeys": [...]}, by ID, without secrets or hashes', async () => {
    const made = [
      await h.key({ name: 'list-b', role: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo' }),
      await h.key({ name: 'list-a', role: 1, expiresAt: h.clock() + 86_400_000 }),
      await h.key({ name: 'list-locked', role: 2, locked: true }),
    ]
    const res = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(Object.keys(res.body)).toEqual(['apiKeys'])
    const keys: any[] = res.body.apiKeys
    const ids = keys.map((k) => k.ID)
    expect(ids).toEqual([h.keys.fullAccess.id, h.keys.auditor.id, ...made.map((k) => k.id)])
    expect(ids).toEqual([...ids].sort((a, b) => a - b))

    for (const key of keys) {
      for (const field of Object.keys(key)) expect(SHOWN.has(field), `unexpected field ${field}`).toBe(true)
      expect(key).not.toHaveProperty('secretKey')
    }
    const rows = await h.db.selectFrom('api_keys').select(['secret_hash']).execute()
    for (const row of rows) expect(res.text).not.toContain(row.secret_hash)
    for (const secret of [h.keys.fullAccess.secret, h.keys.auditor.secret, ...made.map((k) => k.secret)]) expect(res.text).not.toContain(secret)
  })

  it('shows each key as stored, leaving out unset properties', async () => {
    const expiry = h.clock() + 7 * 86_400_000
    const key = await h.key({ name: 'list-shape', role: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo', expiresAt: expiry })
    const res = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    const shown = res.body.apiKeys.find((k: any) => k.ID === key.id)
    expect(shown).toEqual({
      keyName: 'list-shape',
      description: '',
      locale: 'ja-JP',
      roleID: 2,
      timeZone: 'Asia/Tokyo',
      active: true,
      created: key.record.created,
      unsuccessfulSignInAttempts: 0,
      expiryDate: expiry,
      serviceAccount: false,
      ID: key.id,
    })
  })

  it('shows a locked key as active: false and an expired key still (nothing is silently lost)', async () => {
    const locked = await h.key({ name: 'list-locked-2', locked: true })
    const expiring = await h.key({ name: 'list-expiring', expiresAt: h.clock() + 1000 })
    h.clock.advance(2000)
    const res = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body.apiKeys.find((k: any) => k.ID === locked.id)).toMatchObject({ active: false, keyName: 'list-locked-2' })
    const expired = res.body.apiKeys.find((k: any) => k.ID === expiring.id)
    expect(expired).toMatchObject({ keyName: 'list-expiring', expiryDate: expiring.record.expiryDate })
    expect(expired.expiryDate).toBeLessThan(h.clock())
  })

  it('shows last sign-in time and address once a key has been used', async () => {
    const key = await h.key({ name: 'list-used' })
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    await h.app.context.usage.flush()
    const res = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    const shown = res.body.apiKeys.find((k: any) => k.ID === key.id)
    expect(shown.lastSignIn).toBe((await h.row(key.id))?.last_sign_in)
    expect(shown.lastSignIn).toBeGreaterThanOrEqual(key.record.created)
    expect(shown.lastSignInAddress).toBe('127.0.0.1')
  })

  it('leaves out a deleted key', async () => {
    const key = await h.key({ name: 'list-deleted' })
    expectStatus(await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret }), 200)
    const res = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expect(res.body.apiKeys.map((k: any) => k.ID)).not.toContain(key.id)
    expect(res.body.apiKeys).toHaveLength(
      Number(
        (
          await h.db
            .selectFrom('api_keys')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    )
  })

  it('sends no-store caching and JSON', async () => {
    const res = await h.get('/api/apikeys', { secret: h.keys.auditor.secret })
    expectStatus(res, 200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.headers['cache-control']).toBe('no-store')
  })
})
