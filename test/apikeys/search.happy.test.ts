import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import type { KyselyPlugin } from 'kysely'
import { toApiKeyRecord } from '../../src/apikeys/api-key.js'
import { API_KEY_SEARCH } from '../../src/apikeys/store.js'
import type { SearchFilter } from '../../src/search/schema.js'
import { searchableTable } from '../../src/store/searchable-table.js'
import type { Store } from '../../src/store/store.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

type Criterion = Record<string, unknown>

const DAY = 86_400_000

describe(`${testEngine()}: apikeys search (happy)`, () => {
  let h: Harness
  /** The keys every test searches among (all named `srch-…`), in ID order. */
  let k: Record<'alpha' | 'beta' | 'gamma_1' | 'gammaX1' | 'delta', TestKey>
  let customRoleId: number

  const search = async (body?: unknown) => {
    const res = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body })
    expectStatus(res, 200)
    expect(Object.keys(res.body)).toEqual(['apiKeys'])
    for (const key of res.body.apiKeys) expect(key).not.toHaveProperty('secretKey')
    return res.body.apiKeys as any[]
  }

  /** Names of the `srch-…` keys matching the criteria, in the order returned. */
  const names = async (...criteria: Criterion[]) => {
    const keys = await search({ searchCriteria: [{ fieldName: 'keyName', stringValue: 'srch-%' }, ...criteria] })
    return keys.map((key) => key.keyName as string)
  }

  beforeAll(async () => {
    // Fewer than every key here: see the count test.
    h = await Harness.start({ searchCountLimit: 6 })
    customRoleId = (await h.role({ name: 'search-viewer', rights: ['apikeyRights.canViewApiKeys'] })).id
    const start = h.clock()
    const make = async (name: string, options: Parameters<Harness['key']>[0], description: string) => {
      h.clock.advance(10_000)
      const key = await h.key({ name, ...options })
      await h.app.context.services.apiKeys.modify(h.system, key.id, { description })
      return key
    }
    k = {
      alpha: await make('srch-alpha', { role: 1 }, 'first key'),
      beta: await make('srch-Beta', { role: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo', expiresAt: start + 10 * DAY }, 'second key'),
      gamma_1: await make('srch-gamma_1', { role: customRoleId, timeZone: 'America/New_York', expiresAt: start + 20 * DAY, locked: true }, '100% sure'),
      gammaX1: await make('srch-gammaX1', { role: 2, locale: 'ja-JP', timeZone: 'Europe/Paris' }, '100 percent'),
      delta: await make('srch-delta', { role: 1, expiresAt: start + 30 * DAY }, ''),
    }
    // Failed authentications: one for beta, three for gammaX1 (below the lock-out threshold).
    for (const [key, failures] of [
      [k.beta, 1],
      [k.gammaX1, 3],
    ] as const) {
      for (let i = 0; i < failures; i++) expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
    }
    await h.app.context.failures.settled()
    // Successful sign-ins for alpha and delta only.
    for (const key of [k.alpha, k.delta]) expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    await h.app.context.usage.flush()
  })
  afterAll(() => h.close())

  it('has the data set it expects', async () => {
    const rows = await h.db.selectFrom('api_keys').selectAll().where('key_name', 'like', 'srch-%').orderBy('id').execute()
    expect(rows.map((r) => [r.key_name, r.unsuccessful_sign_in_attempts, r.last_sign_in === null, r.active])).toEqual([
      ['srch-alpha', 0, false, 1],
      ['srch-Beta', 1, true, 1],
      ['srch-gamma_1', 0, true, 0],
      ['srch-gammaX1', 3, true, 1],
      ['srch-delta', 0, false, 1],
    ])
  })

  describe('string tests', () => {
    it('matches equal, ignoring ASCII case when wildcards are on (the default)', async () => {
      expect(await names({ fieldName: 'keyName', stringTest: 'equal', stringValue: 'srch-alpha' })).toEqual(['srch-alpha'])
      expect(await names({ fieldName: 'keyName', stringValue: 'SRCH-ALPHA' })).toEqual(['srch-alpha'])
      expect(await names({ fieldName: 'keyName', stringValue: 'srch-beta' })).toEqual(['srch-Beta'])
    })

    it('treats % as any run of characters and _ as any one character', async () => {
      expect(await names({ fieldName: 'keyName', stringValue: 'srch-gamma%' })).toEqual(['srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ fieldName: 'keyName', stringValue: 'srch-gamma_1' })).toEqual(['srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ fieldName: 'keyName', stringValue: '%A' })).toEqual(['srch-alpha', 'srch-Beta', 'srch-delta'])
      expect(await names({ fieldName: 'keyName', stringValue: 'srch-_____' })).toEqual(['srch-alpha', 'srch-delta'])
    })

    it('with stringWildcards: false, treats % and _ literally and matches exactly (case too)', async () => {
      expect(await names({ fieldName: 'keyName', stringValue: 'srch-gamma_1', stringWildcards: false })).toEqual(['srch-gamma_1'])
      expect(await names({ fieldName: 'keyName', stringValue: 'srch-gamma%', stringWildcards: false })).toEqual([])
      expect(await names({ fieldName: 'keyName', stringValue: 'SRCH-ALPHA', stringWildcards: false })).toEqual([])
      expect(await names({ fieldName: 'description', stringValue: '100% sure', stringWildcards: false })).toEqual(['srch-gamma_1'])
      expect(await names({ fieldName: 'description', stringValue: '100%', stringWildcards: false })).toEqual([])
      expect(await names({ fieldName: 'description', stringValue: '100%' })).toEqual(['srch-gamma_1', 'srch-gammaX1'])
    })

    it("matches contains (a Keyward extension, for the console's filters): anywhere, ignoring ASCII case; literal with stringWildcards: false", async () => {
      expect(await names({ fieldName: 'keyName', stringTest: 'contains', stringValue: 'GAMMA' })).toEqual(['srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ fieldName: 'keyName', stringTest: 'contains', stringValue: '_1' })).toEqual(['srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ fieldName: 'keyName', stringTest: 'contains', stringValue: '_1', stringWildcards: false })).toEqual(['srch-gamma_1'])
      expect(await names({ fieldName: 'keyName', stringTest: 'contains', stringValue: '_', stringWildcards: false })).toEqual(['srch-gamma_1'])
      expect(await names({ fieldName: 'description', stringTest: 'contains', stringValue: '0%', stringWildcards: false })).toEqual(['srch-gamma_1'])
      expect(await names({ fieldName: 'keyName', stringTest: 'contains', stringValue: 'A_1', stringWildcards: false })).toEqual(['srch-gamma_1'])
    })

    // On SQLite through a trigram table kept by triggers (migration 2026-12-04-20).
    it('finds a contained name as it is now: renamed, not by its old name; deleted, not at all', async () => {
      const contained = async (stringValue: string) =>
        (await search({ searchCriteria: [{ fieldName: 'keyName', stringTest: 'contains', stringValue }] })).map((x) => x.ID)
      const key = await h.key({ name: 'trigram-before' })
      expect(await contained('AM-BEF')).toEqual([key.id])
      await h.app.context.services.apiKeys.modify(h.system, key.id, { keyName: 'trigram-after' })
      expect(await contained('am-bef')).toEqual([])
      expect(await contained('am-aft')).toEqual([key.id])
      await h.app.context.services.apiKeys.delete(h.system, key.id)
      expect(await contained('am-aft')).toEqual([])
    })

    it('matches not-equal, with and without wildcards', async () => {
      expect(await names({ fieldName: 'keyName', stringTest: 'not-equal', stringValue: 'srch-alpha' })).toEqual([
        'srch-Beta',
        'srch-gamma_1',
        'srch-gammaX1',
        'srch-delta',
      ])
      expect(await names({ fieldName: 'keyName', stringTest: 'not-equal', stringValue: 'srch-gamma%' })).toEqual(['srch-alpha', 'srch-Beta', 'srch-delta'])
      expect(await names({ fieldName: 'keyName', stringTest: 'not-equal', stringValue: 'SRCH-BETA' })).toEqual([
        'srch-alpha',
        'srch-gamma_1',
        'srch-gammaX1',
        'srch-delta',
      ])
      expect(await names({ fieldName: 'keyName', stringTest: 'not-equal', stringValue: 'srch-gamma_1', stringWildcards: false })).toEqual([
        'srch-alpha',
        'srch-Beta',
        'srch-gammaX1',
        'srch-delta',
      ])
    })

    it('searches description, including the empty description', async () => {
      expect(await names({ fieldName: 'description', stringValue: '% key' })).toEqual(['srch-alpha', 'srch-Beta'])
      expect(await names({ fieldName: 'description', stringValue: '' })).toEqual(['srch-delta'])
    })

    it('searches timeZone', async () => {
      expect(await names({ fieldName: 'timeZone', stringValue: 'Asia/%' })).toEqual(['srch-Beta'])
      expect(await names({ fieldName: 'timeZone', stringValue: 'america/new_york' })).toEqual(['srch-gamma_1'])
      expect(await names({ fieldName: 'timeZone', stringValue: 'UTC' })).toEqual(['srch-alpha', 'srch-delta'])
    })

    it('ignores ASCII case only, on every engine: é does not match É', async () => {
      const key = await h.key({ name: 'Équipe-ascii-case' })
      const found = async (stringValue: string) => (await search({ searchCriteria: [{ fieldName: 'keyName', stringValue }] })).map((x) => x.ID)
      expect(await found('Équipe-ASCII-CASE')).toEqual([key.id])
      expect(await found('équipe-ascii-case')).toEqual([])
      const contained = async (stringValue: string) =>
        (await search({ searchCriteria: [{ fieldName: 'keyName', stringTest: 'contains', stringValue }] })).map((x) => x.ID)
      expect(await contained('QUIPE-ascii')).toEqual([key.id])
      expect(await contained('éQUIPE')).toEqual([])
      await h.app.context.services.apiKeys.delete(h.system, key.id)
    })

    it('matches a backslash literally, with or without wildcards', async () => {
      const key = await h.key({ name: 'back\\slash' })
      const found = async (criterion: Criterion) => (await search({ searchCriteria: [criterion] })).map((x) => x.ID)
      expect(await found({ fieldName: 'keyName', stringValue: 'back\\slash' })).toEqual([key.id])
      expect(await found({ fieldName: 'keyName', stringValue: 'BACK\\SLASH' })).toEqual([key.id])
      expect(await found({ fieldName: 'keyName', stringValue: 'back\\slash', stringWildcards: false })).toEqual([key.id])
      expect(await found({ fieldName: 'keyName', stringValue: 'back\\%' })).toEqual([key.id])
      await h.app.context.services.apiKeys.delete(h.system, key.id)
    })

    it('finds a prefix followed by any character, and nothing past it (PostgreSQL asks a range)', async () => {
      const keys = []
      for (const name of ['rng-z', 'rng-z\u{1F600}', 'rng-Z\uFFFF', 'rng-{', 'rng-\uD7FF', 'rng-\uD7FFa', 'rng-\uE000']) keys.push(await h.key({ name }))
      const found = async (stringValue: string) => (await search({ searchCriteria: [{ fieldName: 'keyName', stringValue }] })).map((x) => x.keyName as string)
      expect(await found('RNG-z%')).toEqual(['rng-z', 'rng-z\u{1F600}', 'rng-Z\uFFFF'])
      expect(await found('rng-\uD7FF%')).toEqual(['rng-\uD7FF', 'rng-\uD7FFa'])
      for (const key of keys) await h.app.context.services.apiKeys.delete(h.system, key.id)
    })
  })

  describe('numeric tests', () => {
    it.each([
      ['equal', ['srch-Beta', 'srch-gammaX1']],
      ['not-equal', ['srch-alpha', 'srch-gamma_1', 'srch-delta']],
      ['less-than', ['srch-alpha', 'srch-delta']],
      ['less-than-or-equal', ['srch-alpha', 'srch-Beta', 'srch-gammaX1', 'srch-delta']],
      ['greater-than', ['srch-gamma_1']],
      ['greater-than-or-equal', ['srch-Beta', 'srch-gamma_1', 'srch-gammaX1']],
    ])('roleID %s 2', async (test, expected) => {
      expect(await names({ fieldName: 'roleID', numericTest: test, numericValue: 2 })).toEqual(expected)
    })

    it('defaults to equal, and compares with a fraction as a number', async () => {
      expect(await names({ fieldName: 'roleID', numericValue: 1 })).toEqual(['srch-alpha', 'srch-delta'])
      expect(await names({ fieldName: 'roleID', numericTest: 'greater-than', numericValue: 1.5 })).toEqual(['srch-Beta', 'srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ fieldName: 'roleID', numericValue: customRoleId })).toEqual(['srch-gamma_1'])
    })

    it.each([
      ['equal', 1, ['srch-Beta']],
      ['not-equal', 0, ['srch-Beta', 'srch-gammaX1']],
      ['less-than', 1, ['srch-alpha', 'srch-gamma_1', 'srch-delta']],
      ['less-than-or-equal', 1, ['srch-alpha', 'srch-Beta', 'srch-gamma_1', 'srch-delta']],
      ['greater-than', 1, ['srch-gammaX1']],
      ['greater-than-or-equal', 1, ['srch-Beta', 'srch-gammaX1']],
    ])('unsuccessfulSignInAttempts %s %d', async (test, value, expected) => {
      expect(await names({ fieldName: 'unsuccessfulSignInAttempts', numericTest: test, numericValue: value })).toEqual(expected)
    })
  })

  describe('boolean tests', () => {
    it('finds active (true) and locked-out (false) keys; the test defaults to true', async () => {
      expect(await names({ fieldName: 'active', booleanTest: true })).toEqual(['srch-alpha', 'srch-Beta', 'srch-gammaX1', 'srch-delta'])
      expect(await names({ fieldName: 'active', booleanTest: false })).toEqual(['srch-gamma_1'])
      expect(await names({ fieldName: 'active' })).toEqual(['srch-alpha', 'srch-Beta', 'srch-gammaX1', 'srch-delta'])
    })

    it('searches serviceAccount, which is always false', async () => {
      expect(await names({ fieldName: 'serviceAccount', booleanTest: false })).toHaveLength(5)
      expect(await names({ fieldName: 'serviceAccount', booleanTest: true })).toEqual([])
    })
  })

  describe('choice tests', () => {
    it('finds keys by locale, equal (the default) and not-equal', async () => {
      expect(await names({ fieldName: 'locale', choiceTest: 'equal', choiceValue: 'ja-JP' })).toEqual(['srch-Beta', 'srch-gammaX1'])
      expect(await names({ fieldName: 'locale', choiceValue: 'ja-JP' })).toEqual(['srch-Beta', 'srch-gammaX1'])
      expect(await names({ fieldName: 'locale', choiceTest: 'not-equal', choiceValue: 'ja-JP' })).toEqual(['srch-alpha', 'srch-gamma_1', 'srch-delta'])
      expect(await names({ fieldName: 'locale', choiceValue: 'en-US' })).toEqual(['srch-alpha', 'srch-gamma_1', 'srch-delta'])
    })
  })

  describe('date tests', () => {
    it('finds keys created from a time on, inclusive (the default) or exclusive', async () => {
      const from = k.beta.record.created
      expect(await names({ fieldName: 'created', firstDateValue: from })).toEqual(['srch-Beta', 'srch-gamma_1', 'srch-gammaX1', 'srch-delta'])
      expect(await names({ fieldName: 'created', firstDateValue: from, firstDateInclusive: true })).toEqual([
        'srch-Beta',
        'srch-gamma_1',
        'srch-gammaX1',
        'srch-delta',
      ])
      expect(await names({ fieldName: 'created', firstDateValue: from, firstDateInclusive: false })).toEqual(['srch-gamma_1', 'srch-gammaX1', 'srch-delta'])
    })

    it('finds keys created up to a time, inclusive (the default) or exclusive', async () => {
      const to = k.gammaX1.record.created
      expect(await names({ fieldName: 'created', lastDateValue: to })).toEqual(['srch-alpha', 'srch-Beta', 'srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ fieldName: 'created', lastDateValue: to, lastDateInclusive: false })).toEqual(['srch-alpha', 'srch-Beta', 'srch-gamma_1'])
    })

    it('finds keys created within a range with both bounds', async () => {
      const range = { fieldName: 'created', firstDateValue: k.beta.record.created, lastDateValue: k.gammaX1.record.created }
      expect(await names(range)).toEqual(['srch-Beta', 'srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ ...range, firstDateInclusive: false, lastDateInclusive: false })).toEqual(['srch-gamma_1'])
      expect(await names({ ...range, firstDateInclusive: false })).toEqual(['srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ ...range, lastDateInclusive: false })).toEqual(['srch-Beta', 'srch-gamma_1'])
      expect(await names({ fieldName: 'created', firstDateValue: k.delta.record.created, lastDateValue: k.alpha.record.created })).toEqual([])
    })

    it('finds keys by expiryDate; keys without one never fall in a range', async () => {
      const gammaExpiry = k.gamma_1.record.expiryDate!
      expect(await names({ fieldName: 'expiryDate', firstDateValue: gammaExpiry })).toEqual(['srch-gamma_1', 'srch-delta'])
      expect(await names({ fieldName: 'expiryDate', lastDateValue: gammaExpiry, lastDateInclusive: false })).toEqual(['srch-Beta'])
      expect(await names({ fieldName: 'expiryDate', firstDateValue: 0 })).toEqual(['srch-Beta', 'srch-gamma_1', 'srch-delta'])
    })

    it('finds keys by lastSignIn', async () => {
      expect(await names({ fieldName: 'lastSignIn', firstDateValue: 0 })).toEqual(['srch-alpha', 'srch-delta'])
      const alphaSignIn = (await h.row(k.alpha.id))!.last_sign_in!
      expect(await names({ fieldName: 'lastSignIn', firstDateValue: alphaSignIn, lastDateValue: alphaSignIn })).toContain('srch-alpha')
      expect(await names({ fieldName: 'lastSignIn', firstDateValue: alphaSignIn, firstDateInclusive: false })).not.toContain('srch-alpha')
    })
  })

  describe('null tests', () => {
    it('finds keys with (false) and without (true) an expiryDate', async () => {
      expect(await names({ fieldName: 'expiryDate', nullTest: true })).toEqual(['srch-alpha', 'srch-gammaX1'])
      expect(await names({ fieldName: 'expiryDate', nullTest: false })).toEqual(['srch-Beta', 'srch-gamma_1', 'srch-delta'])
    })

    it('finds keys never used (true) and used (false) by lastSignIn', async () => {
      expect(await names({ fieldName: 'lastSignIn', nullTest: true })).toEqual(['srch-Beta', 'srch-gamma_1', 'srch-gammaX1'])
      expect(await names({ fieldName: 'lastSignIn', nullTest: false })).toEqual(['srch-alpha', 'srch-delta'])
    })

    it('finds no key with an unlockTime: a manual lock-out has none', async () => {
      expect(await names({ fieldName: 'unlockTime', nullTest: false })).toEqual([])
      expect(await names({ fieldName: 'unlockTime', nullTest: true })).toHaveLength(5)
    })
  })

  describe('ID tests', () => {
    it.each([
      ['equal', ['srch-gamma_1']],
      ['not-equal', ['srch-alpha', 'srch-Beta', 'srch-gammaX1', 'srch-delta']],
      ['less-than', ['srch-alpha', 'srch-Beta']],
      ['less-than-or-equal', ['srch-alpha', 'srch-Beta', 'srch-gamma_1']],
      ['greater-than', ['srch-gammaX1', 'srch-delta']],
      ['greater-than-or-equal', ['srch-gamma_1', 'srch-gammaX1', 'srch-delta']],
    ])('ID %s the middle key', async (test, expected) => {
      expect(await names({ idTest: test, idValue: k.gamma_1.id })).toEqual(expected)
    })

    it('defaults to equal, and accepts fieldName "ID"', async () => {
      expect(await names({ idValue: k.beta.id })).toEqual(['srch-Beta'])
      expect(await names({ fieldName: 'ID', idTest: 'equal', idValue: k.beta.id })).toEqual(['srch-Beta'])
    })

    it('compares IDs beyond int32 without error', async () => {
      expect(await names({ idTest: 'less-than', idValue: 9_007_199_254_740_991 })).toHaveLength(5)
      expect(await names({ idTest: 'greater-than', idValue: 3_000_000_000 })).toEqual([])
    })
  })

  describe('filters', () => {
    it('returns every key for no body, an empty filter and empty criteria, as the list does', async () => {
      const listed = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
      expectStatus(listed, 200)
      expect(listed.body.apiKeys.length).toBeGreaterThanOrEqual(7)
      const ids = listed.body.apiKeys.map((key: any) => key.ID)
      expect((await search()).map((key) => key.ID)).toEqual(ids)
      expect((await search({})).map((key) => key.ID)).toEqual(ids)
      expect((await search({ searchCriteria: [] })).map((key) => key.ID)).toEqual(ids)
      const withType = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, headers: { 'content-type': 'application/json' } })
      expectStatus(withType, 200)
      expect(withType.body.apiKeys.map((key: any) => key.ID)).toEqual(ids)
    })

    it('shows each key as describe does', async () => {
      const [found] = await search({ searchCriteria: [{ idValue: k.beta.id }] })
      const described = await h.get(`/api/apikeys/${k.beta.id}`, { secret: h.keys.fullAccess.secret })
      expect(found).toEqual(described.body)
    })

    it('requires every criterion to match (AND)', async () => {
      expect(await names({ fieldName: 'roleID', numericValue: 2 }, { fieldName: 'locale', choiceValue: 'ja-JP' })).toEqual(['srch-Beta', 'srch-gammaX1'])
      expect(await names({ fieldName: 'roleID', numericValue: 2 }, { fieldName: 'keyName', stringValue: 'srch-gamma%' })).toEqual(['srch-gammaX1'])
      expect(await names({ fieldName: 'roleID', numericValue: 1 }, { fieldName: 'active', booleanTest: false })).toEqual([])
    })

    it('returns at most maxItems keys, the lowest IDs first', async () => {
      const scope = [{ fieldName: 'keyName', stringValue: 'srch-%' }]
      expect((await search({ maxItems: 2, searchCriteria: scope })).map((key) => key.keyName)).toEqual(['srch-alpha', 'srch-Beta'])
      expect(await search({ maxItems: 0, searchCriteria: scope })).toEqual([])
      expect((await search({ maxItems: 100, searchCriteria: scope })).map((key) => key.keyName)).toHaveLength(5)
      expect((await search({ maxItems: 3 })).map((key) => key.ID)).toEqual([h.keys.fullAccess.id, h.keys.auditor.id, k.alpha.id])
    })

    it('sorts by ID with sortByObjectID true, and by ID as well when false', async () => {
      for (const sortByObjectID of [true, false]) {
        const ids = (await search({ sortByObjectID })).map((key) => key.ID)
        expect(ids, String(sortByObjectID)).toEqual([...ids].sort((a, b) => a - b))
        expect(ids.length).toBeGreaterThanOrEqual(7)
      }
    })
  })

  it('pages through every key with the "ID greater than the last seen" idiom, each key exactly once', async () => {
    for (let i = 0; i < 20; i++) await h.key({ name: `page-${String(i).padStart(2, '0')}` })
    const listed = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    const all: number[] = listed.body.apiKeys.map((key: any) => key.ID)
    expect(all.length).toBeGreaterThanOrEqual(25)

    const seen: number[] = []
    const pageSizes: number[] = []
    let lastId = 0
    for (let page = 0; page < 20; page++) {
      const keys = await search({ maxItems: 7, searchCriteria: [{ idValue: lastId, idTest: 'greater-than' }], sortByObjectID: true })
      pageSizes.push(keys.length)
      if (keys.length === 0) break
      seen.push(...keys.map((key) => key.ID))
      lastId = keys[keys.length - 1].ID
    }
    expect(pageSizes.at(-1), 'the walk ends with an empty page').toBe(0)
    const full = Math.floor(all.length / 7)
    expect(pageSizes).toEqual([...Array(full).fill(7), ...(all.length % 7 ? [all.length % 7] : []), 0])
    expect(new Set(seen).size, 'no key twice').toBe(seen.length)
    expect(seen).toEqual(all)
  })

  // Issue 12, goal 5: an exact count of a million keys took PostgreSQL ~200 ms a page.
  it('counts the matches exactly up to the count limit, and past it says the total is at least the limit', async () => {
    const counted = async (searchCriteria: Criterion[]) => {
      const res = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria, maxItems: 1, countTotal: true } })
      expectStatus(res, 200)
      expect(res.body.apiKeys).toHaveLength(1)
      return [res.headers['x-total-count'], res.headers['x-total-count-relation']]
    }
    expect(await counted([{ fieldName: 'keyName', stringValue: 'srch-gamma%' }])).toEqual(['2', 'eq'])
    expect(await counted([{ fieldName: 'keyName', stringValue: 'srch-%' }])).toEqual(['5', 'eq'])
    expect(await counted([])).toEqual(['6', 'gte'])
  })

  it('takes the count from a page short of maxItems, the last, without counting again', async () => {
    // The searches' own statements, whatever else the app runs meanwhile.
    let statements = 0
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => {
        statements++
        return result
      },
    }
    const { store } = h.app.context
    const keys = searchableTable(
      { engine: store.engine, searchDb: store.searchDb.withPlugin(counting), searchCountLimit: store.searchCountLimit } as Store,
      'api_keys',
      API_KEY_SEARCH,
      toApiKeyRecord,
    )
    const searched = async (filter: SearchFilter) => {
      statements = 0
      const { items, total, totalIsLowerBound } = await keys.search({ countTotal: true, ...filter })
      return { names: items.map((key) => key.keyName), total, totalIsLowerBound, statements }
    }
    const gamma = [{ fieldName: 'keyName', stringValue: 'srch-gamma%' }]
    expect(await searched({ searchCriteria: gamma, maxItems: 3 })).toEqual({
      names: ['srch-gamma_1', 'srch-gammaX1'],
      total: 2,
      totalIsLowerBound: false,
      statements: 1,
    })
    expect(await searched({ searchCriteria: gamma, maxItems: 3, offset: 1 })).toEqual({
      names: ['srch-gammaX1'],
      total: 2,
      totalIsLowerBound: false,
      statements: 1,
    })
    // A page past the end or a full one says nothing of the total; past the count limit it stays a lower bound.
    expect(await searched({ searchCriteria: gamma, maxItems: 3, offset: 5 })).toEqual({ names: [], total: 2, totalIsLowerBound: false, statements: 2 })
    expect(await searched({ searchCriteria: gamma, maxItems: 2 })).toMatchObject({ total: 2, statements: 2 })
    expect(await searched({ maxItems: 10, offset: 5 })).toMatchObject({ total: 6, totalIsLowerBound: true })
  })

  it('sorts by the role name (roleName, a Keyward extension for the Role column), not the role ID; ties by ID', async () => {
    const sorted = async (sortDescending: boolean, page?: { offset: number; maxItems: number }) =>
      (await search({ searchCriteria: [{ fieldName: 'keyName', stringValue: 'srch-%' }], sortField: 'roleName', sortDescending, ...page })).map(
        (key) => key.keyName,
      )
    // Auditor (ID 2), Full Access (ID 1), search-viewer.
    expect(await sorted(false)).toEqual(['srch-Beta', 'srch-gammaX1', 'srch-alpha', 'srch-delta', 'srch-gamma_1'])
    expect(await sorted(true)).toEqual(['srch-gamma_1', 'srch-delta', 'srch-alpha', 'srch-gammaX1', 'srch-Beta'])
    // A page past a role's first keys: it is taken from every role's keys together.
    expect(await sorted(false, { offset: 1, maxItems: 1 })).toEqual(['srch-gammaX1'])
    expect(await sorted(true, { offset: 2, maxItems: 2 })).toEqual(['srch-alpha', 'srch-gammaX1'])
    const res = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { sortField: 'roleNames' } })
    expectStatus(res, 400)
    expect(res.body.code).toBe('search.sort_field_unknown')
  })
})
