import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_RIGHTS } from '../../src/roles/rights.js'
import { withAudit } from '../helpers/audit-log.js'
import { roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const NO_RIGHTS = {
  platformRights: {
    apikeyRights: { canCreateNewApiKeys: false, canDeleteApiKeys: false, canEditApiKeyProperties: false, canViewApiKeys: false, canVerifyApiKeys: false },
    administratorRights: {
      canCreateNewAdministrators: false,
      canDeleteAdministrators: false,
      canEditAdministratorProperties: false,
      canViewAdministrators: false,
    },
    administratorRoleRights: {
      canCreateNewAdministratorRoles: false,
      canDeleteAdministratorRoles: false,
      canEditAdministratorRoleProperties: false,
      canViewAdministratorRoles: false,
    },
    auditEventRights: { canViewAuditEvents: false },
  },
}

describe(`${testEngine()}: roles create (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('creates a role from a name alone, with the model defaults (but bound by the equal-or-lesser rule), stores it and audits it', async () => {
    const { result: res, entries } = await withAudit(h, () => h.post('/api/roles', { secret: h.keys.fullAccess.secret, body: { name: 'Bare' } }))
    expectStatus(res, 200)
    expect(res.body).toEqual({
      ID: expect.any(Number),
      name: 'Bare',
      description: '',
      urn: 'urn:keyward:identity::0:role/Bare',
      immutable: false,
      canOnlyManipulateUsersWithEqualOrLesserRights: true,
      allowUserInterface: true,
      allowWebService: false,
      rights: NO_RIGHTS,
      permissions: [],
    })
    expect(await roleRow(h, res.body.ID)).toMatchObject({
      name: 'Bare',
      description: '',
      immutable: 0,
      can_only_manipulate_equal_or_lesser: 1,
      allow_user_interface: 1,
      allow_web_service: 0,
      rights: '[]',
    })
    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'apikey',
        actorID: h.keys.fullAccess.id,
        actorName: 'harness-full-access',
        action: 'role.create',
        resourceType: 'role',
        resourceID: res.body.ID,
        resourceName: 'Bare',
        changes: {
          name: { to: 'Bare' },
          description: { to: '' },
          canOnlyManipulateUsersWithEqualOrLesserRights: { to: true },
          allowUserInterface: { to: true },
          allowWebService: { to: false },
          rights: { to: [] },
        },
        address: '127.0.0.1',
      },
    ])
  })

  it('creates a role with every property set; the rights sent are granted and no others', async () => {
    const res = await h.post('/api/roles', {
      secret: h.keys.fullAccess.secret,
      body: {
        name: 'Key Operator',
        description: 'Creates and rotates keys',
        canOnlyManipulateUsersWithEqualOrLesserRights: true,
        allowUserInterface: false,
        allowWebService: true,
        rights: {
          platformRights: {
            apikeyRights: { canCreateNewApiKeys: true, canViewApiKeys: true, canDeleteApiKeys: false },
            auditEventRights: { canViewAuditEvents: true },
          },
        },
      },
    })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({
      name: 'Key Operator',
      description: 'Creates and rotates keys',
      canOnlyManipulateUsersWithEqualOrLesserRights: true,
      allowUserInterface: false,
      allowWebService: true,
      immutable: false,
    })
    expect(res.body.rights.platformRights.apikeyRights).toEqual({
      canCreateNewApiKeys: true,
      canDeleteApiKeys: false,
      canEditApiKeyProperties: false,
      canViewApiKeys: true,
      canVerifyApiKeys: false,
    })
    expect(res.body.rights.platformRights.auditEventRights).toEqual({ canViewAuditEvents: true })
    expect(res.body.rights.platformRights.administratorRights).toEqual(NO_RIGHTS.platformRights.administratorRights)
    const row = await roleRow(h, res.body.ID)
    expect(row).toMatchObject({ can_only_manipulate_equal_or_lesser: 1, allow_user_interface: 0, allow_web_service: 1 })
    expect(JSON.parse(row!.rights)).toEqual(['apikeyRights.canViewApiKeys', 'apikeyRights.canCreateNewApiKeys', 'auditEventRights.canViewAuditEvents'])

    const described = await h.get(`/api/roles/${res.body.ID}`, { secret: h.keys.fullAccess.secret })
    expectStatus(described, 200)
    expect(described.body).toEqual(res.body)
  })

  it('trims the name and ignores read-only properties sent back', async () => {
    const res = await h.post('/api/roles', {
      secret: h.keys.fullAccess.secret,
      body: { name: '  Trimmed  ', ID: 1, immutable: true, urn: 'urn:keyward:identity::0:role/Full Access' },
    })
    expectStatus(res, 200)
    expect(res.body.ID).toBeGreaterThan(2)
    expect(res.body).toMatchObject({ name: 'Trimmed', immutable: false, urn: 'urn:keyward:identity::0:role/Trimmed' })
    expect((await roleRow(h, res.body.ID))?.immutable).toBe(0)
    expect((await roleRow(h, 1))?.name).toBe('Full Access')
  })

  it('gives a key of the new role exactly its rights at once', async () => {
    const res = await h.post('/api/roles', {
      secret: h.keys.fullAccess.secret,
      body: { name: 'Role Reader', allowWebService: true, rights: { platformRights: { administratorRoleRights: { canViewAdministratorRoles: true } } } },
    })
    expectStatus(res, 200)
    const key = await h.key({ role: res.body.ID })
    expectStatus(await h.get('/api/roles', { secret: key.secret }), 200)
    expectStatus(await h.get('/api/apikeys', { secret: key.secret }), 403)
  })

  it('creates a role with every right from a console session', async () => {
    const session = await h.signInAsAdmin()
    const everything = {
      platformRights: Object.fromEntries(
        Object.entries(NO_RIGHTS.platformRights).map(([g, r]) => [g, Object.fromEntries(Object.keys(r).map((k) => [k, true]))]),
      ),
    }
    const { result: res, entries } = await withAudit(h, () => h.post('/api/roles', { session, body: { name: 'Everything', rights: everything } }))
    expectStatus(res, 200)
    expect(JSON.parse((await roleRow(h, res.body.ID))!.rights)).toEqual([...ALL_RIGHTS])
    expect(entries).toMatchObject([
      { action: 'role.create', actorType: 'administrator', actorName: 'admin', resourceID: res.body.ID, changes: { rights: { to: [...ALL_RIGHTS] } } },
    ])
  })
})
