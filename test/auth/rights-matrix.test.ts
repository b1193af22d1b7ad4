import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_RIGHTS, type Right } from '../../src/roles/rights.js'
import { documentedOperations, operationRequests, type DocumentedOperation, type RequestMaker } from '../helpers/documented-operations.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { Harness, type RequestOptions, type TestSession } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

/** The operations the document must say need a right: a guard against a matrix that checks nothing. */
const RULED_OPERATIONS = [
  'createApiKey',
  'listApiKeys',
  'searchApiKeys',
  'describeApiKey',
  'modifyApiKey',
  'deleteApiKey',
  'replaceApiSecretKey',
  'verifyApiKey',
  'streamApiKeyChanges',
  'createAdministratorRole',
  'listAdministratorRoles',
  'searchAdministratorRoles',
  'describeAdministratorRole',
  'modifyAdministratorRole',
  'deleteAdministratorRole',
  'createAdministrator',
  'listAdministrators',
  'searchAdministrators',
  'describeAdministrator',
  'modifyAdministrator',
  'deleteAdministrator',
  'listAuditEvents',
  'searchAuditEvents',
]

/** The routes checked with console sessions too: every resource, reads and each kind of write. */
const SESSION_OPERATIONS = [
  'listApiKeys',
  'createApiKey',
  'deleteApiKey',
  'replaceApiSecretKey',
  'verifyApiKey',
  'createAdministratorRole',
  'modifyAdministratorRole',
  'deleteAdministratorRole',
  'describeAdministratorRole',
  'createAdministrator',
  'modifyAdministrator',
  'listAdministrators',
  'searchAuditEvents',
]

const DENIED = expect.stringMatching(/^(apikey|role|administrator|audit)\.(view|create|modify|delete|secret|verify)_denied$/)

describe(`${testEngine()}: rights matrix (every route that needs a right × every right)`, () => {
  let h: Harness
  let operations: DocumentedOperation[]
  let requests: Record<string, RequestMaker>
  const secrets = new Map<Right, string>()
  const sessions = new Map<Right, TestSession>()

  beforeAll(async () => {
    h = await Harness.start()
    operations = await documentedOperations(h)
    requests = operationRequests(h)
    for (const right of ALL_RIGHTS) {
      const role = await h.role({ name: `all but ${right}`, rights: ALL_RIGHTS.filter((r) => r !== right) })
      secrets.set(right, (await h.key({ role: role.id, name: `key without ${right}` })).secret)
      const admin = await quickAdministrator(h, { role: role.id, username: `admin-without-${right}` })
      sessions.set(right, await h.signIn(admin.username, QUICK_PASSWORD))
    }
  })
  afterAll(() => h.close())

  it('reads from the OpenAPI document which routes need which right, and every right guards some route', () => {
    const ruled = operations.filter((o) => o.right !== undefined)
    expect(ruled.map((o) => o.operationId).sort()).toEqual([...RULED_OPERATIONS].sort())
    // A renamed operation must not shrink the console-session matrix without a word.
    expect(RULED_OPERATIONS).toEqual(expect.arrayContaining(SESSION_OPERATIONS))
    expect(new Set(ruled.map((o) => o.right))).toEqual(new Set(ALL_RIGHTS))
    // Whatever needs no right acts on the caller itself (or signs in).
    const free = operations.filter((o) => o.right === undefined && !o.isPublic).map((o) => `${o.method} ${o.path}`)
    for (const operation of free) expect(operation).toMatch(/^(GET|POST|DELETE) \/(apikeys\/current|administrators\/current|session)(\/|$)/)
    expect(operations.filter((o) => o.isPublic).map((o) => o.operationId)).toEqual(['signIn'])
  })

  /**
   * Sends each ruled operation as a principal lacking exactly `right`. Collects every
   * mismatch, so one run reports them all.
   */
  async function runMatrix(right: Right, credentials: RequestOptions, only?: readonly string[]): Promise<string[]> {
    const failures: string[] = []
    for (const operation of operations) {
      if (operation.right === undefined || (only && !only.includes(operation.operationId))) continue
      const make = requests[operation.operationId]
      if (!make) {
        failures.push(`${operation.operationId}: no request known for this operation; add one to test/helpers/documented-operations.ts`)
        continue
      }
      const { url, body } = await make()
      const send = () => h.request(operation.method, url, { ...credentials, body })
      const label = `${operation.method} ${url} (${operation.operationId}, needs ${operation.right})`
      try {
        if (operation.right === right) {
          await expectRefusal(h, send, 403, DENIED)
        } else {
          const res = await send()
          expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBe(200)
        }
      } catch (error) {
        failures.push(`${label} without ${right}: ${(error as Error).message.split('\n')[0]!.slice(0, 300)}`)
      }
    }
    return failures
  }

  describe('API keys: a key whose role has every right but one', () => {
    it.each(ALL_RIGHTS)('without %s: 403 and no change where the route needs it, 200 everywhere else', async (right) => {
      expect(await runMatrix(right, { secret: secrets.get(right)! })).toEqual([])
    })
  })

  describe('console sessions: an administrator whose role has every right but one', () => {
    it.each(ALL_RIGHTS)('without %s: 403 and no change where the route needs it, 200 everywhere else', async (right) => {
      expect(await runMatrix(right, { session: sessions.get(right)! }, SESSION_OPERATIONS)).toEqual([])
    })
  })
})
