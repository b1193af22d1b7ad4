import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness, type RequestOptions, type TestKey, type TestResponse } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { BAD_PATH_IDS } from '../helpers/bad-path-ids.js'
import { expectRefusal } from '../helpers/refusal.js'

describe(`${testEngine()}: apikeys modify (error)`, () => {
  let h: Harness
  let target: TestKey
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.key({ name: 'modify-target', role: 2 })
  })
  afterAll(() => h.close())

  /** Sends a modify that must be refused, and checks that nothing changed. */
  const expectRefused = async (id: number | string, options: RequestOptions, status: number, code: string, field?: string): Promise<TestResponse> => {
    const res = await expectRefusal(h, () => h.post(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret, ...options }), status, code)
    if (field !== undefined) expect(res.body.message, 'the message names the field').toContain(`'${field}'`)
    return res
  }

  it('answers 404 "The API key does not exist." for an ID no key has', async () => {
    const res = await expectRefused(424242, { body: { description: 'x' } }, 404, 'apikey.not_found')
    expect(res.body.message).toBe('The API key does not exist.')
  })

  it.each(BAD_PATH_IDS)('answers 400 naming apiKeyID for the ID "%s"', async (id, code) => {
    await expectRefused(id, { body: { description: 'x' } }, 400, code, 'apiKeyID')
  })

  describe('refuses a body that does not fit the schema (400)', () => {
    const cases: [what: string, body: unknown, code: string, field: string][] = [
      ['keyName is empty', { keyName: '' }, 'request.field_too_short', 'keyName'],
      ['keyName is only whitespace', { keyName: '   ' }, 'request.field_too_short', 'keyName'],
      ['keyName is 256 characters long', { keyName: 'n'.repeat(256) }, 'request.field_too_long', 'keyName'],
      ['keyName is null', { keyName: null }, 'request.field_type', 'keyName'],
      ['description is 2001 characters long', { description: 'd'.repeat(2001) }, 'request.field_too_long', 'description'],
      ['roleID is not a number', { roleID: '1x' }, 'request.field_type', 'roleID'],
      ['roleID is 0', { roleID: 0 }, 'request.field_too_small', 'roleID'],
      ['active is a string other than true or false', { active: 'no' }, 'request.field_type', 'active'],
      ['active is null', { active: null }, 'request.field_type', 'active'],
      ['locale is unknown', { locale: 'de-DE' }, 'request.field_enum', 'locale'],
      ['timeZone is not a zone', { timeZone: 'Mars/Base' }, 'request.time_zone_invalid', 'timeZone'],
      ['expiryDate is a boolean', { expiryDate: false }, 'request.field_type', 'expiryDate'],
      ['a field is unknown', { description: 'x', keyname: 'typo' }, 'request.field_unknown', 'keyname'],
      ['the body is an array', [{ description: 'x' }], 'request.field_type', 'body'],
    ]
    it.each(cases)('%s', async (_what, body, code, field) => {
      await expectRefused(target.id, { body }, 400, code, field)
    })
  })

  it('refuses malformed JSON (400) and a NUL character (400)', async () => {
    await expectRefused(target.id, { body: '{"description": ' }, 400, 'request.body_invalid_json')
    await expectRefused(target.id, { body: '{"description": "a\\u0000b"}' }, 400, 'request.body_nul_character')
  })

  it('refuses a name another key has (409 apikey.name_in_use)', async () => {
    const res = await expectRefused(target.id, { body: { keyName: 'harness-auditor' } }, 409, 'apikey.name_in_use')
    expect(res.body.message).toBe("An API key named 'harness-auditor' already exists.")
    await expectRefused(target.id, { body: { keyName: ' harness-auditor ', description: 'also changed' } }, 409, 'apikey.name_in_use')
  })

  it('refuses a role that does not exist (400 apikey.role_not_found)', async () => {
    const res = await expectRefused(target.id, { body: { roleID: 4242 } }, 400, 'apikey.role_not_found', 'roleID')
    expect(res.body.message).toContain('4242')
  })

  it('refuses an expiry in the past (400 apikey.expiry_in_past), as ms and as an ISO string', async () => {
    await expectRefused(target.id, { body: { expiryDate: h.clock() - 1 } }, 400, 'apikey.expiry_in_past', 'expiryDate')
    await expectRefused(target.id, { body: { expiryDate: '2001-02-03T04:05:06Z' } }, 400, 'apikey.expiry_in_past', 'expiryDate')
    await expectRefused(target.id, { body: { expiryDate: h.clock() } }, 400, 'apikey.expiry_in_past', 'expiryDate')
  })

  it('refuses an unparseable date (400 request.date_time_invalid)', async () => {
    await expectRefused(target.id, { body: { expiryDate: 'tomorrow' } }, 400, 'request.date_time_invalid', 'expiryDate')
  })

  it('applies none of a request that is refused in part', async () => {
    await expectRefused(target.id, { body: { description: 'half', expiryDate: h.clock() - 1 } }, 400, 'apikey.expiry_in_past')
    await expectRefused(target.id, { body: { description: 'half', roleID: 4242 } }, 400, 'apikey.role_not_found')
    await expectRefused(target.id, { body: { description: 'half', active: false, keyName: 'harness-full-access' } }, 409, 'apikey.name_in_use')
  })

  it('refuses a body over the limit (413)', async () => {
    await expectRefused(target.id, { body: { description: 'x'.repeat(1_100_000) } }, 413, 'request.body_too_large')
  })
})
