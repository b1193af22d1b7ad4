import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditSince, lastAuditId } from '../helpers/audit-log.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const MINUTE = 60_000
const LIMITS = [
  { name: 'reads', limit: 100, duration: MINUTE },
  { name: 'burst', limit: 5, duration: 1000 },
]
const CREDITS = { remaining: 1000, refill: { interval: 'monthly', amount: 1000, day: 15 } }

describe(`${testEngine()}: rateLimits and credits on API keys`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const create = (body: Record<string, unknown>, secret = h.keys.fullAccess.secret) =>
    h.post('/api/apikeys', { secret, body: { keyName: `k-${Math.random()}`, roleID: 2, ...body } })

  it('creates, describes, searches and modifies them', async () => {
    const created = await create({ rateLimits: LIMITS, credits: CREDITS })
    expectStatus(created, 200)
    expect(created.body).toMatchObject({ rateLimits: LIMITS, credits: CREDITS })
    const id = created.body.ID

    const described = await h.get(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret })
    expect(described.body).toMatchObject({ rateLimits: LIMITS, credits: CREDITS })
    const found = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria: [{ idTest: 'equal', idValue: id }] } })
    expect(found.body.apiKeys[0]).toMatchObject({ rateLimits: LIMITS, credits: CREDITS })

    const modified = await h.post(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret, body: { credits: { remaining: 5 } } })
    expectStatus(modified, 200)
    expect(modified.body.credits).toEqual({ remaining: 5 })
    expect(modified.body.rateLimits).toEqual(LIMITS)

    const removed = await h.post(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret, body: { rateLimits: [], credits: null } })
    expectStatus(removed, 200)
    expect(removed.body).not.toHaveProperty('rateLimits')
    expect(removed.body).not.toHaveProperty('credits')
    const row = await h.row(id)
    expect(row).toMatchObject({ rate_limits: null, credits_remaining: null, credits_refill_amount: null })
  })

  it('gives a key created through the API the default rate limit (500 a minute), and one made by the CLI none', async () => {
    const created = await create({})
    expect(created.body.rateLimits).toEqual([{ name: 'default', limit: 500, duration: MINUTE }])
    const unlimited = await create({ rateLimits: [] })
    expect(unlimited.body).not.toHaveProperty('rateLimits')
    const byCli = await h.key()
    expect(byCli.record.rateLimits).toBeUndefined()
  })

  it('takes the default from KEYWARD_DEFAULT_RATE_LIMIT', async () => {
    const other = await Harness.start({ defaultRateLimit: { limit: 20, duration: 1000 } })
    try {
      const created = await other.post('/api/apikeys', { secret: other.keys.fullAccess.secret, body: { keyName: 'd', roleID: 2 } })
      expect(created.body.rateLimits).toEqual([{ name: 'default', limit: 20, duration: 1000 }])
    } finally {
      await other.close()
    }
  })

  it.each([
    [{ rateLimits: [{ name: 'a', limit: 0, duration: MINUTE }] }, 'rateLimits[0].limit'],
    [{ rateLimits: [{ name: 'a', limit: 1, duration: 999 }] }, 'rateLimits[0].duration'],
    [{ rateLimits: [{ name: 'a b', limit: 1, duration: MINUTE }] }, 'rateLimits[0].name'],
    [{ rateLimits: [{ name: 'a', limit: 1 }] }, 'rateLimits[0].duration'],
    [{ rateLimits: [{ name: 'a', limit: 1, duration: MINUTE, extra: 1 }] }, 'rateLimits[0].extra'],
    [
      {
        rateLimits: [
          { name: 'a', limit: 1, duration: MINUTE },
          { name: 'a', limit: 2, duration: MINUTE },
        ],
      },
      'rateLimits[1].name',
    ],
    [{ rateLimits: { name: 'a' } }, 'rateLimits'],
    [{ credits: { remaining: -1 } }, 'credits.remaining'],
    [{ credits: { remaining: 1, refill: { interval: 'weekly', amount: 1 } } }, 'credits.refill.interval'],
    [{ credits: { remaining: 1, refill: { interval: 'monthly', amount: 1, day: 32 } } }, 'credits.refill.day'],
    [{ credits: { remaining: 1, refill: { interval: 'daily', amount: 1, day: 3 } } }, 'credits.refill.day'],
    [{ credits: { remaining: 1, refill: { interval: 'daily' } } }, 'credits.refill.amount'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    for (const res of [await create(body), await h.post(`/api/apikeys/${h.keys.auditor.id}`, { secret: h.keys.fullAccess.secret, body })]) {
      expectStatus(res, 400)
      expect(res.body.message).toContain(`'${field}'`)
    }
  })

  it('records every change in the audit log, and nothing when the values are the same', async () => {
    const mark = await lastAuditId(h)
    const created = await create({ rateLimits: LIMITS.slice(0, 1), credits: { remaining: 10 } })
    const id = created.body.ID
    await h.post(`/api/apikeys/${id}`, {
      secret: h.keys.fullAccess.secret,
      body: { rateLimits: LIMITS, credits: { remaining: 20, refill: { interval: 'daily', amount: 20 } } },
    })
    // The same values again, in another order: no change, no entry.
    await h.post(`/api/apikeys/${id}`, {
      secret: h.keys.fullAccess.secret,
      body: { rateLimits: LIMITS.map(({ duration, limit, name }) => ({ duration, limit, name })) },
    })
    await h.post(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret, body: { credits: null } })
    const entries = (await auditSince(h, mark)).filter((entry) => entry.resourceID === id)
    expect(entries.map((entry) => [entry.action, entry.changes.rateLimits, entry.changes.credits])).toEqual([
      ['apikey.create', { to: LIMITS.slice(0, 1) }, { to: { remaining: 10 } }],
      [
        'apikey.modify',
        { from: LIMITS.slice(0, 1), to: LIMITS },
        { from: { remaining: 10 }, to: { remaining: 20, refill: { interval: 'daily', amount: 20 } } },
      ],
      ['apikey.modify', undefined, { from: { remaining: 20, refill: { interval: 'daily', amount: 20 } }, to: null }],
    ])
  })

  it('lets a key send its own limits back unchanged on /apikeys/current, never change them', async () => {
    const created = await create({ rateLimits: LIMITS, credits: { remaining: 3 } })
    const secret = created.body.secretKey
    expectStatus(await h.post('/api/apikeys/current', { secret, body: { rateLimits: LIMITS, credits: { remaining: 3 }, description: 'x' } }), 200)
    for (const body of [{ rateLimits: [] }, { credits: null }, { credits: { remaining: 4 } }]) {
      const res = await h.post('/api/apikeys/current', { secret, body })
      expectStatus(res, 403)
      expect(res.body.code).toBe('apikey.current_field_denied')
    }
  })
})
