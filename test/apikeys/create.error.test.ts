import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness, type RequestOptions, type TestResponse } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** Sends a create that must be refused, and checks that nothing changed. */
async function expectRefused(h: Harness, options: RequestOptions, status: number, code: string, field?: string): Promise<TestResponse> {
  const before = await h.snapshot()
  const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, ...options })
  expectStatus(res, status)
  expect(res.body, res.text).toMatchObject({ code, message: expect.any(String) })
  if (field !== undefined) expect(res.body.message, 'the message names the field').toContain(`'${field}'`)
  expect(await h.snapshot(), 'nothing may change').toEqual(before)
  return res
}

describe(`${testEngine()}: apikeys create (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  describe('refuses a body that does not fit the schema (400)', () => {
    const cases: [what: string, body: Record<string, unknown>, code: string, field: string][] = [
      ['keyName is missing', { roleID: 2 }, 'request.field_required', 'keyName'],
      ['roleID is missing', { keyName: 'no-role' }, 'request.field_required', 'roleID'],
      ['roleID is not a number', { keyName: 'string-role', roleID: '2x' }, 'request.field_type', 'roleID'],
      ['roleID is a fraction', { keyName: 'fraction-role', roleID: 1.5 }, 'request.field_type', 'roleID'],
      ['roleID is 0', { keyName: 'zero-role', roleID: 0 }, 'request.field_too_small', 'roleID'],
      ['keyName is an object', { keyName: { text: 'x' }, roleID: 2 }, 'request.field_type', 'keyName'],
      ['expiryDate is a boolean', { keyName: 'bool-expiry', roleID: 2, expiryDate: true }, 'request.field_type', 'expiryDate'],
      ['expiryDate is negative', { keyName: 'negative-expiry', roleID: 2, expiryDate: -1 }, 'request.field_too_small', 'expiryDate'],
      ['active is a string other than true or false', { keyName: 'string-active', roleID: 2, active: 'yes' }, 'request.field_type', 'active'],
      ['a field is unknown', { keyName: 'unknown-field', roleID: 2, owner: 'me' }, 'request.field_unknown', 'owner'],
      ['keyName is empty', { keyName: '', roleID: 2 }, 'request.field_too_short', 'keyName'],
      ['keyName is only whitespace', { keyName: '   ', roleID: 2 }, 'request.field_too_short', 'keyName'],
      ['keyName has a tab', { keyName: 'tab\tname', roleID: 2 }, 'request.field_control_characters', 'keyName'],
      ['keyName has a line break', { keyName: 'two\nlines', roleID: 2 }, 'request.field_control_characters', 'keyName'],
      ['keyName is 256 characters long', { keyName: 'n'.repeat(256), roleID: 2 }, 'request.field_too_long', 'keyName'],
      [
        'description is 2001 characters long',
        { keyName: 'long-description', roleID: 2, description: 'd'.repeat(2001) },
        'request.field_too_long',
        'description',
      ],
      ['locale is unknown', { keyName: 'french', roleID: 2, locale: 'fr-FR' }, 'request.field_enum', 'locale'],
      ['timeZone is not a zone', { keyName: 'mars', roleID: 2, timeZone: 'Mars/Base' }, 'request.time_zone_invalid', 'timeZone'],
      ['timeZone is an offset, not an IANA name', { keyName: 'offset', roleID: 2, timeZone: '+05:00' }, 'request.time_zone_invalid', 'timeZone'],
      ['timeZone is empty', { keyName: 'empty-zone', roleID: 2, timeZone: '' }, 'request.time_zone_invalid', 'timeZone'],
    ]
    it.each(cases)('%s', async (_what, body, code, field) => {
      await expectRefused(h, { body }, 400, code, field)
    })
  })

  it('accepts the limits themselves: a 255-character name and a 2000-character description', async () => {
    const res = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'n'.repeat(255), roleID: 2, description: 'd'.repeat(2000) },
    })
    expectStatus(res, 200)
    const row = await h.row(res.body.ID)
    expect(row?.key_name).toHaveLength(255)
    expect(row?.description).toHaveLength(2000)
  })

  it('accepts every time zone Intl knows by an IANA name, legacy ones included (EST, US/Eastern)', async () => {
    for (const zone of ['EST', 'US/Eastern', 'Etc/GMT+5']) {
      // Only names this runtime knows are valid: check with Intl first, as the server does.
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), zone).not.toThrow()
      const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: `zone-${zone}`, roleID: 2, timeZone: zone } })
      expectStatus(res, 200)
      expect((await h.row(res.body.ID))?.time_zone).toBe(zone)
    }
  })

  it('refuses a roleID of a role that does not exist (400 apikey.role_not_found)', async () => {
    const res = await expectRefused(h, { body: { keyName: 'ghost-role', roleID: 4242 } }, 400, 'apikey.role_not_found', 'roleID')
    expect(res.body.message).toContain('4242')
  })

  it('refuses an expiry in the past given as epoch milliseconds (400 apikey.expiry_in_past)', async () => {
    await expectRefused(h, { body: { keyName: 'past-ms', roleID: 2, expiryDate: h.clock() - 1000 } }, 400, 'apikey.expiry_in_past', 'expiryDate')
  })

  it('refuses an expiry in the past given as an ISO 8601 string, with or without a time', async () => {
    await expectRefused(h, { body: { keyName: 'past-iso', roleID: 2, expiryDate: '2020-01-01T00:00:00Z' } }, 400, 'apikey.expiry_in_past', 'expiryDate')
    await expectRefused(h, { body: { keyName: 'past-day', roleID: 2, expiryDate: '2020-01-01' } }, 400, 'apikey.expiry_in_past', 'expiryDate')
    await expectRefused(h, { body: { keyName: 'past-digits', roleID: 2, expiryDate: '1000' } }, 400, 'apikey.expiry_in_past', 'expiryDate')
  })

  it('refuses an expiry of this very moment: a key must not be born expired', async () => {
    await expectRefused(h, { body: { keyName: 'expires-now', roleID: 2, expiryDate: h.clock() } }, 400, 'apikey.expiry_in_past', 'expiryDate')
  })

  it('refuses an unparseable date string (400 request.date_time_invalid)', async () => {
    for (const value of ['next tuesday', '2027-13-45', '31/03/2027', '']) {
      const res = await expectRefused(h, { body: { keyName: 'bad-date', roleID: 2, expiryDate: value } }, 400, 'request.date_time_invalid', 'expiryDate')
      expect(res.body.message, value).toContain(`'${value}'`)
    }
  })

  it('refuses a name already in use (409 apikey.name_in_use), also with whitespace around it', async () => {
    const res = await expectRefused(h, { body: { keyName: 'harness-auditor', roleID: 2 } }, 409, 'apikey.name_in_use')
    expect(res.body.message).toBe("An API key named 'harness-auditor' already exists.")
    await expectRefused(h, { body: { keyName: '  harness-auditor ', roleID: 1 } }, 409, 'apikey.name_in_use')
  })

  it('lets exactly one of two simultaneous creates with the same name through; the other gets 409', async () => {
    const body = { keyName: 'raced-name', roleID: 2 }
    const results = await Promise.all([1, 2, 3].map(() => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body })))
    expect(results.map((r) => r.status).sort(), results.map((r) => r.text).join('\n')).toEqual([200, 409, 409])
    for (const res of results.filter((r) => r.status === 409)) expect(res.body.code).toBe('apikey.name_in_use')
    const rows = await h.db.selectFrom('api_keys').select('id').where('key_name', '=', 'raced-name').execute()
    expect(rows).toHaveLength(1)
  })

  describe('refuses a body that is not a JSON object', () => {
    it('malformed JSON (400 request.body_invalid_json)', async () => {
      await expectRefused(h, { body: '{"keyName": "broken", ' }, 400, 'request.body_invalid_json')
    })

    it('a JSON array (400 request.field_type)', async () => {
      await expectRefused(h, { body: '[{"keyName":"in-array","roleID":2}]' }, 400, 'request.field_type', 'body')
    })

    it('a JSON string (400 request.field_type)', async () => {
      await expectRefused(h, { body: '"keyName"' }, 400, 'request.field_type', 'body')
    })

    it('JSON null (400 request.field_type)', async () => {
      await expectRefused(h, { body: 'null' }, 400, 'request.field_type', 'body')
    })

    it('no body at all: names the first required field (400 request.field_required)', async () => {
      await expectRefused(h, {}, 400, 'request.field_required', 'keyName')
    })

    it('a __proto__ key (400), so no prototype can be polluted', async () => {
      await expectRefused(h, { body: '{"keyName":"proto","roleID":2,"__proto__":{"active":false}}' }, 400, 'request.body_invalid_json')
      expect(({} as Record<string, unknown>).active).toBeUndefined()
    })
  })

  it('refuses a body with an escaped NUL character, which PostgreSQL cannot store (400 request.body_nul_character)', async () => {
    await expectRefused(h, { body: '{"keyName":"nul\\u0000name","roleID":2}' }, 400, 'request.body_nul_character')
    await expectRefused(h, { body: '{"keyName":"nul-description","roleID":2,"description":"a\\u0000"}' }, 400, 'request.body_nul_character')
  })

  it('accepts the six characters \\u0000 written literally (an escaped backslash), which are no NUL', async () => {
    const res = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'literal-backslash-u', roleID: 2, description: 'C:\\u0000\\dir' },
    })
    expectStatus(res, 200)
    expect((await h.row(res.body.ID))?.description).toBe('C:\\u0000\\dir')
  })

  it('refuses a body over the default limit of 1 MiB (413 request.body_too_large)', async () => {
    const res = await expectRefused(h, { body: { keyName: 'huge', roleID: 2, description: 'x'.repeat(1_100_000) } }, 413, 'request.body_too_large')
    expect(res.body.message).toBe('The request body is larger than the limit of 1048576 bytes.')
  })

  describe('refuses a content type other than JSON (415 request.media_type_unsupported)', () => {
    const send = (contentType: string | undefined, payload: string) =>
      h.app.fastify.inject({
        method: 'POST',
        url: '/api/apikeys',
        headers: { 'api-version': 'v1', 'api-secret-key': h.keys.fullAccess.secret, ...(contentType ? { 'content-type': contentType } : {}) },
        payload,
      })

    it.each(['application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'])('%s', async (contentType) => {
      const before = await h.snapshot()
      const res = await send(contentType, 'keyName=form&roleID=2')
      expect(res.statusCode, res.body).toBe(415)
      expect(JSON.parse(res.body)).toMatchObject({ code: 'request.media_type_unsupported', message: expect.stringContaining(contentType.split(';')[0]!) })
      expect(await h.snapshot()).toEqual(before)
    })

    it('a body without any Content-Type', async () => {
      const before = await h.snapshot()
      const res = await send(undefined, '{"keyName":"no-type","roleID":2}')
      expect(res.statusCode, res.body).toBe(415)
      expect(JSON.parse(res.body).code).toBe('request.media_type_unsupported')
      expect(await h.snapshot()).toEqual(before)
    })

    it('text/plain, even when the text is JSON', async () => {
      const before = await h.snapshot()
      const res = await send('text/plain', '{"keyName":"plain-text","roleID":2}')
      expect(res.statusCode, res.body).toBe(415)
      expect(JSON.parse(res.body).code).toBe('request.media_type_unsupported')
      expect(await h.snapshot()).toEqual(before)
    })

    it('accepts application/json with a charset', async () => {
      const res = await send('application/json; charset=utf-8', '{"keyName":"json-charset","roleID":2}')
      expect(res.statusCode, res.body).toBe(200)
      expect(JSON.parse(res.body).keyName).toBe('json-charset')
    })
  })
})

describe(`${testEngine()}: apikeys create (error) with a body limit of 2048 bytes`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ bodyLimitBytes: 2048 })
  })
  afterAll(() => h.close())

  it('refuses a body over the configured limit (413) and names the limit', async () => {
    const res = await expectRefused(
      h,
      { body: { keyName: 'over-limit-'.padEnd(200, 'n'), roleID: 2, description: 'x'.repeat(2000) } },
      413,
      'request.body_too_large',
    )
    expect(res.body.message).toBe('The request body is larger than the limit of 2048 bytes.')
  })

  it('accepts a body just under the limit', async () => {
    const body = { keyName: 'under-limit', roleID: 2, description: 'x'.repeat(1900) }
    expect(JSON.stringify(body).length).toBeLessThan(2048)
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body })
    expectStatus(res, 200)
    expect((await h.row(res.body.ID))?.description).toHaveLength(1900)
  })
})
