import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Two uses of a key in the same millisecond, written by two batches: the later one must win.
 * A strict "newer than stored" guard kept the earlier address, which made
 * test/security/trusted-proxy.test.ts fail now and then when the interval flush fell between
 * its two requests.
 */
describe(`${testEngine()}: last sign-in batches`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('a later batch with the same time replaces the address; an older one does not', async () => {
    const { id } = h.keys.auditor
    const usage = h.app.context.usage
    const at = Date.now() + 60_000
    usage.record(id, at, '192.0.2.1')
    await usage.flush()
    usage.record(id, at, '192.0.2.2')
    await usage.flush()
    expect(await h.row(id)).toMatchObject({ last_sign_in_address: '192.0.2.2' })
    usage.record(id, at - 1, '192.0.2.3')
    await usage.flush()
    expect(await h.row(id)).toMatchObject({ last_sign_in_address: '192.0.2.2' })
  })

  /**
   * Issue 12, goal 6: every process flushes the keys it saw in the order it first saw them, so
   * two processes' batches locked the same rows in opposite orders and deadlocked; PostgreSQL
   * broke each cycle after deadlock_timeout (1 s), meanwhile a change of one of those keys waited,
   * and the victim could be that change (a 500). A blocker holds the first key so both batches
   * are in flight before either goes on, the second having taken the other key.
   */
  it.runIf(testEngine() === 'postgres')('two batches naming the same keys in opposite orders both commit', async () => {
    const [one, two] = [h.keys.fullAccess.id, h.keys.auditor.id]
    const keys = h.app.context.stores.apiKeys
    const blocker = new pg.Client({ connectionString: h.database.url })
    await blocker.connect()
    // Asked outside the blocker's transaction, whose view of pg_stat_activity stays as it first read it.
    const lockWaits = async (n: number) => {
      const waiting = sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`
      while ((await waiting.execute(h.db)).rows[0]!.n < n);
    }
    try {
      await blocker.query('begin')
      await blocker.query('select 1 from api_keys where id = $1 for update', [one])
      // Later than any use written before, so that each update takes its row.
      const at = Date.now() + 3_600_000
      const first = keys.recordUsage([
        { id: one, at, address: '192.0.2.10' },
        { id: two, at, address: '192.0.2.10' },
      ])
      await lockWaits(1)
      const second = keys.recordUsage([
        { id: two, at, address: '192.0.2.11' },
        { id: one, at, address: '192.0.2.11' },
      ])
      await lockWaits(2)
      await blocker.query('commit')
      expect((await Promise.allSettled([first, second])).map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
        'fulfilled',
        'fulfilled',
      ])
    } finally {
      await blocker.end()
    }
  })
})
