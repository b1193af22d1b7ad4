/**
 * Issue 9 ("Done when"): a seeded, bounded fuzz of hostile bodies, headers and search filters,
 * through inject(), on each engine. Every answer must be a 2xx, or a 4xx in Keyward's
 * `{"message","code"}` shape; never a 5xx. Refusals change nothing: the harness snapshot
 * (keys, roles, administrators, sessions, audit log) is compared after every batch in which
 * nothing succeeded in writing. Seeded: a failure prints its seed and shrunk counterexample,
 * and the same run finds it again.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness, type TestResponse } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const SEED = 20261201
const RUNS = { bodies: 6000, headers: 4000, filters: 10_000 }
/** Generous: the runs take ~15 s per engine on an idle machine, several times that on a loaded one. */
const TIMEOUT_MS = 300_000
const BATCH = 250

const SEARCH_ROUTES = ['/api/apikeys/search', '/api/roles/search', '/api/administrators/search', '/api/auditevents/search']
const FIELD_NAMES = [
  ...['ID', 'keyName', 'description', 'locale', 'roleID', 'timeZone', 'active', 'created', 'lastSignIn', 'unlockTime', 'expiryDate', 'serviceAccount'],
  ...['name', 'immutable', 'canOnlyManipulateUsersWithEqualOrLesserRights', 'allowWebService', 'username', 'fullName', 'timeFormat', 'emailAddress'],
  ...['time', 'actorType', 'actorID', 'actorName', 'action', 'resourceType', 'resourceID', 'resourceName', 'address'],
  ...Object.getOwnPropertyNames(Object.prototype),
  ...['', ' ', 'ID ', 'key_name', 'a.b', '0', '-1'],
]
const BODY_FIELDS = [
  ...['keyName', 'description', 'roleID', 'locale', 'timeZone', 'active', 'expiryDate', 'ID', 'secretKey', 'name', 'rights', 'platformRights'],
  ...['username', 'password', 'fullName', 'emailAddress', 'timeFormat', 'mfaType', 'currentPassword', 'allowWebService', 'allowUserInterface'],
  ...['canOnlyManipulateUsersWithEqualOrLesserRights', 'searchCriteria', 'maxItems', 'sortField', 'offset', 'constructor', 'toString', 'prototype'],
]
const HEADER_NAMES = [
  'accept-language',
  'content-type',
  'api-version',
  'accept',
  'x-forwarded-for',
  'x-csrf-token',
  'cookie',
  'origin',
  'x-request-id',
  'if-none-match',
]

/** Text that hits edge cases: wildcards, escapes, quotes, NUL, bidi, surrogates, long runs. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '%',
    '_',
    '\\',
    '\\%',
    "'",
    '"',
    '\u0000',
    '\u202e',
    '\ud800',
    'null',
    'NaN',
    '1e999',
    '-0',
    '__proto__',
    '../../etc/passwd',
    '%'.repeat(1000),
    'a'.repeat(1001),
  ),
)
const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 2 ** 64, -(2 ** 63), 1e308, 5e-324))
const anyJson = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }))

const criterion = fc.record(
  {
    fieldName: fc.constantFrom(...FIELD_NAMES),
    stringValue: hostileText,
    stringTest: fc.constantFrom('equal', 'not-equal', 'like'),
    stringWildcards: fc.boolean(),
    numericValue: hostileNumber,
    numericTest: fc.constantFrom('less-than', 'equal', 'greater-than', 'between'),
    booleanTest: fc.oneof(fc.boolean(), fc.constant('true')),
    choiceValue: hostileText,
    firstDateValue: hostileNumber,
    lastDateValue: hostileNumber,
    nullTest: fc.boolean(),
    idValue: hostileNumber,
    idTest: fc.constantFrom('equal', 'greater-than', 'less-than-or-equal', 'x'),
  },
  { requiredKeys: [] },
)
const searchFilter = fc.record(
  {
    searchCriteria: fc.oneof(fc.array(criterion, { maxLength: 4 }), anyJson),
    maxItems: fc.oneof(hostileNumber, anyJson),
    sortField: fc.oneof(fc.constantFrom(...FIELD_NAMES), hostileText),
    sortByObjectID: fc.boolean(),
    sortDescending: fc.boolean(),
    offset: hostileNumber,
    countTotal: fc.oneof(fc.boolean(), anyJson),
  },
  { requiredKeys: [] },
)

/** Body text: structured objects of known fields with hostile values, any JSON, or broken text. */
const bodyText = fc.oneof(
  fc.dictionary(fc.constantFrom(...BODY_FIELDS), anyJson, { maxKeys: 6 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '{',
    '[',
    '{"a":',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '"\\u0000"',
    '{"a":"\\ud800"}',
    '1'.repeat(400),
    '[]'.repeat(100),
  ),
  fc.integer({ min: 60, max: 200 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
)

/** Header values a client can put on the wire: visible ASCII and spaces (Node refuses the rest itself). */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom(
    '',
    'v1',
    'v2',
    'V1',
    'application/json',
    'application/json; charset=latin1',
    'text/plain',
    'ja-JP',
    'ja',
    '*;q=0',
    'en-US;q=abc',
    'keyward_session=x',
    '1.2.3.4, ::1',
  ),
)
const headers = fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 5 })

function expectKeywardAnswer(res: TestResponse, what: string): void {
  const detail = `${what} → ${res.status} ${res.text.slice(0, 300)}`
  expect(res.status, detail).toBeLessThan(500)
  if (res.status >= 400) expect(res.body, detail).toEqual({ message: expect.any(String), code: expect.any(String) })
}

describe(`${testEngine()}: fuzzing bodies, headers and search filters`, () => {
  let h: Harness
  let targets: { key: number; role: number; administrator: number }
  let baseline: Awaited<ReturnType<Harness['snapshot']>>
  let wroteSinceBaseline = false
  let sinceCheck = 0

  beforeAll(async () => {
    h = await Harness.start()
    const key = await h.key({ name: 'fuzz-target' })
    const role = await h.role({ name: 'fuzz-target' })
    const administrator = await h.administrator({ username: 'fuzz-target' })
    targets = { key: key.id, role: role.id, administrator: administrator.id }
    baseline = await h.snapshot()
  })
  afterAll(() => h.close())

  /** Every BATCH requests: nothing changed unless a write succeeded in that batch. */
  async function afterRequest(method: string, url: string, res: TestResponse): Promise<void> {
    if (method !== 'GET' && !url.endsWith('/search') && res.status < 300) wroteSinceBaseline = true
    if (++sinceCheck < BATCH) return
    sinceCheck = 0
    const now = await h.snapshot()
    if (!wroteSinceBaseline) expect(now, 'refusals changed stored state').toEqual(baseline)
    baseline = now
    wroteSinceBaseline = false
  }

  const secret = () => h.keys.fullAccess.secret

  it(
    `answers ${RUNS.bodies} hostile bodies on every POST route with 2xx or 4xx`,
    async () => {
      const routes = [
        '/api/apikeys',
        `/api/apikeys/${targets.key}`,
        `/api/apikeys/${targets.key}/secretkey`,
        '/api/roles',
        `/api/roles/${targets.role}`,
        '/api/administrators',
        `/api/administrators/${targets.administrator}`,
        ...SEARCH_ROUTES,
      ]
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), bodyText, async (url, body) => {
          const res = await h.post(url, { secret: secret(), body })
          expectKeywardAnswer(res, `POST ${url} ${body.slice(0, 200)}`)
          await afterRequest('POST', url, res)
        }),
        { seed: SEED, numRuns: RUNS.bodies, endOnFailure: true },
      )
    },
    TIMEOUT_MS,
  )

  it(
    `answers ${RUNS.headers} requests with hostile headers with 2xx or 4xx`,
    async () => {
      const requests = [
        ['GET', '/api/apikeys'],
        ['GET', `/api/roles/${targets.role}`],
        ['GET', '/api/administrators/current'],
        ['GET', '/api/roles'],
        ['POST', '/api/apikeys/search'],
        ['POST', `/api/roles/${targets.role}`],
        ['GET', '/healthz'],
      ] as const
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...requests), headers, async ([method, url], extra) => {
          const res = await h.request(method, url, { secret: secret(), body: method === 'POST' ? {} : undefined, headers: extra })
          expectKeywardAnswer(res, `${method} ${url} ${JSON.stringify(extra)}`)
          await afterRequest(method, url, res)
        }),
        { seed: SEED, numRuns: RUNS.headers, endOnFailure: true },
      )
    },
    TIMEOUT_MS,
  )

  it(
    `answers ${RUNS.filters} hostile search filters on all four search routes with 200 or 400`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...SEARCH_ROUTES), searchFilter, async (url, filter) => {
          const res = await h.post(url, { secret: secret(), body: filter })
          expectKeywardAnswer(res, `POST ${url} ${JSON.stringify(filter).slice(0, 300)}`)
          expect([200, 400], res.text).toContain(res.status)
          await afterRequest('POST', url, res)
        }),
        { seed: SEED, numRuns: RUNS.filters, endOnFailure: true },
      )
    },
    TIMEOUT_MS,
  )
})
