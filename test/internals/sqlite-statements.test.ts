import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../src/store/database.js'

/** The SQLite driver's prepared statements: kept per connection, never stale. */
describe('SQLite prepared statements', () => {
  const folder = mkdtempSync(join(tmpdir(), 'keyward-statements-'))
  const path = join(folder, 'keyward.db')
  let db: Kysely<any>
  beforeAll(async () => {
    db = openDatabase(`sqlite:${path}`, { databaseConnectTimeoutMs: 1000, databaseStatementTimeoutMs: 1000, sqliteSynchronous: 'normal' }).db
    await sql`create table t (a integer)`.execute(db)
  })
  afterAll(async () => {
    await db.destroy()
    rmSync(folder, { recursive: true, force: true })
  })

  it('prepares a statement once per connection, however often it runs', async () => {
    const prepare = vi.spyOn(SqliteDatabase.prototype, 'prepare')
    try {
      for (let i = 0; i < 5; i++) {
        await db.insertInto('t').values({ a: i }).execute()
        await db.selectFrom('t').selectAll().execute()
      }
      const prepared = (start: string) => prepare.mock.calls.filter(([text]) => text.startsWith(start)).length
      // A write is prepared on the reading connection too, which tells it is not a read.
      expect(prepared('insert')).toBe(2)
      expect(prepared('select')).toBe(1)
    } finally {
      prepare.mockRestore()
    }
  })

  it("runs a cached statement against the schema as it is now, after another connection's migration", async () => {
    await db.selectFrom('t').selectAll().execute()
    const other = new SqliteDatabase(path)
    try {
      other.exec("alter table t add column b text not null default 'x'")
      expect((await db.selectFrom('t').selectAll().limit(1).execute())[0]).toEqual({ a: 0, b: 'x' })
      other.exec('drop table t')
      other.exec('create table t (c integer)')
      other.exec('insert into t values (7)')
      expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ c: 7 }])
      expect(await db.transaction().execute((trx) => trx.selectFrom('t').selectAll().execute())).toEqual([{ c: 7 }])
    } finally {
      other.close()
    }
  })
})
