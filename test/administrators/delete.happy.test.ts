import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withAudit } from '../helpers/audit-log.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow, sessionCount } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators delete (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('deletes an administrator, answers 200 with no body, ends its sessions and audits it', async () => {
    const admin = await quickAdministrator(h, { role: 2, username: 'leaving' })
    const session = await h.signIn(admin.username, admin.password)
    const { result: res, entries } = await withAudit(h, () => h.delete(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret }))
    expectStatus(res, 200)
    expect(res.text).toBe('')
    expect(await administratorRow(h, admin.id)).toBeUndefined()
    expect(await sessionCount(h, admin.id)).toBe(0)
    expectStatus(await h.get('/api/session', { session }), 401)
    expectStatus(await h.get(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret }), 404)
    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'apikey',
        actorID: h.keys.fullAccess.id,
        actorName: 'harness-full-access',
        action: 'administrator.delete',
        resourceType: 'administrator',
        resourceID: admin.id,
        resourceName: 'leaving',
        changes: {},
        address: '127.0.0.1',
      },
    ])
  })

  it('deletes a Full Access administrator while another active one remains, from a session', async () => {
    const session = await h.signInAsAdmin()
    const second = await quickAdministrator(h, { role: 1 })
    const { result: res, entries } = await withAudit(h, () => h.delete(`/api/administrators/${second.id}`, { session }))
    expectStatus(res, 200)
    expect(await administratorRow(h, second.id)).toBeUndefined()
    expect(entries).toMatchObject([{ action: 'administrator.delete', actorType: 'administrator', actorID: 1, resourceID: second.id }])
  })

  it('frees the username: a new administrator may take it', async () => {
    const admin = await quickAdministrator(h, { username: 'recycled' })
    expectStatus(await h.delete(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret }), 200)
    const res = await h.post('/api/administrators', {
      secret: h.keys.fullAccess.secret,
      body: { username: 'recycled', password: 'Recycled-passw0rd', roleID: 2 },
    })
    expectStatus(res, 200)
    expect(res.body.ID).not.toBe(admin.id)
  })
})
