import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export type TestEngine = 'sqlite' | 'postgres'

/** The engine this test project runs on (`KEYWARD_TEST_DB`, set per project in vitest.config.ts). */
export function testEngine(): TestEngine {
  const engine = process.env.KEYWARD_TEST_DB ?? 'sqlite'
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`KEYWARD_TEST_DB must be sqlite or postgres, not ${engine}`)
  return engine
}

export interface TestDatabase {
  readonly url: string
  drop(): Promise<void>
}

/**
 * A new, empty database for one test file: a SQLite file in a temporary folder, or a new
 * database on the PostgreSQL server of `KEYWARD_TEST_POSTGRES_URL`.
 */
export async function createTestDatabase(engine: TestEngine = testEngine()): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-test-'))
    return { url: `sqlite:${join(dir, 'keyward.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const serverUrl = process.env.KEYWARD_TEST_POSTGRES_URL
  if (!serverUrl) throw new Error('KEYWARD_TEST_POSTGRES_URL is not set: the postgres test project needs a PostgreSQL server')
  const name = `keyward_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}
