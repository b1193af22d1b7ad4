import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentedOperations } from '../helpers/documented-operations.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: audit entries cannot be changed or deleted through any API`, () => {
  let h: Harness
  let id: number
  beforeAll(async () => {
    h = await Harness.start()
    expectStatus(await h.post('/api/roles', { secret: h.keys.fullAccess.secret, body: { name: 'Leaves a trace' } }), 200)
    const res = await h.get('/api/auditevents', { secret: h.keys.fullAccess.secret })
    id = res.body.auditEvents[0].ID
  })
  afterAll(() => h.close())

  const rows = () => h.db.selectFrom('audit_events').selectAll().orderBy('id').execute()

  it.each(['PUT', 'POST', 'DELETE', 'PATCH'] as const)(
    '%s /api/auditevents/{id} is 404, with Full Access and from a session, and changes nothing',
    async (method) => {
      const before = await rows()
      const session = await h.signInAsAdmin()
      const afterSignIn = await rows()
      expect(afterSignIn.length).toBe(before.length + 1)
      for (const credentials of [{ secret: h.keys.fullAccess.secret }, { session }]) {
        const res = await h.request(method, `/api/auditevents/${id}`, { ...credentials, body: { action: 'nothing.happened', actorName: 'nobody' } })
        expectStatus(res, 404)
        expect(res.body).toEqual({ code: 'request.route_not_found', message: `There is no ${method} /api/auditevents/${id}.` })
      }
      expect(await rows()).toEqual(afterSignIn)
    },
  )

  it('DELETE /api/auditevents (the whole log) is 404 too', async () => {
    const before = await rows()
    const res = await h.delete('/api/auditevents', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 404)
    expect(await rows()).toEqual(before)
  })

  it('the OpenAPI document offers no operation on the audit log but reading it', async () => {
    const audit = (await documentedOperations(h)).filter((o) => o.path.startsWith('/auditevents'))
    expect(audit.map((o) => `${o.method} ${o.path}`).sort()).toEqual(['GET /auditevents', 'POST /auditevents/search'])
  })

  it('a search cannot change entries: the same filter twice returns the same entries', async () => {
    const body = { searchCriteria: [{ idValue: id }] }
    const first = await h.post('/api/auditevents/search', { secret: h.keys.fullAccess.secret, body })
    const second = await h.post('/api/auditevents/search', { secret: h.keys.fullAccess.secret, body })
    expectStatus(first, 200)
    expect(first.body.auditEvents).toHaveLength(1)
    expect(second.body).toEqual(first.body)
  })
})
