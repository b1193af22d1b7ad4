import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles create (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
    await h.role({ name: 'Taken' })
  })
  afterAll(() => h.close())

  const create = (body: unknown) => () => h.post('/api/roles', { secret: h.keys.fullAccess.secret, body })

  const cases: [what: string, body: unknown, code: string, field: string][] = [
    ['no body', undefined, 'request.field_required', 'name'],
    ['name is missing', { description: 'x' }, 'request.field_required', 'name'],
    ['name is empty', { name: '' }, 'request.field_too_short', 'name'],
    ['name is only whitespace', { name: '   ' }, 'request.field_too_short', 'name'],
    ['name is 256 characters long', { name: 'n'.repeat(256) }, 'request.field_too_long', 'name'],
    ['name is an array', { name: [7] }, 'request.field_type', 'name'],
    ['description is 2001 characters long', { name: 'd', description: 'd'.repeat(2001) }, 'request.field_too_long', 'description'],
    ['a flag is a string other than true or false', { name: 'f', allowWebService: 'yes' }, 'request.field_type', 'allowWebService'],
    [
      'a right is a string',
      { name: 'r', rights: { platformRights: { apikeyRights: { canViewApiKeys: 'yes' } } } },
      'request.field_type',
      'rights.platformRights.apikeyRights.canViewApiKeys',
    ],
    [
      'a right is unknown',
      { name: 'r', rights: { platformRights: { apikeyRights: { canEatApiKeys: true } } } },
      'request.field_unknown',
      'rights.platformRights.apikeyRights.canEatApiKeys',
    ],
    [
      'a rights group is unknown',
      { name: 'r', rights: { platformRights: { rocketRights: { canLaunchRockets: true } } } },
      'request.field_unknown',
      'rights.platformRights.rocketRights',
    ],
    ['a field is unknown', { name: 'u', allServers: true }, 'request.field_unknown', 'allServers'],
    ['the body is an array', [{ name: 'a' }], 'request.field_type', 'body'],
  ]
  it.each(cases)('refuses a body where %s (400, naming the field)', async (_what, body, code, field) => {
    const res = await expectRefusal(h, create(body), 400, code)
    expect(res.body.message).toContain(`'${field}'`)
  })

  it('refuses a name another role has, even with spaces around it (409 role.name_in_use)', async () => {
    await expectRefusal(h, create({ name: 'Taken' }), 409, 'role.name_in_use', "A role named 'Taken' already exists.")
    await expectRefusal(h, create({ name: ' Taken ' }), 409, 'role.name_in_use', "A role named 'Taken' already exists.")
    await expectRefusal(h, create({ name: 'Full Access' }), 409, 'role.name_in_use', "A role named 'Full Access' already exists.")
  })

  it('refuses malformed JSON (400)', async () => {
    await expectRefusal(h, () => h.post('/api/roles', { secret: h.keys.fullAccess.secret, body: '{"name": ' }), 400, 'request.body_invalid_json')
  })

  it('answers in the language of the key (ja-JP) with the same code', async () => {
    const key = await h.key({ locale: 'ja-JP' })
    await expectRefusal(
      h,
      () => h.post('/api/roles', { secret: key.secret, body: { name: 'Taken' } }),
      409,
      'role.name_in_use',
      "'Taken' という名前の役割はすでに存在します。",
    )
  })
})
