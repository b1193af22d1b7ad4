import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Change } from '../../src/store/change-feed.js'
import { PostgresChangeFeed } from '../../src/store/postgres-change-feed.js'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.js'

/**
 * Issue 12, goal 6: a process whose LISTEN connection was dropped heard nothing for the whole
 * reconnect delay (a second), so changes made meanwhile elsewhere took a second to be refused;
 * and when PostgreSQL stayed away, every process retried once a second for ever. The first retry
 * is immediate; later ones back off. Waits between retries are the test's: it records them and
 * ends each one at once.
 */
describe.runIf(testEngine() === 'postgres')('postgres: the change feed after its LISTEN connection drops', () => {
  let database: TestDatabase
  let feed: PostgresChangeFeed
  let admin: pg.Client
  const waits: number[] = []
  /** Runs at each wait between retries, before it ends. */
  let onWait = async (): Promise<void> => {}
  beforeAll(async () => {
    database = await createTestDatabase()
    feed = new PostgresChangeFeed(database.url, {
      firstDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0.5,
      wait: async (ms) => {
        waits.push(ms)
        await onWait()
      },
    })
    await feed.start()
    admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
  })
  afterAll(async () => {
    await feed?.stop()
    await admin?.end()
    await database?.drop()
  })

  const next = (want: (change: Change | 'all' | 'deaf') => boolean) =>
    new Promise<void>((resolve) => {
      const stop = feed.subscribe((change) => {
        if (want(change)) {
          stop()
          resolve()
        }
      })
    })
  const killListen = async () => {
    const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'LISTEN %'`)
    expect(killed.rowCount).toBe(1)
  }
  /** From the server's own database: a database cannot refuse connections to itself. */
  const allowConnections = async (allow: boolean) => {
    const server = new pg.Client({ connectionString: process.env.KEYWARD_TEST_POSTGRES_URL })
    await server.connect()
    try {
      await server.query(`alter database "${new URL(database.url).pathname.slice(1)}" allow_connections ${allow}`)
    } finally {
      await server.end()
    }
  }

  it('reconnects at once, tells its listeners to forget everything, and hears changes again', async () => {
    const heard: string[] = []
    const stop = feed.subscribe((change) => heard.push(typeof change === 'string' ? change : `${change.resource}:${change.id}`))
    const caughtUp = next((change) => change === 'all')
    await killListen()
    await caughtUp
    expect(heard).toEqual(['deaf', 'all'])
    expect(waits).toEqual([])

    const arrived = next((change) => change !== 'all' && change !== 'deaf')
    await admin.query(`select pg_notify('keyward_changes', $1)`, [JSON.stringify({ o: 'elsewhere', c: [['apikey', 7]] })])
    await arrived
    stop()
    expect(heard).toEqual(['deaf', 'all', 'apikey:7'])
  })

  it('backs off while PostgreSQL refuses it, doubling the delay up to the cap with jitter, then catches up', async () => {
    waits.length = 0
    onWait = async () => {
      if (waits.length === 6) await allowConnections(true)
    }
    const caughtUp = next((change) => change === 'all')
    await allowConnections(false)
    try {
      await killListen()
      await caughtUp
    } finally {
      await allowConnections(true)
    }
    // Half of each delay is waived at random (here exactly half of that half, random() being 0.5).
    expect(waits).toEqual([75, 150, 300, 600, 750, 750])
  })
})
