import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withAudit } from '../helpers/audit-log.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles modify (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const modify = (id: number, body: unknown) => h.post(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret, body })

  it('changes only what is sent, stores it and audits each changed field with its old and new value', async () => {
    const role = await h.role({ name: 'Before', rights: ['apikeyRights.canViewApiKeys', 'apikeyRights.canDeleteApiKeys'], allowWebService: false })
    const { result: res, entries } = await withAudit(h, () =>
      modify(role.id, {
        name: ' After ',
        description: 'Changed',
        allowWebService: true,
        allowUserInterface: true,
        rights: { platformRights: { apikeyRights: { canDeleteApiKeys: false, canCreateNewApiKeys: true } } },
      }),
    )
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: role.id, name: 'After', description: 'Changed', allowWebService: true, allowUserInterface: true, immutable: false })
    expect(res.body.rights.platformRights.apikeyRights).toEqual({
      canCreateNewApiKeys: true,
      canDeleteApiKeys: false,
      canEditApiKeyProperties: false,
      canViewApiKeys: true,
      canVerifyApiKeys: false,
    })
    const row = await roleRow(h, role.id)
    expect(row).toMatchObject({ name: 'After', description: 'Changed', allow_web_service: 1, allow_user_interface: 1, can_only_manipulate_equal_or_lesser: 0 })
    // A right left out of the patch (canViewApiKeys) keeps its value.
    expect(JSON.parse(row!.rights)).toEqual(['apikeyRights.canViewApiKeys', 'apikeyRights.canCreateNewApiKeys'])
    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'apikey',
        actorID: h.keys.fullAccess.id,
        actorName: 'harness-full-access',
        action: 'role.modify',
        resourceType: 'role',
        resourceID: role.id,
        resourceName: 'After',
        changes: {
          name: { from: 'Before', to: 'After' },
          description: { from: '', to: 'Changed' },
          allowWebService: { from: false, to: true },
          rights: {
            from: ['apikeyRights.canViewApiKeys', 'apikeyRights.canDeleteApiKeys'],
            to: ['apikeyRights.canViewApiKeys', 'apikeyRights.canCreateNewApiKeys'],
          },
        },
        address: '127.0.0.1',
      },
    ])
  })

  it('changes nothing and writes no audit entry when nothing differs', async () => {
    const role = await h.role({ name: 'Unchanged', rights: ['apikeyRights.canViewApiKeys'] })
    const before = await roleRow(h, role.id)
    const { result: res, entries } = await withAudit(h, () =>
      modify(role.id, { name: 'Unchanged', rights: { platformRights: { apikeyRights: { canViewApiKeys: true } } }, ID: 99, immutable: true }),
    )
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: role.id, name: 'Unchanged', immutable: false })
    expect(await roleRow(h, role.id)).toEqual(before)
    expect(entries).toEqual([])
  })

  it('gives holders of the role its new rights at once, keys and console sessions alike', async () => {
    const role = await h.role({ rights: [] })
    const key = await h.key({ role: role.id })
    const admin = await quickAdministrator(h, { role: role.id })
    const session = await h.signIn(admin.username, admin.password)
    expectStatus(await h.get('/api/apikeys', { secret: key.secret }), 403)
    expectStatus(await h.get('/api/apikeys', { session }), 403)

    expectStatus(await modify(role.id, { rights: { platformRights: { apikeyRights: { canViewApiKeys: true } } } }), 200)
    expectStatus(await h.get('/api/apikeys', { secret: key.secret }), 200)
    expectStatus(await h.get('/api/apikeys', { session }), 200)

    expectStatus(await modify(role.id, { rights: { platformRights: { apikeyRights: { canViewApiKeys: false } } } }), 200)
    expectStatus(await h.get('/api/apikeys', { secret: key.secret }), 403)
    expectStatus(await h.get('/api/apikeys', { session }), 403)
  })

  it('cuts a key off the web service and a session off the console when the role stops allowing them', async () => {
    const role = await h.role({ rights: ['apikeyRights.canViewApiKeys'] })
    const key = await h.key({ role: role.id })
    const admin = await quickAdministrator(h, { role: role.id })
    const session = await h.signIn(admin.username, admin.password)
    expectStatus(await modify(role.id, { allowWebService: false, allowUserInterface: false }), 200)
    const byKey = await h.get('/api/apikeys', { secret: key.secret })
    expectStatus(byKey, 403)
    expect(byKey.body.code).toBe('auth.web_service_denied')
    const bySession = await h.get('/api/apikeys', { session })
    expectStatus(bySession, 403)
    expect(bySession.body.code).toBe('auth.user_interface_denied')
  })

  it('modifies a role from a console session, audited as the administrator', async () => {
    const session = await h.signInAsAdmin()
    const role = await h.role({ name: 'Session Edited' })
    const { result: res, entries } = await withAudit(h, () =>
      h.post(`/api/roles/${role.id}`, { session, body: { canOnlyManipulateUsersWithEqualOrLesserRights: true } }),
    )
    expectStatus(res, 200)
    expect((await roleRow(h, role.id))?.can_only_manipulate_equal_or_lesser).toBe(1)
    expect(entries).toMatchObject([
      {
        action: 'role.modify',
        actorType: 'administrator',
        actorName: 'admin',
        resourceID: role.id,
        changes: { canOnlyManipulateUsersWithEqualOrLesserRights: { from: false, to: true } },
      },
    ])
  })
})
