import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withAudit } from '../helpers/audit-log.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles delete (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('deletes a role nobody holds, answers 200 with no body, and audits it', async () => {
    const role = await h.role({ name: 'Short-lived', rights: ['apikeyRights.canViewApiKeys'] })
    const { result: res, entries } = await withAudit(h, () => h.delete(`/api/roles/${role.id}`, { secret: h.keys.fullAccess.secret }))
    expectStatus(res, 200)
    expect(res.text).toBe('')
    expect(await roleRow(h, role.id)).toBeUndefined()
    expectStatus(await h.get(`/api/roles/${role.id}`, { secret: h.keys.fullAccess.secret }), 404)
    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'apikey',
        actorID: h.keys.fullAccess.id,
        actorName: 'harness-full-access',
        action: 'role.delete',
        resourceType: 'role',
        resourceID: role.id,
        resourceName: 'Short-lived',
        changes: {},
        address: '127.0.0.1',
      },
    ])
  })

  it('deletes a role once its last holders have moved to another role', async () => {
    const role = await h.role({ name: 'Emptied' })
    const key = await h.key({ role: role.id })
    const admin = await quickAdministrator(h, { role: role.id })
    expectStatus(await h.delete(`/api/roles/${role.id}`, { secret: h.keys.fullAccess.secret }), 409)
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { roleID: 2 } }), 200)
    expectStatus(await h.post(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret, body: { roleID: 2 } }), 200)
    expectStatus(await h.delete(`/api/roles/${role.id}`, { secret: h.keys.fullAccess.secret }), 200)
    expect(await roleRow(h, role.id)).toBeUndefined()
  })

  it('deletes a role from a console session; the name is free again', async () => {
    const session = await h.signInAsAdmin()
    const role = await h.role({ name: 'Reusable' })
    const { result: res, entries } = await withAudit(h, () => h.delete(`/api/roles/${role.id}`, { session }))
    expectStatus(res, 200)
    expect(entries).toMatchObject([{ action: 'role.delete', actorType: 'administrator', actorName: 'admin', resourceID: role.id, resourceName: 'Reusable' }])
    expectStatus(await h.post('/api/roles', { session, body: { name: 'Reusable' } }), 200)
  })
})
