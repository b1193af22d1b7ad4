import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI_TEST_OPTIONS, runCli, runCliInProcess } from '../helpers/cli.js'
import { openDatabase, sqlitePathOf } from '../../src/store/database.js'
import { createTestDatabase, testEngine } from '../helpers/test-database.js'

// Issue 13: a mistyped --database-url made a new empty database (and its folders) and printed a
// secret that worked on no server; connection and open errors did not say what failed.
describe(`${testEngine()}: keyward commands and a database URL that is wrong`, CLI_TEST_OPTIONS, () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-cli-url-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.runIf(testEngine() === 'sqlite')('refuses a SQLite file that is not there, and creates neither file nor folder', async () => {
    const missing = join(dir, 'typo', 'keyward.db')
    for (const args of [
      ['apikeys', 'create', '--name', 'k', '--role', '1'],
      ['administrators', 'set-password', 'admin'],
    ]) {
      const result = await runCliInProcess([...args, '--database-url', `sqlite:${missing}`], { input: 'Passw0rd-long\n' })
      expect(result.code, result.stdout).toBe(1)
      expect(result.stderr).toContain(`there is no database at ${missing}`)
    }
    expect(existsSync(join(dir, 'typo'))).toBe(false)
  })

  it.runIf(testEngine() === 'sqlite')('names the SQLite file it cannot open', async () => {
    const result = await runCli(['migrate', '--database-url', `sqlite:${dir}`])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`keyward: cannot open the database ${dir}: `)
  })

  it.runIf(testEngine() === 'postgres')('names the PostgreSQL server it cannot reach and why, with the password masked', async () => {
    const result = await runCliInProcess(['apikeys', 'unlock', 'k', '--database-url', 'postgres://keyward:secret-pw@127.0.0.1:1/keyward'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('keyward: cannot open the database postgres://keyward:***@127.0.0.1:1/keyward: connect ECONNREFUSED 127.0.0.1:1')
    expect(result.stderr).not.toContain('migration failed')
    expect(result.stderr).not.toContain('secret-pw')
  })

  it('refuses a database that exists but was never migrated, and leaves it empty', async () => {
    const empty = await createTestDatabase()
    try {
      if (testEngine() === 'sqlite') writeFileSync(sqlitePathOf(empty.url), '')
      const result = await runCliInProcess(['apikeys', 'create', '--name', 'k', '--role', '1', '--database-url', empty.url])
      expect(result.code, result.stdout).toBe(1)
      expect(result.stderr).toMatch(
        /has no Keyward tables: check --database-url \(or KEYWARD_DATABASE_URL\); "keyward migrate" or "keyward serve" creates them/,
      )
      expect(result.stdout).not.toContain('kw')
      const database = openDatabase(empty.url, { databaseConnectTimeoutMs: 5000, databaseStatementTimeoutMs: 5000, sqliteSynchronous: 'full' })
      try {
        expect(await database.db.introspection.getTables()).toEqual([])
      } finally {
        await database.db.destroy()
      }
    } finally {
      await empty.drop()
    }
  })

  it.runIf(testEngine() === 'postgres')('refuses a PostgreSQL database that does not exist', async () => {
    const url = new URL(process.env.KEYWARD_TEST_POSTGRES_URL!)
    url.pathname = '/keyward_typo_never_created'
    const result = await runCliInProcess(['apikeys', 'unlock', 'k', '--database-url', url.toString()])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('database "keyward_typo_never_created" does not exist')
  })
})
