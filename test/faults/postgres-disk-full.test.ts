import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness, type TestResponse } from '../helpers/harness.js'
import { rootOnlyCasesRun } from '../helpers/root-only.js'
import { testEngine } from '../helpers/test-database.js'

// A tablespace on a tmpfs needs root (mount, chown) and a server on this machine.
const serverUrl = process.env.KEYWARD_TEST_POSTGRES_URL
const local = serverUrl !== undefined && ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(serverUrl).hostname)
const canMount =
  testEngine() === 'postgres' &&
  rootOnlyCasesRun('test/faults/postgres-disk-full.test.ts: the disk-full case (root and a local PostgreSQL)', process.getuid?.() === 0 && local)

/**
 * A full disk on PostgreSQL (SQLSTATE 53100): the api_keys table moved to a tablespace on a
 * 1 MB tmpfs, which a file then fills. A write must answer 503 (as on SQLite, see
 * sqlite-file.test.ts), leave nothing half-written, name the cause in the log, and work again
 * once there is room.
 */
describe.runIf(canMount)('postgres: the disk full (a tablespace on a 1 MB tmpfs)', () => {
  const tablespace = `keyward_full_${process.pid}`
  let mountPoint: string
  let h: Harness
  beforeAll(async () => {
    mountPoint = mkdtempSync(join(tmpdir(), 'keyward-pg-full-'))
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint])
    mkdirSync(join(mountPoint, 'data'))
    execFileSync('chown', ['postgres:postgres', join(mountPoint, 'data')])
    h = await Harness.start()
    await sql.raw(`create tablespace ${tablespace} location '${join(mountPoint, 'data')}'`).execute(h.db)
    await sql.raw(`alter table api_keys set tablespace ${tablespace}`).execute(h.db)
  })
  afterAll(async () => {
    await h?.close()
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    try {
      await admin.query(`drop tablespace if exists ${tablespace}`)
    } finally {
      await admin.end()
    }
    execFileSync('umount', [mountPoint])
    rmSync(mountPoint, { recursive: true, force: true })
  })

  it('answers 503 with nothing half-written, names 53100 in the log, and recovers', async () => {
    const secret = h.keys.fullAccess.secret
    const filler = join(mountPoint, 'filler')
    try {
      writeFileSync(filler, Buffer.alloc(2 * 1024 * 1024))
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
    }
    let write: TestResponse | undefined
    let name = ''
    for (let i = 0; i < 40 && write?.status !== 503; i++) {
      name = `full-${i}`
      write = await h.post('/api/apikeys', { secret, body: { keyName: name, roleID: 2, description: 'x'.repeat(1000) } })
      if (write.status !== 503) expectStatus(write, 200)
    }
    expectStatus(write!, 503)
    expect(write!.headers['retry-after']).toBe('5')
    expect(write!.body.code).toBe('server.database_unavailable')
    expect(h.logs.join('')).toContain('disk_full: 53100')
    expect(await h.db.selectFrom('api_keys').select('id').where('key_name', '=', name).execute()).toEqual([])
    expect(await h.db.selectFrom('audit_events').select('id').where('resource_name', '=', name).execute()).toEqual([])

    rmSync(filler)
    expectStatus(await h.post('/api/apikeys', { secret, body: { keyName: name, roleID: 2, description: 'x'.repeat(1000) } }), 200)
  })
})
