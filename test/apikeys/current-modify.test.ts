import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { expectRefusal } from '../helpers/refusal.js'

describe(`${testEngine()}: apikeys current modify`, () => {
  let h: Harness
  let counter = 0
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, { method: 'POST', url: () => '/api/apikeys/current', body: () => ({ description: `changed ${++counter}` }) })

  /** A key whose role has no rights at all: what it may do to itself needs none. */
  const keyWithoutRights = async (options: Parameters<Harness['key']>[0] = {}): Promise<TestKey> =>
    h.key({ role: (await h.role({ rights: [] })).id, ...options })

  const expectRefused = async (key: TestKey, body: unknown, status: number, code: string, field?: string) => {
    const res = await expectRefusal(h, () => h.post('/api/apikeys/current', { secret: key.secret, body }), status, code)
    if (field !== undefined) expect(res.body.message, 'the message names the field').toContain(`'${field}'`)
    return res
  }

  it('lets a key with no rights at all change its own name, description, language and time zone', async () => {
    const key = await keyWithoutRights({ name: 'me-plain' })
    const before = await h.row(key.id)
    const res = await h.post('/api/apikeys/current', {
      secret: key.secret,
      body: { keyName: '  me-renamed ', description: 'my own words', locale: 'ja-JP', timeZone: 'America/Sao_Paulo' },
    })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({
      ID: key.id,
      keyName: 'me-renamed',
      description: 'my own words',
      locale: 'ja-JP',
      timeZone: 'America/Sao_Paulo',
      roleID: before?.role_id,
    })
    expect(res.body.roleURN).toMatch(/^urn:keyward:identity::0:role\//)
    expect(await h.row(key.id)).toMatchObject({
      key_name: 'me-renamed',
      description: 'my own words',
      locale: 'ja-JP',
      time_zone: 'America/Sao_Paulo',
      role_id: before?.role_id,
      active: 1,
      expiry_date: null,
      secret_hash: before?.secret_hash,
    })
  })

  it('changes only the properties sent', async () => {
    const key = await keyWithoutRights({ name: 'me-partial', locale: 'ja-JP', timeZone: 'Asia/Tokyo' })
    const before = await h.row(key.id)
    expectStatus(await h.post('/api/apikeys/current', { secret: key.secret, body: { description: 'only this' } }), 200)
    const { last_sign_in: _a, last_sign_in_address: _b, ...settings } = before!
    expect(await h.row(key.id)).toMatchObject({ ...settings, description: 'only this' })
  })

  it('accepts its described object posted back unchanged, and changes nothing', async () => {
    const key = await keyWithoutRights({ name: 'me-round-trip', expiresAt: h.clock() + 86_400_000 })
    const described = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(described, 200)
    expect(described.body).toHaveProperty('roleURN')
    const before = await h.snapshot()
    const res = await h.post('/api/apikeys/current', { secret: key.secret, body: described.body })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ keyName: 'me-round-trip', expiryDate: described.body.expiryDate, roleID: described.body.roleID })
    expect(await h.snapshot()).toEqual(before)
  })

  it.each([
    ['roleID', (key: TestKey) => ({ roleID: key.record.roleId })],
    ['active', () => ({ active: true })],
    ['expiryDate (none, as null)', () => ({ expiryDate: null })],
    ['expiryDate (none, as 0)', () => ({ expiryDate: 0 })],
  ])('accepts %s sent back unchanged', async (_what, bodyOf) => {
    const key = await keyWithoutRights()
    const before = await h.snapshot()
    const res = await h.post('/api/apikeys/current', { secret: key.secret, body: { ...bodyOf(key), description: '' } })
    expectStatus(res, 200)
    expect(await h.snapshot()).toEqual(before)
  })

  it('accepts its expiry sent back unchanged, as ms', async () => {
    const expiry = h.clock() + 3 * 86_400_000
    const key = await keyWithoutRights({ expiresAt: expiry })
    expectStatus(await h.post('/api/apikeys/current', { secret: key.secret, body: { expiryDate: expiry, description: 'kept expiry' } }), 200)
    expect(await h.row(key.id)).toMatchObject({ expiry_date: expiry, description: 'kept expiry' })
  })

  describe('refuses a change to what only an administrator may change (403 apikey.current_field_denied)', () => {
    it('its own roleID, even to a lesser role', async () => {
      for (const roleID of [1, 2]) {
        const key = await keyWithoutRights()
        const res = await expectRefused(key, { roleID, description: 'with a role change' }, 403, 'apikey.current_field_denied', 'roleID')
        expect(res.body.message).toBe("An API key cannot change its own 'roleID'.")
      }
    })

    it('its own active flag (a key cannot lock itself out through this)', async () => {
      const key = await keyWithoutRights()
      await expectRefused(key, { active: false }, 403, 'apikey.current_field_denied', 'active')
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    })

    it('its own expiryDate: setting, extending and clearing it', async () => {
      const free = await keyWithoutRights()
      await expectRefused(free, { expiryDate: h.clock() + 86_400_000 }, 403, 'apikey.current_field_denied', 'expiryDate')
      const expiring = await keyWithoutRights({ expiresAt: h.clock() + 86_400_000 })
      await expectRefused(expiring, { expiryDate: h.clock() + 2 * 86_400_000 }, 403, 'apikey.current_field_denied', 'expiryDate')
      await expectRefused(expiring, { expiryDate: null }, 403, 'apikey.current_field_denied', 'expiryDate')
      await expectRefused(expiring, { expiryDate: 0 }, 403, 'apikey.current_field_denied', 'expiryDate')
    })

    it('even for a Full Access key', async () => {
      const key = await h.key({ role: 1 })
      await expectRefused(key, { roleID: 2 }, 403, 'apikey.current_field_denied', 'roleID')
      await expectRefused(key, { expiryDate: h.clock() + 86_400_000 }, 403, 'apikey.current_field_denied', 'expiryDate')
    })
  })

  it("makes the key's later error messages Japanese after it changes its locale to ja-JP", async () => {
    const key = await h.key({ role: 2, name: 'me-japanese' })
    const english = await h.get('/api/apikeys/424242', { secret: key.secret })
    expectStatus(english, 404)
    expect(english.body.message).toBe('The API key does not exist.')

    expectStatus(await h.post('/api/apikeys/current', { secret: key.secret, body: { locale: 'ja-JP' } }), 200)
    const japanese = await h.get('/api/apikeys/424242', { secret: key.secret })
    expectStatus(japanese, 404)
    expect(japanese.body).toEqual({ code: 'apikey.not_found', message: 'API キーが存在しません。' })
    const denied = await h.post('/api/apikeys/current', { secret: key.secret, body: { roleID: 1 } })
    expect(denied.body.message).toBe("API キーは自身の 'roleID' を変更できません。")

    expectStatus(await h.post('/api/apikeys/current', { secret: key.secret, body: { locale: 'en-US' } }), 200)
    expect((await h.get('/api/apikeys/424242', { secret: key.secret })).body.message).toBe('The API key does not exist.')
  })

  it('refuses a name another key has (409)', async () => {
    const key = await keyWithoutRights()
    const res = await expectRefused(key, { keyName: 'harness-auditor' }, 409, 'apikey.name_in_use')
    expect(res.body.message).toBe("An API key named 'harness-auditor' already exists.")
  })

  it.each([
    ['keyName is empty', { keyName: '' }, 'request.field_too_short', 'keyName'],
    ['keyName is only whitespace', { keyName: '  ' }, 'request.field_too_short', 'keyName'],
    ['keyName is 256 characters long', { keyName: 'n'.repeat(256) }, 'request.field_too_long', 'keyName'],
    ['description is 2001 characters long', { description: 'd'.repeat(2001) }, 'request.field_too_long', 'description'],
    ['locale is unknown', { locale: 'en-GB' }, 'request.field_enum', 'locale'],
    ['timeZone is not a zone', { timeZone: 'Mars/Base' }, 'request.time_zone_invalid', 'timeZone'],
    ['a field is unknown', { nickname: 'me' }, 'request.field_unknown', 'nickname'],
    ['roleID is not a number', { roleID: '1x' }, 'request.field_type', 'roleID'],
    ['expiryDate is unparseable', { expiryDate: 'someday' }, 'request.date_time_invalid', 'expiryDate'],
  ])('refuses a body where %s (400)', async (_what, body, code, field) => {
    const key = await keyWithoutRights()
    await expectRefused(key, body, 400, code, field)
  })

  it('refuses malformed JSON (400)', async () => {
    const key = await keyWithoutRights()
    await expectRefused(key, '{"keyName": ', 400, 'request.body_invalid_json')
  })

  it('changes only the key that authenticates the request', async () => {
    const key = await keyWithoutRights({ name: 'me-only' })
    const others = (await h.snapshot()).keys.filter((row) => row.id !== key.id)
    expectStatus(await h.post('/api/apikeys/current', { secret: key.secret, body: { description: 'mine only', ID: h.keys.fullAccess.id } }), 200)
    expect((await h.snapshot()).keys.filter((row) => row.id !== key.id)).toEqual(others)
    expect((await h.row(key.id))?.description).toBe('mine only')
  })
})
