import type { KeywardApp } from '../../src/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret, hashSecret } from '../../src/auth/secret-format.js'
import { AUDITOR_ROLE_ID } from '../../src/roles/role.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** Status of GET /api/apikeys/current on another process, polled until it is `want` or a second passes. */
async function statusWithin(
  app: KeywardApp,
  secret: string,
  want: number,
  url = '/api/apikeys/current',
  ms = 1000,
): Promise<{ status: number; elapsed: number }> {
  const start = Date.now()
  for (;;) {
    const res = await app.fastify.inject({ method: 'GET', url, headers: { 'api-version': 'v1', 'api-secret-key': secret } })
    const elapsed = Date.now() - start
    if (res.statusCode === want || elapsed > ms) return { status: res.statusCode, elapsed }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const status =
  (app: KeywardApp, secret: string, url = '/api/apikeys/current') =>
  async () =>
    (await app.fastify.inject({ method: 'GET', url, headers: { 'api-version': 'v1', 'api-secret-key': secret } })).statusCode

/**
 * Listens, from now on, for changes of key `id` reaching `app`'s change feed: the tests below
 * wait on those events, not on a clock (the first test keeps the one-second bound end to end).
 */
function listen(app: KeywardApp, id: number) {
  let heard = 0
  let wake: (() => void) | undefined
  const unsubscribe = app.context.store.feed.subscribe((change) => {
    if (change === 'all' || (change !== 'deaf' && change.resource === 'apikey' && change.id === id)) {
      heard++
      wake?.()
    }
  })
  return {
    /** Probes after each change heard (the cache has dropped the key by then) until it answers `want`. */
    async until(probe: () => Promise<number>, want: number): Promise<number> {
      let seen = 0
      try {
        for (;;) {
          if (heard === seen) await new Promise<void>((resolve) => (wake = resolve))
          seen = heard
          const answer = await probe()
          if (answer === want) return answer
        }
      } finally {
        unsubscribe()
      }
    },
  }
}

describe(`${testEngine()}: changes reach every process`, () => {
  let h: Harness
  let other: KeywardApp
  beforeAll(async () => {
    // Automatic key lock-out is opt-in; on here, to see it propagate.
    h = await Harness.start({ changePollIntervalMs: 250, keyLockout: true })
    other = await h.otherProcess({ changePollIntervalMs: 250, keyLockout: true })
  })
  afterAll(() => h.close())

  const warm = async (secret: string) => expect((await statusWithin(other, secret, 200)).status).toBe(200)

  it('a lock-out made in one process takes effect in another within one second', async () => {
    const key = await h.key()
    await warm(key.secret)
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { active: false } }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 401)
    expect(await statusWithin(other, key.secret, 401)).toMatchObject({ status: 401 })
  })

  it('a delete made in one process takes effect in another once it hears of it', async () => {
    const key = await h.key()
    await warm(key.secret)
    const feed = listen(other, key.id)
    expectStatus(await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret }), 200)
    expect(await feed.until(status(other, key.secret), 401)).toBe(401)
  })

  it('a new secret made in one process retires the old one in another once it hears of it, and the new one works there', async () => {
    const key = await h.key()
    await warm(key.secret)
    const feed = listen(other, key.id)
    const res = await h.post(`/api/apikeys/${key.id}/secretkey`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(await feed.until(status(other, key.secret), 401)).toBe(401)
    expect(await status(other, res.body.secretKey)()).toBe(200)
  })

  it('a role change made in one process takes effect in another once it hears of it', async () => {
    const key = await h.key()
    await warm(key.secret)
    expect(await status(other, key.secret, '/api/apikeys')()).toBe(200)
    const feed = listen(other, key.id)
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { roleID: AUDITOR_ROLE_ID } }), 200)
    let attempt = 0
    const create = async () =>
      (
        await other.fastify.inject({
          method: 'POST',
          url: '/api/apikeys',
          headers: { 'api-version': 'v1', 'api-secret-key': key.secret, 'content-type': 'application/json' },
          payload: JSON.stringify({ keyName: `by-demoted-${key.id}-${attempt++}`, roleID: 2 }),
        })
      ).statusCode
    expect(await feed.until(create, 403)).toBe(403)
  })

  it('an expiry change made in one process takes effect in another once it hears of it', async () => {
    const key = await h.key()
    await warm(key.secret)
    const feed = listen(other, key.id)
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { expiryDate: h.clock() + 2000 } }), 200)
    h.clock.advance(3000)
    expect(await feed.until(status(other, key.secret), 401)).toBe(401)
  })

  it('an automatic lock-out in one process takes effect in another once it hears of it', async () => {
    const key = await h.key()
    await warm(key.secret)
    const feed = listen(other, key.id)
    for (let i = 0; i < 5; i++) expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
    await h.app.context.failures.settled()
    expect(await feed.until(status(other, key.secret), 401)).toBe(401)
  })

  it('a change heard while the failure bookkeeping is writing is not undone by it', async () => {
    const key = await h.key()
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
    await h.app.context.failures.settled()
    // The right secret after a failure: the bookkeeping resets the count (a write) and then
    // caches the row it wrote. A new secret arrives from elsewhere meanwhile.
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    const writing = h.app.context.failures.settled()
    await h.db
      .updateTable('api_keys')
      .set({ secret_hash: hashSecret(createSecret(key.id)) })
      .where('id', '=', key.id)
      .execute()
    h.app.context.store.feed.announce({ resource: 'apikey', id: key.id })
    await writing
    const res = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(res, 401)
    expect(res.body.code).toBe('auth.secret_invalid')
  })
})
