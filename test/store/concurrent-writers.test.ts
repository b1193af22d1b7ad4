import type { KeywardApp } from '../../src/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliInProcess } from '../helpers/cli.js'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const WRITES_PER_PROCESS = 12
const CLI_WRITES = 3

/**
 * Issue 12, goal 6: writers in several processes and the CLI at once, on one database. Each
 * holds its own connections (on SQLite its own write lock to wait for): no client may see
 * SQLITE_BUSY, a 503 or a 500 for a wait that the others end in milliseconds.
 */
describe(`${testEngine()}: concurrent writers from two processes and the CLI`, () => {
  let h: Harness
  let other: KeywardApp
  beforeAll(async () => {
    h = await Harness.start()
    other = await h.otherProcess()
  })
  afterAll(() => h.close())

  it('all succeed, and the database holds every write', async () => {
    const secret = h.keys.fullAccess.secret
    const write = (app: KeywardApp, name: string) =>
      app.fastify
        .inject({
          method: 'POST',
          url: '/api/apikeys',
          headers: { 'api-version': 'v1', 'api-secret-key': secret, 'content-type': 'application/json' },
          payload: JSON.stringify({ keyName: name, roleID: 2 }),
        })
        .then((res) => `${res.statusCode} ${res.statusCode === 200 ? '' : res.body}`)
    const answers = await Promise.all([
      ...Array.from({ length: WRITES_PER_PROCESS }, (_, n) => write(h.app, `first-${n}`)),
      ...Array.from({ length: WRITES_PER_PROCESS }, (_, n) => write(other, `second-${n}`)),
      ...Array.from({ length: CLI_WRITES }, (_, n) =>
        runCliInProcess(['apikeys', 'create', '--name', `cli-${n}`, '--role', 'Auditor', '--json', '--database-url', h.database.url]).then(
          (run) => `${run.code === 0 ? 200 : run.code} ${run.code === 0 ? '' : run.stderr}`,
        ),
      ),
    ])
    expect(answers.filter((answer) => answer !== '200 ')).toEqual([])
    expect(h.logs.join('')).not.toMatch(/SQLITE_BUSY|database is locked/)
    const stored = await h.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(stored.n)).toBe(2 + 2 * WRITES_PER_PROCESS + CLI_WRITES)
  })
})
