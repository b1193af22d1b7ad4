import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditSince, lastAuditId } from '../helpers/audit-log.js'
import { expectStatus, Harness, type RequestOptions, type TestResponse } from '../helpers/harness.js'
import { resolverOf, type JsonSchema } from '../helpers/schema-leaves.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Issue 15: the model API's published OpenAPI document (a copy in docs/reference) is walked,
 * and a body with every field it publishes for an operation is sent to Keyward, which must
 * accept it; the fields that are not read-only must come back exactly as sent.
 */
const PUBLISHED = JSON.parse(readFileSync(new URL('../../docs/reference/workload-security-identity-api.json', import.meta.url), 'utf8'))
const resolve = resolverOf(PUBLISHED)

/**
 * Fields a response does not echo: passwords, and times and counts the server sets that the
 * published apiKey schema does not mark read-only (its administrator schema does).
 */
const NOT_ECHOED = new Set(['password', 'reportPDFPassword', 'created', 'lastSignIn', 'unlockTime', 'unsuccessfulSignInAttempts'])
const FAR_FUTURE = 4_102_444_800_000

/** The request body schema of a published operation. */
function requestSchema(path: string, method: string): JsonSchema {
  const body = PUBLISHED.paths[path][method].requestBody
  const resolved = body.$ref ? PUBLISHED.components.requestBodies[body.$ref.split('/').pop()] : body
  return resolve(resolved.content['application/json'].schema)
}

/**
 * A value for every field of a schema, read-only ones included (clients send back what they
 * read). Booleans alternate so that both values are seen; `fixed` gives the fields whose value
 * Keyward checks (names, IDs, zones).
 */
function sampleOf(schema: JsonSchema, fixed: Record<string, unknown>, path = ''): unknown {
  const s = resolve(schema)
  if (path in fixed) return fixed[path]
  if (s.type === 'array') return [sampleOf(s.items!, fixed, `${path}[]`)]
  if (s.properties)
    return Object.fromEntries(Object.entries(s.properties).map(([name, child]) => [name, sampleOf(child, fixed, path ? `${path}.${name}` : name)]))
  if (s.enum) return s.enum[s.enum.length - 1]
  if (s.type === 'boolean') return path.length % 2 === 0
  if (s.type === 'integer' || s.type === 'number') return 7
  return `${path} of the model`
}

/** Every scalar of a JSON value by path. */
function flatten(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, child] of Object.entries(value)) flatten(child, path ? `${path}.${name}` : name, out)
  } else {
    out.set(path, value)
  }
  return out
}

/** The paths of a body a response must echo: not read-only, not write-only. */
function echoedPaths(schema: JsonSchema, body: unknown, path = ''): string[] {
  const s = resolve(schema)
  if (s.readOnly || NOT_ECHOED.has(path)) return []
  if (s.properties && body !== null && typeof body === 'object' && !Array.isArray(body)) {
    return Object.entries(body).flatMap(([name, child]) =>
      s.properties![name] ? echoedPaths(s.properties![name]!, child, path ? `${path}.${name}` : name) : [],
    )
  }
  return [path]
}

describe(`${testEngine()}: every field of the published model API is accepted (issue 15)`, () => {
  let h: Harness
  let n = 0
  const unique = (prefix: string) => `${prefix}-${++n}`
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  interface Operation {
    path: string
    method: string
    /** Values Keyward checks, by field path. */
    fixed: () => Record<string, unknown>
    request: () => Promise<{ url: string; options?: RequestOptions }>
  }
  const apiKeyFields = () => ({ keyName: unique('published'), roleID: 2, timeZone: 'Asia/Tokyo', expiryDate: FAR_FUTURE })
  const administratorFields = () => ({
    username: unique('published'),
    password: 'Correct-h0rse-battery',
    roleID: 2,
    timeZone: 'Asia/Tokyo',
    mfaType: 'none',
    active: true,
    emailAddress: 'published@example.com',
  })
  const OPERATIONS: Record<string, Operation> = {
    createApiKey: { path: '/apikeys', method: 'post', fixed: apiKeyFields, request: async () => ({ url: '/api/apikeys' }) },
    modifyApiKey: {
      path: '/apikeys/{apiKeyID}',
      method: 'post',
      fixed: apiKeyFields,
      request: async () => ({ url: `/api/apikeys/${(await h.key({ role: 1 })).id}` }),
    },
    modifyCurrentApiKey: {
      path: '/apikeys/current',
      method: 'post',
      fixed: () => ({ ...apiKeyFields(), roleID: 1, active: true }),
      request: async () => ({ url: '/api/apikeys/current', options: { secret: (await h.key({ role: 1, expiresAt: FAR_FUTURE })).secret } }),
    },
    createAdministratorRole: { path: '/roles', method: 'post', fixed: () => ({ name: unique('published') }), request: async () => ({ url: '/api/roles' }) },
    modifyAdministratorRole: {
      path: '/roles/{roleID}',
      method: 'post',
      fixed: () => ({ name: unique('published') }),
      request: async () => ({ url: `/api/roles/${(await h.role()).id}` }),
    },
    createAdministrator: { path: '/administrators', method: 'post', fixed: administratorFields, request: async () => ({ url: '/api/administrators' }) },
    modifyAdministrator: {
      path: '/administrators/{administratorID}',
      method: 'post',
      fixed: administratorFields,
      request: async () => ({ url: `/api/administrators/${(await h.administrator({ role: 1 })).id}` }),
    },
  }

  it('walks every published operation that takes a body', () => {
    const published = Object.entries<Record<string, any>>(PUBLISHED.paths).flatMap(([, methods]) =>
      Object.values(methods)
        .filter((operation) => operation.requestBody && !operation.operationId.startsWith('search'))
        .map((operation) => operation.operationId as string),
    )
    expect(published.sort()).toEqual(Object.keys(OPERATIONS).sort())
  })

  it.each(Object.keys(OPERATIONS))('%s: accepts a body with every published field and returns each writable one as sent', async (operationId) => {
    const operation = OPERATIONS[operationId]!
    const schema = requestSchema(operation.path, operation.method)
    const body = sampleOf(schema, operation.fixed())
    const { url, options } = await operation.request()
    const res: TestResponse = await h.post(url, { ...(options ?? { secret: h.keys.fullAccess.secret }), body })
    expectStatus(res, 200)
    const described = await h.get(
      url.replace(/\/(apikeys|roles|administrators)(\/current)?$/, `/$1/${res.body.ID}`),
      options ?? { secret: h.keys.fullAccess.secret },
    )
    expectStatus(described, 200)
    const sent = flatten(body)
    const echoed = echoedPaths(schema, body)
    expect(echoed.length).toBeGreaterThan(3)
    for (const [what, answer] of [
      ['answer', res],
      ['describe afterwards', described],
    ] as const) {
      const answered = flatten(answer.body)
      for (const path of echoed) expect(answered.get(path), `${operationId}, ${what}: ${path}`).toEqual(sent.get(path))
    }
  })

  it.each(['/apikeys/search', '/roles/search', '/administrators/search'])('%s: accepts a filter with every published field', async (path) => {
    const schema = requestSchema(path, 'post')
    const filter = sampleOf(schema, { maxItems: 10, 'searchCriteria[].fieldName': 'description', 'searchCriteria[].idValue': 0 })
    const res = await h.post(`/api${path}`, { secret: h.keys.fullAccess.secret, body: filter })
    // Every test at once in one criterion may be refused for what it means, never for a field.
    expect(res.body?.code, res.text).not.toMatch(/^request\./)
  })
})

describe(`${testEngine()}: fields the published model API does not have are still refused (issue 15)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it.each([
    ['/api/roles', { name: 'unknown-group', rights: { platformRights: { rocketRights: { canLaunch: true } } } }, 'rights.platformRights.rocketRights'],
    ['/api/roles', { name: 'unknown-top', rights: { rocketRights: {} } }, 'rights.rocketRights'],
    [
      '/api/roles',
      { name: 'unknown-right', rights: { antiMalwareRights: { fileListRights: { canLaunch: true } } } },
      'rights.antiMalwareRights.fileListRights.canLaunch',
    ],
    ['/api/roles', { name: 'unknown-field', allServers: true }, 'allServers'],
    ['/api/administrators', { username: 'unknown-field', password: 'Correct-h0rse-battery', roleID: 2, faxNumber: '1' }, 'faxNumber'],
    ['/api/apikeys', { keyName: 'unknown-field', roleID: 2, tenantName: 'x' }, 'tenantName'],
  ])('%s refuses %j (400 naming %s)', async (url, body, field) => {
    const res = await h.post(url, { secret: h.keys.fullAccess.secret, body })
    expectStatus(res, 400)
    expect(res.body, res.text).toMatchObject({ code: 'request.field_unknown' })
    expect(res.body.message).toContain(`'${field}'`)
  })

  it('marks every kept field in the OpenAPI document with x-keyward-kept and says so in its description', async () => {
    const doc = (await h.get('/api/openapi.json', { apiVersion: null })).body
    const role = doc.paths['/roles'].post.requestBody.content['application/json'].schema
    const administrator = doc.paths['/administrators'].post.requestBody.content['application/json'].schema
    for (const schema of [
      role.properties.allComputers,
      role.properties.computerIDs,
      role.properties.rights.properties.antiMalwareRights,
      administrator.properties.phoneNumber,
    ]) {
      expect(schema['x-keyward-kept'], JSON.stringify(schema)).toBe(true)
      expect(schema.description).toContain('Accepted and kept, no effect in Keyward.')
    }
    expect(role.properties.name['x-keyward-kept']).toBeUndefined()
  })
})

describe(`${testEngine()}: kept fields change like any other (issue 15)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('keeps a kept right left out of a modify, replaces kept fields sent, and audits the change', async () => {
    const created = await h.post('/api/roles', {
      secret: h.keys.fullAccess.secret,
      body: {
        name: 'scoped',
        allComputers: false,
        computerIDs: [1, 2],
        rights: {
          platformRights: { computerRights: { canEditComputerProperties: true } },
          firewallRights: { macListRights: { canEditMACListProperties: true } },
        },
      },
    })
    expectStatus(created, 200)
    const mark = await lastAuditId(h)
    const modified = await h.post(`/api/roles/${created.body.ID}`, {
      secret: h.keys.fullAccess.secret,
      body: { computerIDs: [3], rights: { platformRights: { computerRights: { canDeleteComputers: false }, apikeyRights: { canViewApiKeys: true } } } },
    })
    expectStatus(modified, 200)
    expect(modified.body).toMatchObject({
      allComputers: false,
      computerIDs: [3],
      rights: {
        platformRights: { computerRights: { canEditComputerProperties: true, canDeleteComputers: false }, apikeyRights: { canViewApiKeys: true } },
        firewallRights: { macListRights: { canEditMACListProperties: true } },
      },
    })
    const [entry] = await auditSince(h, mark)
    expect(entry?.changes.kept, JSON.stringify(entry)).toMatchObject({ from: { computerIDs: [1, 2] }, to: { computerIDs: [3] } })
  })
})
