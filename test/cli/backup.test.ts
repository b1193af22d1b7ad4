import SqliteDatabase from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Store } from '../../src/store/store.js'
import { runCli } from '../helpers/cli.js'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const folder = mkdtempSync(join(tmpdir(), 'keyward-backup-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe.runIf(testEngine() === 'sqlite')('sqlite: keyward backup and restore', () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('backs up a consistent copy while the server writes, and restores it into a database that serves', async () => {
    const before = await h.key({ name: 'made-before-the-backup' })
    // Keys are created one after another while the backup runs, each in its own transaction
    // with its audit entry: a consistent copy holds every key's audit entry.
    let writing = true
    const writer = (async () => {
      let n = 0
      while (writing && n < 300) await h.key({ name: `during-${n++}` })
      return n
    })()
    const backupFile = join(folder, 'keyward-backup.db')
    const result = await runCli(['backup', backupFile, '--database-url', h.database.url])
    writing = false
    const written = await writer
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(`Backed up the database to ${backupFile}`)

    const copy = new SqliteDatabase(backupFile, { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      const keys = copy.prepare('select key_name from api_keys').pluck().all() as string[]
      expect(keys).toContain('made-before-the-backup')
      const created = copy.prepare("select count(*) from audit_events where action = 'apikey.create'").pluck().get()
      expect(created).toBe(keys.length)
      expect(keys.length).toBeLessThanOrEqual(written + 3)
    } finally {
      copy.close()
    }

    const restoredUrl = `sqlite:${join(folder, 'restored.db')}`
    const restore = await runCli(['restore', backupFile, '--database-url', restoredUrl])
    expect(restore.code, restore.stderr).toBe(0)
    const restored = await h.otherProcess({ databaseUrl: restoredUrl })
    const res = await restored.fastify.inject({ method: 'GET', url: '/api/apikeys/current', headers: { 'api-version': 'v1', 'api-secret-key': before.secret } })
    expect(res.statusCode, res.body).toBe(200)
  }, 120_000)

  it('refuses a backup over an existing file, and a restore from a file that is not a Keyward database', async () => {
    const existing = join(folder, 'exists.db')
    writeFileSync(existing, 'not empty')
    const over = await runCli(['backup', existing, '--database-url', h.database.url])
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('exists: back up to a new file')
    const bad = await runCli(['restore', existing, '--database-url', `sqlite:${join(folder, 'other.db')}`])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/is not (an intact SQLite|a SQLite|a Keyward) database/)
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  }, 120_000)
})

describe.runIf(testEngine() === 'postgres')('postgres: keyward backup', () => {
  it('says to use pg_dump', async () => {
    const result = await runCli(['backup', join(folder, 'pg.db'), '--database-url', 'postgres://keyward@127.0.0.1:1/none'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('for PostgreSQL use pg_dump')
  }, 60_000)
})

describe(`${testEngine()}: a database newer than the code`, () => {
  it('is refused, naming what this version lacks', async () => {
    const h = await Harness.start()
    try {
      await h.db
        .insertInto('keyward_migrations' as never)
        .values({ name: '2099-01-01-00-from-the-future', timestamp: new Date().toISOString() } as never)
        .execute()
      await expect(
        Store.open(h.database.url, {
          changePollIntervalMs: 250,
          databaseConnectTimeoutMs: 5000,
          databaseStatementTimeoutMs: 10_000,
          sqliteSynchronous: 'normal',
        }),
      ).rejects.toThrow(/upgraded by a newer Keyward \(it has migrations this version lacks: 2099-01-01-00-from-the-future\)/)
    } finally {
      await h.close()
    }
  })
})
