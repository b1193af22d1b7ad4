import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Issue 12, goal 5: `GET /api/apikeys` has no paging in the model API, so at a million keys it
 * must not load them all at once. It reads them a page at a time (here 2 keys a page) and
 * streams the answer, which is still every key, by ID.
 */
describe(`${testEngine()}: apikeys list, read a page at a time`, () => {
  let h: Harness
  /** The most keys any one read of the store returned. */
  let largestRead = 0

  beforeAll(async () => {
    h = await Harness.start({ listPageSize: 2 })
    for (const name of ['page-a', 'page-b', 'page-c']) await h.key({ name })
    const store = h.app.context.stores.apiKeys
    for (const method of ['findAll', 'search'] as const) {
      const read = store[method].bind(store) as (...args: unknown[]) => Promise<unknown[] | { items: unknown[] }>
      ;(store as Record<typeof method, unknown>)[method] = async (...args: unknown[]) => {
        const result = await read(...args)
        largestRead = Math.max(largestRead, Array.isArray(result) ? result.length : result.items.length)
        return result
      }
    }
  })
  afterAll(() => h.close())

  it('answers every key, as search does, by ID, reading no more than a page at once', async () => {
    largestRead = 0
    const listed = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expectStatus(listed, 200)
    expect(largestRead).toBe(2)
    expect(listed.headers['content-type']).toMatch(/^application\/json/)
    const searched = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { sortByObjectID: true } })
    // The calling key's last sign-in moves between the two requests.
    const withoutSignIn = (body: { apiKeys: Record<string, unknown>[] }) => body.apiKeys.map(({ lastSignIn, lastSignInAddress, ...key }) => key)
    expect(withoutSignIn(listed.body)).toEqual(withoutSignIn(searched.body))
    expect(listed.body.apiKeys.map((key: { keyName: string }) => key.keyName)).toEqual(['harness-full-access', 'harness-auditor', 'page-a', 'page-b', 'page-c'])
  })

  it('ends the list when its last page is full', async () => {
    const last = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { maxItems: 1, sortByObjectID: true, sortDescending: true } })
    await h.app.context.services.apiKeys.delete(h.system, last.body.apiKeys[0].ID)
    const listed = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expectStatus(listed, 200)
    expect(listed.body.apiKeys).toHaveLength(4)
  })
})
