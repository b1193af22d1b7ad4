import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDITOR_ROLE_ID, FULL_ACCESS_ROLE_ID } from '../../src/roles/role.js'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'
import { BAD_PATH_IDS } from '../helpers/bad-path-ids.js'

describe(`${testEngine()}: roles modify (error)`, () => {
  let h: Harness
  let target: { id: number }
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.role({ name: 'Target' })
    await h.role({ name: 'Other' })
  })
  afterAll(() => h.close())

  const modify = (id: number | string, body: unknown) => () => h.post(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret, body })

  it('answers 404 "The administrator role does not exist." for an ID no role has', async () => {
    await expectRefusal(h, modify(424242, { description: 'x' }), 404, 'role.not_found', 'The administrator role does not exist.')
  })

  it.each(BAD_PATH_IDS)('answers 400 naming roleID for the ID "%s"', async (id, code) => {
    const res = await expectRefusal(h, modify(id, { description: 'x' }), 400, code)
    expect(res.body.message).toContain("'roleID'")
  })

  it.each([
    ['its description', { description: 'mine' }],
    ['its name', { name: 'Not Full' }],
    ['a right', { rights: { platformRights: { auditEventRights: { canViewAuditEvents: false } } } }],
    ['the equal-or-lesser rule', { canOnlyManipulateUsersWithEqualOrLesserRights: true }],
    ['nothing at all (the same values)', { name: 'Full Access' }],
  ])('refuses any change to Full Access: %s (403 role.immutable)', async (_what, body) => {
    await expectRefusal(h, modify(FULL_ACCESS_ROLE_ID, body), 403, 'role.immutable', "The role 'Full Access' is built in and cannot be changed or deleted.")
  })

  it('refuses any change to the Auditor role, built in as well (403 role.immutable)', async () => {
    await expectRefusal(
      h,
      modify(AUDITOR_ROLE_ID, { description: 'Read-only access, edited' }),
      403,
      'role.immutable',
      "The role 'Auditor' is built in and cannot be changed or deleted.",
    )
  })

  it('refuses a name another role has (409 role.name_in_use)', async () => {
    await expectRefusal(h, modify(target.id, { name: 'Other', description: 'also changed' }), 409, 'role.name_in_use', "A role named 'Other' already exists.")
    await expectRefusal(h, modify(target.id, { name: 'Auditor' }), 409, 'role.name_in_use', "A role named 'Auditor' already exists.")
  })

  it.each([
    ['name is empty', { name: '' }, 'request.field_too_short', 'name'],
    ['name is only whitespace', { name: '  ' }, 'request.field_too_short', 'name'],
    ['a flag is null', { allowWebService: null }, 'request.field_type', 'allowWebService'],
    [
      'a right is unknown',
      { rights: { platformRights: { apikeyRights: { canEverything: true } } } },
      'request.field_unknown',
      'rights.platformRights.apikeyRights.canEverything',
    ],
    ['rights is a list', { rights: ['apikeyRights.canViewApiKeys'] }, 'request.field_type', 'rights'],
    ['a field is unknown', { allServers: true }, 'request.field_unknown', 'allServers'],
  ])('refuses a body where %s (400)', async (_what, body, code, field) => {
    const res = await expectRefusal(h, modify(target.id, body), 400, code)
    expect(res.body.message).toContain(`'${field}'`)
  })
})
