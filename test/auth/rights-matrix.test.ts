import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isRuled, OPERATIONS, type OperationRule } from '../../src/auth/operations.js'
import { ALL_RIGHTS, type Right } from '../../src/roles/rights.js'
import { documentedOperations, operationRequests, type DocumentedOperation, type RequestMaker } from '../helpers/documented-operations.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { Harness, type RequestOptions, type TestSession } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

/** The rights table's entry for an operation the document lists. */
const ruleOf = (operationId: string): OperationRule => (OPERATIONS as Record<string, OperationRule>)[operationId] ?? { right: null }

describe(`${testEngine()}: rights matrix (every operation of the rights table × every right, with API keys and console sessions)`, () => {
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

  it('serves exactly the operations of the rights table, each documented as needing its right', () => {
    const served = operations.map((o) => o.operationId).sort()
    // A new route must say in src/auth/operations.ts what it needs, or neither matrix checks it.
    expect(
      served.filter((id) => !(id in OPERATIONS)),
      'operations with no entry in the rights table',
    ).toEqual([])
    expect(served).toEqual(Object.keys(OPERATIONS).sort())
    for (const o of operations) expect(o.right ?? null, `the description of ${o.operationId}`).toBe(ruleOf(o.operationId).right)
    expect(new Set(operations.map((o) => o.right).filter(Boolean))).toEqual(new Set(ALL_RIGHTS))
    // Whatever needs no right acts on the caller itself (or signs in).
    const free = operations.filter((o) => o.right === undefined && !o.isPublic).map((o) => `${o.method} ${o.path}`)
    for (const operation of free) expect(operation).toMatch(/^(GET|POST|DELETE) \/(apikeys\/current|administrators\/current|session)(\/|$)/)
    expect(operations.filter((o) => o.isPublic).map((o) => o.operationId)).toEqual(['signIn'])
  })

  /**
   * Sends each ruled operation as a principal lacking exactly `right`. Collects every
   * mismatch, so one run reports them all.
   */
  async function runMatrix(right: Right, credentials: RequestOptions): Promise<string[]> {
    const failures: string[] = []
    for (const operation of operations) {
      const rule = ruleOf(operation.operationId)
      if (!isRuled(rule)) continue
      const make = requests[operation.operationId]
      if (!make) {
        failures.push(`${operation.operationId}: no request known for this operation; add one to test/helpers/documented-operations.ts`)
        continue
      }
      const { url, body } = await make()
      const send = () => h.request(operation.method, url, { ...credentials, body })
      const label = `${operation.method} ${url} (${operation.operationId}, needs ${rule.right})`
      try {
        if (rule.right === right) {
          await expectRefusal(h, send, 403, rule.denied)
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
      expect(await runMatrix(right, { session: sessions.get(right)! })).toEqual([])
    })
  })
})
