import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { listen, rawConnection } from '../helpers/raw-socket.js'
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
  /** Run once after the next read of the store, before its page is sent. */
  let afterNextRead: (() => Promise<unknown>) | undefined

  beforeAll(async () => {
    h = await Harness.start({ listPageSize: 2 })
    for (const name of ['page-a', 'page-b', 'page-c']) await h.key({ name })
    const store = h.app.context.stores.apiKeys
    for (const method of ['findAll', 'search'] as const) {
      const read = store[method].bind(store) as (...args: unknown[]) => Promise<unknown[] | { items: unknown[] }>
      ;(store as Record<typeof method, unknown>)[method] = async (...args: unknown[]) => {
        const result = await read(...args)
        largestRead = Math.max(largestRead, Array.isArray(result) ? result.length : result.items.length)
        const fault = afterNextRead
        afterNextRead = undefined
        await fault?.()
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

  // The answer is sent before the failure: the status is said and cannot change, so only a cut
  // (no closing bracket, no last chunk) tells the client the list is not whole.
  it('cuts the answer off when the database fails after the first page; the server logs it and stays up', async () => {
    const renameKeys = (from: string, to: string) => sql`alter table ${sql.table(from)} rename to ${sql.table(to)}`.execute(h.app.context.store.db)
    const exchange = await rawConnection(await listen(h))
    afterNextRead = () => renameKeys('api_keys', 'api_keys_gone')
    let answer: string
    try {
      exchange.socket.write(
        `GET /api/apikeys HTTP/1.1\r\nhost: 127.0.0.1\r\napi-version: v1\r\napi-secret-key: ${h.keys.fullAccess.secret}\r\nconnection: close\r\n\r\n`,
      )
      answer = await exchange.closed
    } finally {
      await renameKeys('api_keys_gone', 'api_keys')
    }
    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(answer).toMatch(/transfer-encoding: chunked/i)
    expect(answer, 'the first page is sent').toContain('"keyName":"harness-auditor"')
    expect(answer, 'no list end').not.toContain(']}')
    expect(answer, 'no last chunk').not.toMatch(/\r\n0\r\n\r\n$/)
    const errors = h.logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50)
    expect(errors, h.logs.join('')).toContainEqual(
      expect.objectContaining({
        msg: expect.stringContaining('list was cut off'),
        err: expect.objectContaining({ message: expect.stringMatching(/api_keys/) }),
      }),
    )
    const listed = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expectStatus(listed, 200)
    expect(listed.body.apiKeys.length).toBeGreaterThan(2)
  })
})
