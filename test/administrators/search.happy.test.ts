import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators search (happy)`, () => {
  let h: Harness
  let ids: Record<'alice' | 'bob' | 'carol', number>
  let bobCreated: number

  const names = async (body?: unknown) => {
    const res = await h.post('/api/administrators/search', { secret: h.keys.fullAccess.secret, body })
    expectStatus(res, 200)
    expect(Object.keys(res.body)).toEqual(['administrators'])
    expect(res.text).not.toMatch(/scrypt\$/)
    return (res.body.administrators as any[]).map((a) => a.username as string)
  }

  beforeAll(async () => {
    h = await Harness.start()
    h.clock.advance(10_000)
    const alice = await quickAdministrator(h, { role: 1, username: 'srch-alice' })
    h.clock.advance(10_000)
    bobCreated = h.clock()
    const bob = await quickAdministrator(h, { role: 2, username: 'srch-bob', active: false })
    h.clock.advance(10_000)
    const carol = await quickAdministrator(h, { role: 2, username: 'srch-Carol' })
    ids = { alice: alice.id, bob: bob.id, carol: carol.id }
    await h.app.context.services.administrators.modify(h.system, carol.id, {
      fullName: 'Carol Jones',
      emailAddress: 'carol@example.com',
      locale: 'ja-JP',
      timeFormat: '12',
    })
    expectStatus(await h.post('/api/session', { body: { username: 'srch-alice', password: 'wrong-passw0rd' } }), 401)
  })
  afterAll(() => h.close())

  it('returns all administrators without criteria', async () => {
    expect(await names({})).toEqual(['admin', 'srch-alice', 'srch-bob', 'srch-Carol'])
  })

  it('matches strings: username, fullName, emailAddress', async () => {
    expect(await names({ searchCriteria: [{ fieldName: 'username', stringValue: 'srch-%' }] })).toEqual(['srch-alice', 'srch-bob', 'srch-Carol'])
    expect(await names({ searchCriteria: [{ fieldName: 'username', stringValue: 'SRCH-CAROL' }] })).toEqual(['srch-Carol'])
    expect(await names({ searchCriteria: [{ fieldName: 'fullName', stringValue: '%jones' }] })).toEqual(['srch-Carol'])
    expect(await names({ searchCriteria: [{ fieldName: 'emailAddress', stringValue: '%@example.com' }] })).toEqual(['srch-Carol'])
  })

  it('matches numbers, booleans and choices: roleID, active, unsuccessfulSignInAttempts, locale, timeFormat, mfaType', async () => {
    expect(await names({ searchCriteria: [{ fieldName: 'roleID', numericValue: 2 }] })).toEqual(['srch-bob', 'srch-Carol'])
    expect(await names({ searchCriteria: [{ fieldName: 'active', booleanTest: false }] })).toEqual(['srch-bob'])
    expect(await names({ searchCriteria: [{ fieldName: 'unsuccessfulSignInAttempts', numericTest: 'greater-than', numericValue: 0 }] })).toEqual(['srch-alice'])
    expect(await names({ searchCriteria: [{ fieldName: 'locale', choiceValue: 'ja-JP' }] })).toEqual(['srch-Carol'])
    expect(await names({ searchCriteria: [{ fieldName: 'timeFormat', choiceTest: 'not-equal', choiceValue: '12' }] })).toEqual([
      'admin',
      'srch-alice',
      'srch-bob',
    ])
    expect(await names({ searchCriteria: [{ fieldName: 'mfaType', choiceValue: 'local-totp' }] })).toEqual([])
  })

  it('matches dates and nulls: created, lastSignIn', async () => {
    expect(await names({ searchCriteria: [{ fieldName: 'created', firstDateValue: bobCreated }] })).toEqual(['srch-bob', 'srch-Carol'])
    expect(
      await names({
        searchCriteria: [
          { fieldName: 'created', lastDateValue: bobCreated, lastDateInclusive: false },
          { fieldName: 'username', stringValue: 'srch-%' },
        ],
      }),
    ).toEqual(['srch-alice'])
    expect(await names({ searchCriteria: [{ fieldName: 'lastSignIn', nullTest: false }] })).toEqual([])
    expect(await names({ searchCriteria: [{ fieldName: 'lastSignIn', nullTest: true }] })).toHaveLength(4)
  })

  it('matches IDs, pages and counts', async () => {
    expect(await names({ searchCriteria: [{ idTest: 'greater-than-or-equal', idValue: ids.bob }] })).toEqual(['srch-bob', 'srch-Carol'])
    expect(await names({ maxItems: 1, offset: 1 })).toEqual(['srch-alice'])
    expect(await names({ searchCriteria: [{ fieldName: 'roleID', numericValue: 2 }], sortField: 'username', sortDescending: true })).toEqual([
      'srch-bob',
      'srch-Carol',
    ])
    expect(await names({ searchCriteria: [{ fieldName: 'active' }], sortField: 'created', sortDescending: true, maxItems: 2 })).toEqual([
      'srch-Carol',
      'srch-alice',
    ])
    const res = await h.post('/api/administrators/search', { secret: h.keys.fullAccess.secret, body: { countTotal: true, maxItems: 0 } })
    expectStatus(res, 200)
    expect(res.body.administrators).toEqual([])
    expect(res.headers['x-total-count']).toBe('4')
    expect(ids.alice).toBeLessThan(ids.carol)
  })

  it('sorts by the role name (roleName): Auditor before Full Access, ties by ID', async () => {
    expect(await names({ sortField: 'roleName' })).toEqual(['srch-bob', 'srch-Carol', 'admin', 'srch-alice'])
    expect(await names({ sortField: 'roleName', sortDescending: true, maxItems: 2 })).toEqual(['srch-alice', 'admin'])
  })
})
