/**
 * An upgrade's migrations may take longer than a request's statement may: an index built over a
 * million keys took about a minute, where `KEYWARD_DATABASE_STATEMENT_TIMEOUT` is 10 s. On
 * PostgreSQL they run without that limit. Here a migration waits on a lock held past the limit
 * and still completes once the lock is released.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { Store } from '../../src/store/store.js'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.js'

const LIMIT_MS = 200
const LAST = '2026-12-05-10-api-key-tags'

describe.runIf(testEngine() === 'postgres')('postgres: migrations on start-up', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(testEngine(), { migrated: true })
  })
  afterAll(() => database.drop())

  it('are not cut off by the statement timeout requests run under', async () => {
    const locker = new pg.Client({ connectionString: database.url })
    await locker.connect()
    try {
      // The database as it was before the tags migration, and a long transaction on its table.
      await locker.query('alter table api_keys drop column tags')
      await locker.query('delete from keyward_migrations where name = $1', [LAST])
      await locker.query('begin')
      await locker.query('lock table api_keys in access exclusive mode')

      const opening = Store.open(database.url, loadConfig({}, { databaseUrl: database.url, databaseStatementTimeoutMs: LIMIT_MS }))
      const outcome = opening.then(
        (store) => ({ store }),
        (error: unknown) => ({ error: String(error) }),
      )
      // Event-driven: the migration is waiting for the lock...
      for (;;) {
        // Within a transaction the statistics are read once, unless their snapshot is dropped.
        await locker.query('select pg_stat_clear_snapshot()')
        const waiting = await locker.query(
          "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike 'alter table%tags%'",
        )
        if (waiting.rowCount) break
        const early = await Promise.race([outcome, new Promise((resolve) => setTimeout(resolve, 20, undefined))])
        if (early) throw new Error(`start-up ended before its migration waited: ${JSON.stringify(early)}`)
      }
      // ...for longer than a request's statement may run.
      await new Promise((resolve) => setTimeout(resolve, 3 * LIMIT_MS))
      await locker.query('commit')

      const result = await outcome
      expect('error' in result ? result.error : 'opened').toBe('opened')
      const store = (result as { store: Store }).store
      try {
        const columns = await sql<{
          name: string
        }>`select column_name as name from information_schema.columns where table_name = 'api_keys' and column_name = 'tags'`.execute(store.db)
        expect(columns.rows).toHaveLength(1)
      } finally {
        await store.close()
      }
    } finally {
      await locker.end()
    }
  })
})
