import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles search (happy)`, () => {
  let h: Harness
  let ids: Record<'operator' | 'viewer' | 'console' | 'bound', number>

  const search = async (body?: unknown) => {
    const res = await h.post('/api/roles/search', { secret: h.keys.fullAccess.secret, body })
    expectStatus(res, 200)
    expect(Object.keys(res.body)).toEqual(['roles'])
    return res
  }
  const names = async (body?: unknown) => ((await search(body)).body.roles as any[]).map((role) => role.name as string)

  beforeAll(async () => {
    h = await Harness.start()
    ids = {
      operator: (await h.role({ name: 'Key Operator', rights: ['apikeyRights.canCreateNewApiKeys'] })).id,
      viewer: (await h.role({ name: 'Key Viewer', rights: ['apikeyRights.canViewApiKeys'], allowUserInterface: false })).id,
      console: (await h.role({ name: 'Console Only', allowWebService: false })).id,
      bound: (await h.role({ name: 'Bound Manager', rights: ['administratorRights.canEditAdministratorProperties'], equalOrLesser: true })).id,
    }
    await h.app.context.services.roles.modify(h.system, ids.viewer, { description: 'Reads keys: 100% read-only' })
  })
  afterAll(() => h.close())

  it('returns every role, by ID, with no criteria (and with no body)', async () => {
    const all = ['Full Access', 'Auditor', 'Key Operator', 'Key Viewer', 'Console Only', 'Bound Manager']
    expect(await names({})).toEqual(all)
    expect(await names()).toEqual(all)
    const full = (await search({ searchCriteria: [{ idValue: 1 }] })).body.roles[0]
    expect(full).toMatchObject({ ID: 1, name: 'Full Access', immutable: true, urn: 'urn:keyward:identity::0:role/Full Access' })
  })

  it('matches name with wildcards (case-insensitive) and exactly without them', async () => {
    expect(await names({ searchCriteria: [{ fieldName: 'name', stringValue: 'key %' }] })).toEqual(['Key Operator', 'Key Viewer'])
    expect(await names({ searchCriteria: [{ fieldName: 'name', stringValue: 'KEY VIEWER' }] })).toEqual(['Key Viewer'])
    expect(await names({ searchCriteria: [{ fieldName: 'name', stringValue: 'KEY VIEWER', stringWildcards: false }] })).toEqual([])
    expect(await names({ searchCriteria: [{ fieldName: 'name', stringTest: 'not-equal', stringValue: '% %' }] })).toEqual(['Auditor'])
  })

  it('matches description, a literal % included when wildcards are off', async () => {
    expect(await names({ searchCriteria: [{ fieldName: 'description', stringValue: '%100%read%' }] })).toEqual(['Key Viewer'])
    expect(await names({ searchCriteria: [{ fieldName: 'description', stringValue: '' }] })).toEqual(['Key Operator', 'Console Only', 'Bound Manager'])
    expect(await names({ searchCriteria: [{ fieldName: 'description', stringValue: 'Reads keys: 100% read-only', stringWildcards: false }] })).toEqual([
      'Key Viewer',
    ])
  })

  it('matches the boolean fields', async () => {
    expect(await names({ searchCriteria: [{ fieldName: 'immutable', booleanTest: true }] })).toEqual(['Full Access', 'Auditor'])
    expect(await names({ searchCriteria: [{ fieldName: 'canOnlyManipulateUsersWithEqualOrLesserRights' }] })).toEqual(['Bound Manager'])
    expect(await names({ searchCriteria: [{ fieldName: 'allowUserInterface', booleanTest: false }] })).toEqual(['Key Viewer'])
    expect(await names({ searchCriteria: [{ fieldName: 'allowWebService', booleanTest: false }] })).toEqual(['Console Only'])
  })

  it('matches IDs with every comparison, and combines criteria (all must match)', async () => {
    expect(
      await names({
        searchCriteria: [
          { idTest: 'greater-than', idValue: 2 },
          { fieldName: 'name', stringValue: 'Key%' },
        ],
      }),
    ).toEqual(['Key Operator', 'Key Viewer'])
    expect(await names({ searchCriteria: [{ idTest: 'less-than-or-equal', idValue: 2 }] })).toEqual(['Full Access', 'Auditor'])
    expect(await names({ searchCriteria: [{ idTest: 'not-equal', idValue: 1 }, { fieldName: 'allowWebService' }] })).toEqual([
      'Auditor',
      'Key Operator',
      'Key Viewer',
      'Bound Manager',
    ])
  })

  it('pages with maxItems and offset, sorts by a field, and counts the total on request', async () => {
    expect(await names({ maxItems: 2 })).toEqual(['Full Access', 'Auditor'])
    expect(await names({ maxItems: 2, offset: 2 })).toEqual(['Key Operator', 'Key Viewer'])
    expect(await names({ sortField: 'name' })).toEqual(['Auditor', 'Bound Manager', 'Console Only', 'Full Access', 'Key Operator', 'Key Viewer'])
    expect(await names({ sortByObjectID: true, sortDescending: true, maxItems: 1 })).toEqual(['Bound Manager'])
    const counted = await search({ searchCriteria: [{ fieldName: 'name', stringValue: 'Key%' }], maxItems: 1, countTotal: true })
    expect(counted.headers['x-total-count']).toBe('2')
    expect(counted.body.roles).toHaveLength(1)
    expect((await search({})).headers['x-total-count']).toBeUndefined()
  })

  it('pages through all roles with idTest greater-than the last ID seen', async () => {
    const seen: string[] = []
    let last = 0
    for (;;) {
      const page = (await search({ searchCriteria: [{ idTest: 'greater-than', idValue: last }], sortByObjectID: true, maxItems: 4 })).body.roles as any[]
      if (page.length === 0) break
      seen.push(...page.map((role) => role.name))
      last = page.at(-1).ID
    }
    expect(seen).toEqual(['Full Access', 'Auditor', 'Key Operator', 'Key Viewer', 'Console Only', 'Bound Manager'])
  })
})
