import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/store/database.js'
import { migrateToLatest } from '../../src/store/migrate.js'

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

const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../src/store/migrations')

/** Names the schema the migrations make, so a template made by other migrations is never used. */
function schemaTag(): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)))
  return hash.digest('hex').slice(0, 12)
}

async function migrate(url: string): Promise<void> {
  const database = openDatabase(url, loadConfig({}, { databaseUrl: url }))
  try {
    await migrateToLatest(database)
  } finally {
    if (database.searchDb !== database.db) await database.searchDb.destroy()
    await database.db.destroy()
  }
}

/**
 * A SQLite file migrated to the latest schema, made once per schema and copied for each test
 * file: migrating costs more than copying. Made under another name and renamed into place, so
 * a worker never copies a half-made one.
 */
async function sqliteTemplate(): Promise<string> {
  const file = join(tmpdir(), `keyward-template-${schemaTag()}.db`)
  if (existsSync(file)) return file
  const dir = mkdtempSync(join(tmpdir(), 'keyward-template-'))
  try {
    await migrate(`sqlite:${join(dir, 'keyward.db')}`)
    renameSync(join(dir, 'keyward.db'), file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return file
}

/**
 * The name of a PostgreSQL database migrated to the latest schema, made once per schema on the
 * server (under an advisory lock, as workers ask at once) and copied by `CREATE DATABASE …
 * TEMPLATE`.
 */
async function postgresTemplate(admin: pg.Client, serverUrl: string): Promise<string> {
  const name = `keyward_template_${schemaTag()}`
  const exists = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1
  if (await exists()) return name
  await admin.query("SELECT pg_advisory_lock(hashtext('keyward test template'))")
  try {
    if (await exists()) return name
    const building = `${name}_${randomBytes(4).toString('hex')}`
    await admin.query(`CREATE DATABASE ${building}`)
    const url = new URL(serverUrl)
    url.pathname = `/${building}`
    await migrate(url.toString())
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
    return name
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('keyward test template'))")
  }
}

/**
 * A new database for one test file: a SQLite file in a temporary folder, or a new database on
 * the PostgreSQL server of `KEYWARD_TEST_POSTGRES_URL`. Empty, or with `migrated`, already at
 * the latest schema (a copy of a template, which is faster than migrating).
 */
export async function createTestDatabase(engine: TestEngine = testEngine(), options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-test-'))
    const file = join(dir, 'keyward.db')
    if (options.migrated) copyFileSync(await sqliteTemplate(), file)
    return { url: `sqlite:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const serverUrl = process.env.KEYWARD_TEST_POSTGRES_URL
  if (!serverUrl) throw new Error('KEYWARD_TEST_POSTGRES_URL is not set: the postgres test project needs a PostgreSQL server')
  const name = `keyward_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    const template = options.migrated ? ` TEMPLATE ${await postgresTemplate(admin, serverUrl)}` : ''
    await admin.query(`CREATE DATABASE ${name}${template}`)
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
