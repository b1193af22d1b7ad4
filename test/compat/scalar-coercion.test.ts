import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEPT_RIGHT_GROUPS } from '../../src/roles/kept-rights.js'
import { ALL_RIGHTS, rightsToObject } from '../../src/roles/rights.js'
import { expectStatus, Harness, type RequestOptions, type TestResponse } from '../helpers/harness.js'
import { asStrings, scalarLeaves, valuePaths, type JsonSchema } from '../helpers/schema-leaves.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Issue 15: clients of the model API (its SDK examples among them) send numbers and booleans
 * as JSON text, which the model's server (Jackson) reads. Each operation below is sent twice:
 * with its integer, number and boolean fields typed, and with all of them as strings; both
 * must get the same answer.
 */
interface Case {
  /** The request with typed values; it must set every integer, number and boolean field of the operation. */
  request(): Promise<{ url: string; body: Record<string, unknown>; options?: RequestOptions }>
  /** What both answers must show; by default they are compared with each other. */
  check?(res: TestResponse): void
  /** The status both answers get when they are compared with each other. */
  status?: number
}

const FAR_FUTURE = 4_102_444_800_000

/** A filter with every test; none on lastSignIn, which batched usage writes may change between two searches. */
function filter(criteria: { boolean: string; numeric: string; string: string; date: string; nullable: string }) {
  return {
    maxItems: 100,
    sortByObjectID: true,
    sortDescending: false,
    offset: 0,
    countTotal: true,
    searchCriteria: [
      { fieldName: criteria.boolean, booleanTest: true },
      { fieldName: criteria.numeric, numericTest: 'greater-than', numericValue: 0.5 },
      { fieldName: criteria.string, stringValue: '%', stringWildcards: true },
      { fieldName: criteria.date, firstDateValue: 0, firstDateInclusive: true, lastDateValue: FAR_FUTURE, lastDateInclusive: false },
      { fieldName: criteria.nullable, nullTest: false },
      { idTest: 'greater-than', idValue: 0 },
    ],
  }
}

/** A search answer's objects as their IDs; an error as it is. */
function foundIds(body: Record<string, unknown>): unknown {
  const [found] = Object.values(body)
  return Array.isArray(found) ? found.map((item: { ID: number }) => item.ID) : body
}

describe(`${testEngine()}: numbers and booleans sent as strings (issue 15)`, () => {
  let h: Harness
  let operations: Map<string, { method: string; path: string; schema: JsonSchema }>
  let n = 0
  const unique = (prefix: string) => `${prefix}-${++n}`

  beforeAll(async () => {
    h = await Harness.start()
    const doc = (await h.get('/api/openapi.json', { apiVersion: null })).body
    operations = new Map()
    for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(methods)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema
        if (schema) operations.set(operation.operationId, { method, path, schema })
      }
    }
  })
  afterAll(() => h.close())

  const readOnlyKeyFields = {
    created: 1,
    lastSignIn: 1,
    unlockTime: 1,
    unsuccessfulSignInAttempts: 3,
    serviceAccount: true,
    ID: 999,
    createdByAdministratorID: 1,
    createdByApiKeyID: 1,
  }
  const readOnlyAdministratorFields = {
    created: 1,
    lastSignIn: 1,
    lastPasswordChange: 1,
    unlockTime: 1,
    unsuccessfulSignInAttempts: 3,
    ID: 999,
    external: false,
    readOnly: true,
  }
  /** Every right, Keyward's and the kept ones of the model, granted or not. */
  const allRights = (granted: boolean) => {
    const kept = Object.fromEntries(
      Object.entries(KEPT_RIGHT_GROUPS).map(([group, subgroups]) => [
        group,
        Object.fromEntries(Object.entries(subgroups).map(([subgroup, names]) => [subgroup, Object.fromEntries(names.map((name) => [name, granted]))])),
      ]),
    )
    const own = rightsToObject(new Set(granted ? ALL_RIGHTS : []))
    return { ...kept, platformRights: { ...kept.platformRights, ...own.platformRights } }
  }

  /** A case whose answer must show `fields`, sent as typed or as strings, as typed. */
  const setting = (
    fields: Record<string, unknown>,
    request: () => Promise<{ url: string; body: Record<string, unknown>; options?: RequestOptions }>,
  ): Case => ({
    request: async () => {
      const made = await request()
      return { ...made, body: { ...made.body, ...fields } }
    },
    check: (res) => expect(res.body).toMatchObject(fields),
  })
  const limits = {
    rateLimits: [{ name: 'default', limit: 100, duration: 60_000 }],
    credits: { remaining: 10, refill: { interval: 'monthly', amount: 10, day: 1 } },
  }
  const keyFields = { roleID: 2, active: false, expiryDate: FAR_FUTURE, ...limits }
  const roleFields = (granted: boolean) => ({
    canOnlyManipulateUsersWithEqualOrLesserRights: true,
    allowUserInterface: false,
    allowWebService: true,
    rights: allRights(granted),
    allComputers: granted,
    allPolicies: !granted,
    computerIDs: [1, 2],
    computerGroupIDs: [0],
    policyIDs: [3],
  })
  const administratorFields = {
    roleID: 2,
    active: false,
    passwordNeverExpires: true,
    primaryContact: true,
    receiveNotifications: false,
    reportPDFPasswordEnabled: true,
  }

  /** A key whose limits are `limits`: the key itself may send them only unchanged. */
  const keyWithLimits = async () => {
    const key = await h.key({ role: 1, expiresAt: FAR_FUTURE })
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: limits }), 200)
    return key.secret
  }

  const cases: Record<string, Case> = {
    createApiKey: setting(keyFields, async () => ({ url: '/api/apikeys', body: { keyName: unique('strings'), ...readOnlyKeyFields } })),
    modifyApiKey: setting(keyFields, async () => ({ url: `/api/apikeys/${(await h.key({ role: 1 })).id}`, body: readOnlyKeyFields })),
    // The calling key and administrator may send their role and lock state only unchanged.
    modifyCurrentApiKey: setting({ ...keyFields, roleID: 1, active: true }, async () => ({
      url: '/api/apikeys/current',
      body: { ...readOnlyKeyFields, tenantID: 0 },
      options: { secret: await keyWithLimits() },
    })),
    createAdministratorRole: setting(roleFields(true), async () => ({ url: '/api/roles', body: { name: unique('strings'), immutable: false, ID: 999 } })),
    modifyAdministratorRole: setting(roleFields(false), async () => ({ url: `/api/roles/${(await h.role()).id}`, body: { immutable: false, ID: 999 } })),
    createAdministrator: setting(administratorFields, async () => ({
      url: '/api/administrators',
      body: { username: unique('strings'), password: 'Correct-h0rse-battery', ...readOnlyAdministratorFields },
    })),
    modifyAdministrator: setting(administratorFields, async () => ({
      url: `/api/administrators/${(await h.administrator({ role: 1 })).id}`,
      body: readOnlyAdministratorFields,
    })),
    modifyCurrentAdministrator: setting({ ...administratorFields, roleID: 1, active: true, passwordNeverExpires: false }, async () => {
      const admin = await h.administrator({ role: 1 })
      return { url: '/api/administrators/current', body: readOnlyAdministratorFields, options: { session: await h.signIn(admin.username, admin.password) } }
    }),
    verifyApiKey: {
      request: async () => ({ url: '/api/apikeys/verify', body: { secretKey: (await h.key({ role: 2 })).secret, cost: 2 } }),
      check: (res) => expect(res.body, res.text).toMatchObject({ valid: true, code: 'VALID' }),
    },
    searchApiKeys: {
      request: async () => ({
        url: '/api/apikeys/search',
        body: filter({ boolean: 'active', numeric: 'roleID', string: 'keyName', date: 'created', nullable: 'expiryDate' }),
      }),
      status: 200,
    },
    searchAdministrators: {
      request: async () => ({
        url: '/api/administrators/search',
        body: filter({ boolean: 'active', numeric: 'roleID', string: 'username', date: 'created', nullable: 'lastPasswordChange' }),
      }),
      status: 200,
    },
    searchAdministratorRoles: {
      request: async () => ({
        url: '/api/roles/search',
        body: filter({ boolean: 'allowUserInterface', numeric: 'ID', string: 'name', date: 'created', nullable: 'description' }),
      }),
      // Roles have no numeric or date field: the filter is refused for that, after validation.
      status: 400,
    },
    searchAuditEvents: {
      request: async () => ({
        url: '/api/auditevents/search',
        body: filter({ boolean: 'active', numeric: 'actorID', string: 'action', date: 'time', nullable: 'address' }),
      }),
      // Audit events have no boolean field: the filter is refused for that, after validation.
      status: 400,
    },
  }

  it('covers every operation whose body has an integer, number or boolean field', () => {
    const uncovered = [...operations].filter(([id, { schema }]) => scalarLeaves(schema).size > 0 && !(id in cases)).map(([id]) => id)
    expect(uncovered).toEqual([])
  })

  it.each(Object.keys(cases))('%s: reads "2", "0.5", "true" and "false" as the number or boolean they write', async (operationId) => {
    const operation = operations.get(operationId)!
    const leaves = scalarLeaves(operation.schema)
    const typed = await cases[operationId]!.request()
    const unset = [...leaves.keys()].filter((leaf) => !valuePaths(typed.body).has(leaf))
    expect(unset, 'the typed body sets every integer, number and boolean field').toEqual([])

    const asText = await cases[operationId]!.request()
    const stringBody = asStrings(asText.body, leaves)
    const res = await h.post(asText.url, { ...(asText.options ?? { secret: h.keys.fullAccess.secret }), body: stringBody })
    const check = cases[operationId]!.check
    if (check) {
      expectStatus(res, 200)
      check(res)
      return
    }
    const reference = await h.post(typed.url, { ...(typed.options ?? { secret: h.keys.fullAccess.secret }), body: typed.body })
    expect(reference.status, reference.text).toBe(cases[operationId]!.status)
    // Found objects are compared by ID: the caller's own lastSignIn moves between the two calls.
    const answer = (r: TestResponse) => ({ status: r.status, body: foundIds(r.body), total: r.headers['x-total-count'] })
    expect(answer(res), res.text).toEqual(answer(reference))
  })
})

describe(`${testEngine()}: what is not read as a number or boolean (issue 15)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const createKey = (fields: Record<string, unknown>) =>
    h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: `key-${Math.random().toString(36).slice(2)}`, roleID: 2, ...fields } })
  const searchKeys = (criterion: Record<string, unknown>) =>
    h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria: [{ fieldName: 'roleID', ...criterion }] } })

  it.each([
    ['2x', 'request.field_type'],
    ['1e3', 'request.field_type'],
    ['2.0', 'request.field_type'],
    [1.5, 'request.field_type'],
    ['0x10', 'request.field_type'],
    ['Infinity', 'request.field_type'],
    ['', 'request.field_type'],
    ['2 2', 'request.field_type'],
    [null, 'request.field_type'],
    [true, 'request.field_type'],
    [[2], 'request.field_type'],
    [{}, 'request.field_type'],
    ['99999999999', 'request.field_too_large'],
    ['99999999999999999999', 'request.field_type'],
  ])('refuses roleID %j (400 %s naming the field)', async (roleID, code) => {
    const res = await createKey({ roleID })
    expectStatus(res, 400)
    expect(res.body, res.text).toMatchObject({ code })
    expect(res.body.message).toContain("'roleID'")
  })

  it.each(['yes', 'no', '1', '0', 'tRue', '', 1, 0, null, [true]])('refuses active %j (400 naming the field)', async (active) => {
    const res = await createKey({ active })
    expectStatus(res, 400)
    expect(res.body, res.text).toMatchObject({ code: 'request.field_type' })
    expect(res.body.message).toContain("'active'")
  })

  it.each(['1e999', '-1e999', 'NaN', 'Infinity', '0x10', '1d', '1,5', '', true])('refuses numericValue %j (400 naming the field)', async (numericValue) => {
    const res = await searchKeys({ numericValue })
    expectStatus(res, 400)
    expect(res.body, res.text).toMatchObject({ code: 'request.field_type' })
    expect(res.body.message).toContain("'searchCriteria[0].numericValue'")
  })

  it('reads integers as Java does: surrounding spaces, a sign and leading zeros', async () => {
    for (const roleID of [' 2 ', '+2', '002', '\t2\n']) {
      const res = await createKey({ roleID })
      expectStatus(res, 200)
      expect(res.body.roleID, JSON.stringify(roleID)).toBe(2)
    }
  })

  it('reads true and false in the three spellings Jackson knows, with surrounding spaces', async () => {
    for (const [active, value] of [
      ['TRUE', true],
      ['True', true],
      [' true ', true],
      ['FALSE', false],
      ['False', false],
    ] as const) {
      const res = await createKey({ active })
      expectStatus(res, 200)
      expect(res.body.active, active).toBe(value)
    }
  })

  it('reads decimal numbers with a fraction or exponent', async () => {
    for (const [text, value] of [
      ['1.5', 1.5],
      ['+1.5e0', 1.5],
      ['.5e1', 5],
      ['1.', 1],
      ['-0.5', -0.5],
    ] as const) {
      const res = await searchKeys({ numericTest: 'less-than', numericValue: text })
      expectStatus(res, 200)
      expect(foundIds(res.body), text).toEqual(foundIds((await searchKeys({ numericTest: 'less-than', numericValue: value })).body))
    }
  })

  it('reads numbers and booleans as their JSON text where a string is expected', async () => {
    const res = await createKey({ keyName: 42, description: true })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ keyName: '42', description: 'true' })
    const admin = await h.post('/api/administrators', {
      secret: h.keys.fullAccess.secret,
      body: { username: 'twelve-hours', password: 'Correct-h0rse-battery', roleID: '2', timeFormat: 12 },
    })
    expectStatus(admin, 200)
    expect(admin.body).toMatchObject({ roleID: 2, timeFormat: '12' })
  })
})
