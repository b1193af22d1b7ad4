import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: auditevents list`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'GET',
    url: () => '/api/auditevents',
    right: 'auditEventRights.canViewAuditEvents',
    deniedMessage: 'Not authorized to view the audit log.',
  })

  it('lists entries newest first, as stored, in the documented shape', async () => {
    const role = await h.post('/api/roles', { secret: h.keys.fullAccess.secret, body: { name: 'Listed' } })
    expectStatus(role, 200)
    expectStatus(await h.delete(`/api/roles/${role.body.ID}`, { secret: h.keys.fullAccess.secret }), 200)
    const res = await h.get('/api/auditevents', { secret: h.keys.auditor.secret })
    expectStatus(res, 200)
    expect(Object.keys(res.body)).toEqual(['auditEvents'])
    const [newest, previous] = res.body.auditEvents
    expect(newest).toEqual({
      ID: expect.any(Number),
      time: expect.any(Number),
      actorType: 'apikey',
      actorID: h.keys.fullAccess.id,
      actorName: 'harness-full-access',
      action: 'role.delete',
      resourceType: 'role',
      resourceID: role.body.ID,
      resourceName: 'Listed',
      changes: {},
      address: '127.0.0.1',
    })
    expect(previous).toMatchObject({ action: 'role.create', resourceID: role.body.ID, changes: { name: { to: 'Listed' } } })
    expect(previous.ID).toBeLessThan(newest.ID)
    const ids = res.body.auditEvents.map((e: any) => e.ID)
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a))
    // The harness made its two keys through the service: those are the oldest entries.
    expect(res.body.auditEvents.at(-1)).toMatchObject({ action: 'apikey.create', actorType: 'system', resourceName: 'harness-full-access' })
    expect(res.body.auditEvents.at(-1)).not.toHaveProperty('actorID')
  })

  it('is readable by the Auditor role and by a role with only canViewAuditEvents, from a key or a session', async () => {
    const reader = await h.role({ rights: ['auditEventRights.canViewAuditEvents'] })
    expectStatus(await h.get('/api/auditevents', { secret: (await h.key({ role: reader.id })).secret }), 200)
    const admin = await quickAdministrator(h, { role: 2 })
    const session = await h.signIn(admin.username, admin.password)
    const res = await h.get('/api/auditevents', { session })
    expectStatus(res, 200)
    expect(res.body.auditEvents[0]).toMatchObject({ action: 'session.sign_in', actorID: admin.id })
  })

  it('records the socket address, not a client-supplied X-Forwarded-For, when no proxy is trusted', async () => {
    const res = await h.post('/api/roles', { secret: h.keys.fullAccess.secret, headers: { 'x-forwarded-for': '198.51.100.99' }, body: { name: 'Spoofed' } })
    expectStatus(res, 200)
    const list = await h.get('/api/auditevents', { secret: h.keys.fullAccess.secret })
    expect(list.body.auditEvents[0]).toMatchObject({ action: 'role.create', resourceID: res.body.ID, address: '127.0.0.1' })
  })

  it('is refused to a role with every other right (403, in the model API style)', async () => {
    const role = await h.role({
      rights: ['apikeyRights.canViewApiKeys', 'administratorRights.canViewAdministrators', 'administratorRoleRights.canViewAdministratorRoles'],
    })
    const key = await h.key({ role: role.id })
    await expectRefusal(h, () => h.get('/api/auditevents', { secret: key.secret }), 403, 'audit.view_denied', 'Not authorized to view the audit log.')
  })
})
