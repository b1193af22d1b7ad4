import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_RIGHTS, RIGHT_GROUPS } from '../../src/roles/rights.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** The groups of `rights.platformRights` that govern identity, as the model API names them. */
const IDENTITY_GROUPS = ['apikeyRights', 'administratorRights', 'administratorRoleRights']

/** The rights of a role body that are true, as `group.right` names. */
function grantedRights(role: any): string[] {
  const granted: string[] = []
  for (const [group, rights] of Object.entries(role.rights.platformRights as Record<string, Record<string, boolean>>)) {
    for (const [right, value] of Object.entries(rights)) if (value) granted.push(`${group}.${right}`)
  }
  return granted.sort()
}

describe(`${testEngine()}: roles list`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'GET',
    url: () => '/api/roles',
    right: 'administratorRoleRights.canViewAdministratorRoles',
    deniedMessage: 'Not authorized to view administrator roles.',
  })

  it('lists the built-in roles first, in {"roles": [...]}: Full Access (1) and Auditor (2)', async () => {
    const res = await h.get('/api/roles', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(Object.keys(res.body)).toEqual(['roles'])
    const [fullAccess, auditor] = res.body.roles
    expect(fullAccess).toMatchObject({
      ID: 1,
      name: 'Full Access',
      immutable: true,
      urn: 'urn:keyward:identity::0:role/Full Access',
      allowWebService: true,
      allowUserInterface: true,
      canOnlyManipulateUsersWithEqualOrLesserRights: false,
    })
    expect(auditor).toMatchObject({ ID: 2, name: 'Auditor', immutable: true, urn: 'urn:keyward:identity::0:role/Auditor', allowWebService: true })
  })

  it('gives Full Access every right, each present as true, in the model API groups', async () => {
    const res = await h.get('/api/roles', { secret: h.keys.fullAccess.secret })
    const fullAccess = res.body.roles[0]
    expect(Object.keys(fullAccess.rights)).toEqual(['platformRights'])
    expect(Object.keys(fullAccess.rights.platformRights)).toEqual(Object.keys(RIGHT_GROUPS))
    expect(Object.keys(fullAccess.rights.platformRights)).toEqual(expect.arrayContaining(IDENTITY_GROUPS))
    for (const group of IDENTITY_GROUPS) {
      const rights = Object.values(fullAccess.rights.platformRights[group] as Record<string, boolean>)
      // The model's four per group, and Keyward's canVerifyApiKeys among the API key rights.
      expect(rights, group).toHaveLength(group === 'apikeyRights' ? 5 : 4)
      expect(
        rights.every((granted) => granted === true),
        group,
      ).toBe(true)
    }
    expect(fullAccess.rights.platformRights.apikeyRights).toEqual({
      canCreateNewApiKeys: true,
      canDeleteApiKeys: true,
      canEditApiKeyProperties: true,
      canViewApiKeys: true,
      canVerifyApiKeys: true,
    })
    expect(grantedRights(fullAccess)).toEqual([...ALL_RIGHTS].sort())
  })

  it('gives the Auditor exactly the three identity canView rights, only view rights at all, every right present', async () => {
    const res = await h.get('/api/roles', { secret: h.keys.fullAccess.secret })
    const auditor = res.body.roles[1]
    expect(grantedRights(auditor).filter((right) => IDENTITY_GROUPS.includes(right.split('.')[0]!))).toEqual([
      'administratorRights.canViewAdministrators',
      'administratorRoleRights.canViewAdministratorRoles',
      'apikeyRights.canViewApiKeys',
    ])
    for (const right of grantedRights(auditor)) expect(right, 'the Auditor only views').toMatch(/\.canView[A-Z]/)
    expect(auditor.rights.platformRights.apikeyRights).toEqual({
      canCreateNewApiKeys: false,
      canDeleteApiKeys: false,
      canEditApiKeyProperties: false,
      canViewApiKeys: true,
      canVerifyApiKeys: false,
    })
    const leaves = Object.values(auditor.rights.platformRights as Record<string, Record<string, boolean>>).flatMap((g) => Object.keys(g))
    expect(leaves).toHaveLength(ALL_RIGHTS.length)
  })

  it('lists custom roles after the built-in ones, by ID, with their settings', async () => {
    const viewer = await h.role({ name: 'role-list-viewer', rights: ['apikeyRights.canViewApiKeys'], equalOrLesser: true })
    const console = await h.role({ name: 'role-list-console-only', rights: [], allowWebService: false })
    const res = await h.get('/api/roles', { secret: h.keys.auditor.secret })
    expectStatus(res, 200)
    const ids = res.body.roles.map((r: any) => r.ID)
    expect(ids.slice(0, 2)).toEqual([1, 2])
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b))
    expect(res.body.roles.find((r: any) => r.ID === viewer.id)).toMatchObject({
      name: 'role-list-viewer',
      immutable: false,
      canOnlyManipulateUsersWithEqualOrLesserRights: true,
      urn: 'urn:keyward:identity::0:role/role-list-viewer',
    })
    expect(grantedRights(res.body.roles.find((r: any) => r.ID === viewer.id))).toEqual(['apikeyRights.canViewApiKeys'])
    expect(res.body.roles.find((r: any) => r.ID === console.id)).toMatchObject({ allowWebService: false })
    expect(grantedRights(res.body.roles.find((r: any) => r.ID === console.id))).toEqual([])
  })

  describe.each([
    ['the Auditor', () => 2],
    ['a custom role with only canViewAdministratorRoles', async () => (await h.role({ rights: ['administratorRoleRights.canViewAdministratorRoles'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may list roles', async () => {
      const key = await h.key({ role: await roleOf() })
      const res = await h.get('/api/roles', { secret: key.secret })
      expectStatus(res, 200)
      expect(res.body.roles.map((r: any) => r.name).slice(0, 2)).toEqual(['Full Access', 'Auditor'])
    })
  })

  it('refuses a role with every right but canViewAdministratorRoles (403), in the model API words', async () => {
    const role = await h.role({ rights: ALL_RIGHTS.filter((r) => r !== 'administratorRoleRights.canViewAdministratorRoles') })
    const key = await h.key({ role: role.id })
    const res = await h.get('/api/roles', { secret: key.secret })
    expectStatus(res, 403)
    expect(res.body).toEqual({ code: 'role.view_denied', message: 'Not authorized to view administrator roles.' })
  })
})
