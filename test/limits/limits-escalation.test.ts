import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Right } from '../../src/roles/rights.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const MINUTE = 60_000
const KEY_MANAGER: Right[] = ['apikeyRights.canViewApiKeys', 'apikeyRights.canCreateNewApiKeys', 'apikeyRights.canEditApiKeyProperties']
const OWN_LIMITS = [{ name: 'api', limit: 100, duration: MINUTE }]
const OWN_CREDITS = { remaining: 50, refill: { interval: 'daily', amount: 50 } }

describe(`${testEngine()}: a key manager cannot hand out limits beyond its own`, () => {
  let h: Harness
  let manager: string
  let roleID: number
  beforeAll(async () => {
    h = await Harness.start()
    const role = await h.role({ rights: KEY_MANAGER, equalOrLesser: true })
    roleID = role.id
    const created = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'key-manager', roleID, rateLimits: OWN_LIMITS, credits: OWN_CREDITS },
    })
    expectStatus(created, 200)
    manager = created.body.secretKey
  })
  afterAll(() => h.close())

  const create = (body: Record<string, unknown>, secret = manager) =>
    h.post('/api/apikeys', { secret, body: { keyName: `k-${Math.random()}`, roleID, rateLimits: OWN_LIMITS, credits: OWN_CREDITS, ...body } })

  it('may give limits as tight as its own or tighter', async () => {
    expectStatus(await create({}), 200)
    expectStatus(
      await create({
        rateLimits: [
          { name: 'x', limit: 10, duration: 2 * MINUTE },
          { name: 'y', limit: 1, duration: 1000 },
        ],
      }),
      200,
    )
    expectStatus(await create({ credits: { remaining: 0 } }), 200)
    expectStatus(await create({ credits: { remaining: 50, refill: { interval: 'monthly', amount: 50 } } }), 200)
  })

  it.each([
    [{ rateLimits: [] }, 'rateLimits'],
    [{ rateLimits: undefined }, 'rateLimits'],
    [{ rateLimits: [{ name: 'api', limit: 101, duration: MINUTE }] }, 'rateLimits'],
    [{ rateLimits: [{ name: 'api', limit: 100, duration: MINUTE - 1000 }] }, 'rateLimits'],
    [{ credits: null }, 'credits'],
    [{ credits: undefined }, 'credits'],
    [{ credits: { remaining: 51 } }, 'credits'],
    [{ credits: { remaining: 10, refill: { interval: 'daily', amount: 51 } } }, 'credits.refill'],
  ])('refuses %j with 403 naming %s, on create and on modify', async (body, field) => {
    const created = await create(body)
    expectStatus(created, 403)
    expect(created.body).toMatchObject({ code: 'limits.exceed_own' })
    expect(created.body.message).toContain(`'${field}'`)

    const target = await create({})
    const modifyBody = Object.fromEntries(Object.entries(body).map(([name, value]) => [name, value === undefined ? null : value]))
    if (Object.values(modifyBody).includes(null) && 'rateLimits' in modifyBody) return
    const modified = await h.post(`/api/apikeys/${target.body.ID}`, { secret: manager, body: modifyBody })
    expectStatus(modified, 403)
    expect(modified.body.code).toBe('limits.exceed_own')
  })

  it('refuses a monthly manager a daily refill', async () => {
    const monthly = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'monthly-manager', roleID, rateLimits: OWN_LIMITS, credits: { remaining: 50, refill: { interval: 'monthly', amount: 50 } } },
    })
    const res = await create({ credits: { remaining: 1, refill: { interval: 'daily', amount: 1 } } }, monthly.body.secretKey)
    expectStatus(res, 403)
    expect(res.body.message).toContain("'credits.refill'")
  })

  it('binds neither a key manager without the equal-or-lesser rule nor an administrator, who have no limits of their own', async () => {
    const unbound = await h.role({ rights: KEY_MANAGER, equalOrLesser: false })
    const free = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'unbound', roleID: unbound.id, rateLimits: OWN_LIMITS, credits: OWN_CREDITS },
    })
    expectStatus(await create({ rateLimits: [], credits: null, roleID: unbound.id }, free.body.secretKey), 200)

    const admin = await h.administrator({ role: roleID })
    const session = await h.signIn(admin.username, admin.password)
    const res = await h.post('/api/apikeys', { session, body: { keyName: 'by-admin', roleID, rateLimits: [] } })
    expectStatus(res, 200)
  })
})
