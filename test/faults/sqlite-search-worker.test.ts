import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * On SQLite, searches run in a worker thread (src/store/sqlite-search-worker.ts). Once it died,
 * every later search waited for an answer that never came: the request hung.
 */
describe.runIf(testEngine() === 'sqlite')('sqlite: the search worker dies', () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const search = () =>
    h.post('/api/apikeys/search', {
      secret: h.keys.fullAccess.secret,
      body: { searchCriteria: [{ fieldName: 'keyName', stringValue: 'harness-%' }] },
    })

  /**
   * Terminates the real worker thread, the way a crash of its own would end it, with `sql`
   * (when given) sent to it just before: a worker restarted for this call has not even started
   * then, so the statement is still waiting when it dies.
   */
  const killWorker = (sql?: string) =>
    h.app.context.store.searchDb.getExecutor().provideConnection(async (connection) => {
      const waiting = sql === undefined ? undefined : connection.executeQuery(CompiledQuery.raw(sql)).catch((error: unknown) => error)
      await (connection as unknown as { close(): Promise<void> }).close()
      return waiting
    })

  it('is restarted: searches after each death answer, none hangs', async () => {
    expectStatus(await search(), 200)
    for (let death = 0; death < 2; death++) {
      await killWorker()
      const res = await search()
      expectStatus(res, 200)
      expect(res.body.apiKeys.length).toBeGreaterThan(0)
    }
  })

  // 503 server.database_unavailable (see database-errors.ts), not an unexplained 500.
  it('fails the statement it was running as a database outage', async () => {
    await killWorker()
    const failure = await killWorker('select 1')
    expect(failure).toMatchObject({ outage: { kind: 'down', cause: expect.stringContaining('search worker stopped') } })
    expectStatus(await search(), 200)
  })
})
