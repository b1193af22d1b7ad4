import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_RIGHTS } from '../../src/roles/rights.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { BAD_PATH_IDS } from '../helpers/bad-path-ids.js'
import { expectRefusal } from '../helpers/refusal.js'

describe(`${testEngine()}: roles describe`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'GET',
    url: () => '/api/roles/2',
    right: 'administratorRoleRights.canViewAdministratorRoles',
    deniedMessage: 'Not authorized to view administrator roles.',
  })

  it('describes a role by ID as the list shows it', async () => {
    const listed = await h.get('/api/roles', { secret: h.keys.fullAccess.secret })
    for (const id of [1, 2]) {
      const res = await h.get(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret })
      expectStatus(res, 200)
      expect(res.body).toEqual(listed.body.roles.find((r: any) => r.ID === id))
    }
  })

  it('describes Full Access as immutable, with every right true', async () => {
    const res = await h.get('/api/roles/1', { secret: h.keys.auditor.secret })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: 1, name: 'Full Access', immutable: true })
    const leaves = Object.values(res.body.rights.platformRights as Record<string, Record<string, boolean>>).flatMap((g) => Object.values(g))
    expect(leaves).toHaveLength(ALL_RIGHTS.length)
    expect(leaves.every((v) => v === true)).toBe(true)
  })

  it('describes the Auditor with exactly the three canView rights in the identity groups', async () => {
    const res = await h.get('/api/roles/2', { secret: h.keys.auditor.secret })
    expectStatus(res, 200)
    expect(res.body.rights.platformRights).toMatchObject({
      apikeyRights: { canCreateNewApiKeys: false, canDeleteApiKeys: false, canEditApiKeyProperties: false, canViewApiKeys: true, canVerifyApiKeys: false },
      administratorRights: {
        canCreateNewAdministrators: false,
        canDeleteAdministrators: false,
        canEditAdministratorProperties: false,
        canViewAdministrators: true,
      },
      administratorRoleRights: {
        canCreateNewAdministratorRoles: false,
        canDeleteAdministratorRoles: false,
        canEditAdministratorRoleProperties: false,
        canViewAdministratorRoles: true,
      },
    })
  })

  it('describes a custom role', async () => {
    const role = await h.role({
      name: 'described-role',
      rights: ['apikeyRights.canViewApiKeys', 'apikeyRights.canCreateNewApiKeys'],
      allowUserInterface: false,
    })
    const res = await h.get(`/api/roles/${role.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: role.id, name: 'described-role', description: '', immutable: false, allowUserInterface: false, allowWebService: true })
    expect(res.body.rights.platformRights.apikeyRights).toEqual({
      canCreateNewApiKeys: true,
      canDeleteApiKeys: false,
      canEditApiKeyProperties: false,
      canViewApiKeys: true,
      canVerifyApiKeys: false,
    })
  })

  describe('errors', () => {
    const expectRefused = async (id: string, status: number, code: string) => {
      return expectRefusal(h, () => h.get(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret }), status, code)
    }

    it('answers 404 "The administrator role does not exist." for an ID no role has', async () => {
      const res = await expectRefused('4242', 404, 'role.not_found')
      expect(res.body.message).toBe('The administrator role does not exist.')
    })

    it('answers the 404 in the language of the key (ja-JP)', async () => {
      const key = await h.key({ role: 2, locale: 'ja-JP' })
      const res = await h.get('/api/roles/4242', { secret: key.secret })
      expectStatus(res, 404)
      expect(res.body).toEqual({ code: 'role.not_found', message: '管理者の役割が存在しません。' })
    })

    it.each(BAD_PATH_IDS)('answers 400 naming roleID for the ID "%s"', async (id, code) => {
      const res = await expectRefused(id, 400, code)
      expect(res.body.message).toContain("'roleID'")
    })

    it('refuses a role without the right with 403, for existing and missing roles alike', async () => {
      const role = await h.role({ rights: ALL_RIGHTS.filter((r) => r !== 'administratorRoleRights.canViewAdministratorRoles') })
      const key = await h.key({ role: role.id })
      for (const id of [1, 4242]) {
        const res = await h.get(`/api/roles/${id}`, { secret: key.secret })
        expectStatus(res, 403)
        expect(res.body).toEqual({ code: 'role.view_denied', message: 'Not authorized to view administrator roles.' })
      }
    })
  })

  it('lets the Auditor describe roles', async () => {
    const res = await h.get('/api/roles/1', { secret: h.keys.auditor.secret })
    expectStatus(res, 200)
    expect(res.body.name).toBe('Full Access')
  })
})
