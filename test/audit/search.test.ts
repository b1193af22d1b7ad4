import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: auditevents search`, () => {
  let h: Harness
  let actor: TestKey
  let start: number
  let middle: number
  let end: number
  let roleId: number

  const search = async (body: unknown) => {
    const res = await h.post('/api/auditevents/search', { secret: h.keys.fullAccess.secret, body })
    expectStatus(res, 200)
    return res
  }
  const actions = async (...criteria: unknown[]) =>
    ((await search({ searchCriteria: [ownEntries(), ...criteria] })).body.auditEvents as any[]).map((e) => e.action as string)
  /** The entries written by beforeAll, and none of those the other tests write. */
  const ownEntries = () => ({ fieldName: 'time', firstDateValue: start, lastDateValue: end })

  beforeAll(async () => {
    h = await Harness.start({ trustProxy: '127.0.0.1' })
    actor = await h.key({ name: 'search-actor' })
    h.clock.advance(1000)
    start = h.clock()
    const headers = { 'x-forwarded-for': '192.0.2.44' }
    const created = await h.post('/api/roles', { secret: actor.secret, headers, body: { name: 'Searched Role' } })
    roleId = created.body.ID
    h.clock.advance(60_000)
    middle = h.clock()
    expectStatus(await h.post(`/api/roles/${roleId}`, { secret: actor.secret, body: { description: 'changed' } }), 200)
    const admin = await quickAdministrator(h, { username: 'searched-admin' })
    await h.signIn(admin.username, QUICK_PASSWORD)
    expectStatus(await h.post('/api/session', { body: { username: 'searched-admin', password: 'Wrong-passw0rd' } }), 401)
    end = h.clock()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/auditevents/search',
    body: () => ({ searchCriteria: [{ fieldName: 'action', stringValue: 'role.%' }] }),
    right: 'auditEventRights.canViewAuditEvents',
    deniedMessage: 'Not authorized to view the audit log.',
  })

  it('returns matching entries oldest first (by ID), like every search', async () => {
    expect(await actions()).toEqual(['role.create', 'role.modify', 'session.sign_in', 'session.sign_in_failed'])
  })

  it('filters by action and resourceName (strings, wildcards)', async () => {
    expect(await actions({ fieldName: 'action', stringValue: 'role.%' })).toEqual(['role.create', 'role.modify'])
    expect(await actions({ fieldName: 'action', stringValue: 'session.sign_in', stringWildcards: false })).toEqual(['session.sign_in'])
    expect(await actions({ fieldName: 'resourceName', stringValue: 'searched %' })).toEqual(['role.create', 'role.modify'])
  })

  it('filters by actorType and resourceType (choices), actorID and resourceID (numbers)', async () => {
    expect(await actions({ fieldName: 'actorType', choiceValue: 'anonymous' })).toEqual(['session.sign_in_failed'])
    expect(await actions({ fieldName: 'resourceType', choiceValue: 'session' })).toEqual(['session.sign_in', 'session.sign_in_failed'])
    expect(await actions({ fieldName: 'actorID', numericValue: actor.id }, { fieldName: 'actorType', choiceValue: 'apikey' })).toEqual([
      'role.create',
      'role.modify',
    ])
    expect(await actions({ fieldName: 'resourceID', numericValue: roleId }, { fieldName: 'resourceType', choiceValue: 'role' })).toEqual([
      'role.create',
      'role.modify',
    ])
  })

  it('filters by time (dates) and by address', async () => {
    expect(await actions({ fieldName: 'time', lastDateValue: middle, lastDateInclusive: false })).toEqual(['role.create'])
    expect(await actions({ fieldName: 'time', firstDateValue: middle })).toEqual(['role.modify', 'session.sign_in', 'session.sign_in_failed'])
    expect(await actions({ fieldName: 'address', stringValue: '192.0.2.44' })).toEqual(['role.create'])
    expect(await actions({ fieldName: 'address', stringTest: 'not-equal', stringValue: '192.0.2.44' })).toEqual([
      'role.modify',
      'session.sign_in',
      'session.sign_in_failed',
    ])
  })

  it('sorts newest first on request, pages, and counts', async () => {
    const res = await search({ searchCriteria: [ownEntries()], sortByObjectID: true, sortDescending: true, maxItems: 2, countTotal: true })
    expect(res.body.auditEvents.map((e: any) => e.action)).toEqual(['session.sign_in_failed', 'session.sign_in'])
    expect(res.headers['x-total-count']).toBe('4')
    const page2 = await search({ searchCriteria: [ownEntries()], maxItems: 2, offset: 2 })
    expect(page2.body.auditEvents.map((e: any) => e.action)).toEqual(['session.sign_in', 'session.sign_in_failed'])
  })

  it('refuses fields an entry does not have, or cannot be searched by (400)', async () => {
    for (const field of ['changes', 'secretKey', 'password']) {
      const res = await expectRefusal(
        h,
        () => h.post('/api/auditevents/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria: [{ fieldName: field, stringValue: '%' }] } }),
        400,
        'search.field_unknown',
      )
      expect(res.body.message).toContain(`'${field}'`)
    }
    await expectRefusal(
      h,
      () =>
        h.post('/api/auditevents/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria: [{ fieldName: 'actorType', choiceValue: 'robot' }] } }),
      400,
      'request.field_enum',
    )
    await expectRefusal(
      h,
      () => h.post('/api/auditevents/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria: [{ fieldName: 'time', booleanTest: true }] } }),
      400,
      'search.test_mismatch',
    )
  })

  it('is readable by the Auditor, refused to a role without canViewAuditEvents', async () => {
    expectStatus(await h.post('/api/auditevents/search', { secret: h.keys.auditor.secret, body: {} }), 200)
    const key = await h.key({ role: (await h.role({ rights: ['apikeyRights.canViewApiKeys'] })).id })
    await expectRefusal(h, () => h.post('/api/auditevents/search', { secret: key.secret, body: {} }), 403, 'audit.view_denied')
  })
})
