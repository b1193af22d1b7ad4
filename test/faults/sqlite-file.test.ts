import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_TEST_OPTIONS, startServer } from '../helpers/cli.js'
import { expectStatus, Harness, type TestResponse } from '../helpers/harness.js'
import { rootOnlyCasesRun } from '../helpers/root-only.js'
import { testEngine } from '../helpers/test-database.js'

// Mounting a tmpfs and chattr need root.
const canMount = testEngine() !== 'sqlite' || rootOnlyCasesRun('test/faults/sqlite-file.test.ts: the read-only and disk-full cases', process.getuid?.() === 0)

/**
 * Issue 11, cases 2 and 4 on SQLite: the database file deleted under a running server (once
 * 20 s of 200s, then a new empty database on restart), and a full disk (once every write
 * failed with "cannot rollback - no transaction is active" while /readyz said 200).
 */
describe.runIf(testEngine() === 'sqlite')('sqlite: the database file deleted, its disk full', () => {
  describe('the file deleted', () => {
    let h: Harness
    beforeAll(async () => {
      h = await Harness.start()
    })
    afterAll(() => h.close())

    it('turns /readyz to 503, refuses writes, and `keyward serve` asks for --init', CLI_TEST_OPTIONS, async () => {
      const path = h.database.url.replace(/^sqlite:/, '')
      const secret = h.keys.fullAccess.secret
      expectStatus(await h.get('/readyz'), 200)
      unlinkSync(path)

      const ready = await h.get('/readyz', { headers: { 'accept-language': 'ja-JP' } })
      expectStatus(ready, 503)
      expect(ready.body).toMatchObject({ status: 'unavailable', database: 'sqlite', problem: 'file_gone', code: 'server.database_unavailable' })
      expect(ready.body.message).toContain('データベース')
      expect(ready.text).not.toContain(path)
      const write = await h.post('/api/apikeys', { secret, body: { keyName: 'into-the-void', roleID: 2 } })
      expectStatus(write, 503)
      expect(write.headers['retry-after']).toBe('5')
      expect(h.logs.join('')).toContain(`database unavailable (file_gone: ${path} was deleted)`)

      await expect(startServer({ KEYWARD_DATABASE_URL: h.database.url })).rejects.toThrow(/is missing, but this folder held one.*--init/)
      const fresh = await startServer({ KEYWARD_DATABASE_URL: h.database.url, KEYWARD_ADMIN_PASSWORD: 'Fresh-passw0rd' }, ['--init'])
      try {
        expect((await fetch(`${fresh.url}/readyz`)).status).toBe(200)
      } finally {
        await fresh.stop()
      }
    })
  })

  // Searches run in a worker thread with its own connection, opened at the first search: on a
  // deleted file it failed, and the search answered 500.
  describe('the file deleted before the first search', () => {
    let h: Harness
    beforeAll(async () => {
      h = await Harness.start()
    })
    afterAll(() => h.close())

    it('answers every search 503 with Retry-After', async () => {
      unlinkSync(h.database.url.replace(/^sqlite:/, ''))
      for (let attempt = 0; attempt < 2; attempt++) {
        const search = await h.post('/api/apikeys/search', {
          secret: h.keys.fullAccess.secret,
          body: { searchCriteria: [{ fieldName: 'keyName', stringValue: 'harness-%' }] },
        })
        expectStatus(search, 503)
        expect(search.headers['retry-after']).toBe('5')
        expect(search.body.code).toBe('server.database_unavailable')
      }
    })
  })

  // As root, permission bits do not stop writes; the immutable attribute does (chattr +i), the
  // way a read-only file stops a non-root Keyward.
  describe.runIf(canMount)('the file made read-only', () => {
    let h: Harness
    let files: string[] = []
    beforeAll(async () => {
      h = await Harness.start()
    })
    afterAll(async () => {
      for (const file of files) execFileSync('chattr', ['-i', file])
      await h?.close()
    })

    it('answers 503 and /readyz 503 while read-only, names SQLITE_READONLY in the log, and recovers', async () => {
      const path = h.database.url.replace(/^sqlite:/, '')
      const secret = h.keys.fullAccess.secret
      expectStatus(await h.post('/api/apikeys', { secret, body: { keyName: 'before-read-only', roleID: 2 } }), 200)
      files = [path, `${path}-wal`].filter((file) => existsSync(file))
      for (const file of files) execFileSync('chattr', ['+i', file])

      const ready = await h.get('/readyz')
      expectStatus(ready, 503)
      expect(ready.body).toMatchObject({ problem: 'read_only', code: 'server.database_unavailable' })
      const write = await h.post('/api/apikeys', { secret, body: { keyName: 'while-read-only', roleID: 2 } })
      expectStatus(write, 503)
      expect(write.body.code).toBe('server.database_unavailable')
      expect(h.logs.join('')).toContain('SQLITE_READONLY')
      expect(h.logs.join('')).not.toContain('cannot rollback')
      expectStatus(await h.get('/api/apikeys/current', { secret }), 200)

      for (const file of files) execFileSync('chattr', ['-i', file])
      files = []
      expectStatus(await h.get('/readyz'), 200)
      expectStatus(await h.post('/api/apikeys', { secret, body: { keyName: 'after-read-only', roleID: 2 } }), 200)
    })
  })

  describe.runIf(canMount)('the disk full (a 2 MB tmpfs)', () => {
    let mountPoint: string
    let h: Harness
    beforeAll(async () => {
      mountPoint = mkdtempSync(join(tmpdir(), 'keyward-full-'))
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint])
      mkdirSync(join(mountPoint, 'data'))
      h = await Harness.start({ databaseUrl: `sqlite:${join(mountPoint, 'data', 'keyward.db')}` })
    })
    afterAll(async () => {
      await h?.close()
      execFileSync('umount', [mountPoint])
      rmSync(mountPoint, { recursive: true, force: true })
    })

    it('answers 503 and /readyz 503 while full, names SQLITE_FULL in the log, and recovers', async () => {
      const secret = h.keys.fullAccess.secret
      const filler = join(mountPoint, 'filler')
      try {
        writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024))
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
      }
      const ready = await h.get('/readyz')
      expectStatus(ready, 503)
      expect(ready.body).toMatchObject({ problem: 'disk_full' })
      let write: TestResponse | undefined
      for (let i = 0; i < 20; i++) {
        write = await h.post('/api/apikeys', { secret, body: { keyName: `full-${i}`, roleID: 2, description: 'x'.repeat(1000) } })
        if (write.status !== 200) break
      }
      expectStatus(write!, 503)
      expect(write!.body.code).toBe('server.database_unavailable')
      const logs = h.logs.join('')
      expect(logs).toContain('database unavailable (disk_full: SQLITE_FULL)')
      expect(logs).not.toContain('cannot rollback')

      unlinkSync(filler)
      expectStatus(await h.get('/readyz'), 200)
      expectStatus(await h.post('/api/apikeys', { secret, body: { keyName: 'after-the-flood', roleID: 2 } }), 200)
    })
  })
})
