import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestAdministrator } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * A sign-out or failed sign-in and its audit entry are one write (Store.write): once they were
 * two transactions, and a failing entry left a session ended or a failure counted unaudited.
 * A trigger makes the entry fail, on the real engine.
 */
describe(`${testEngine()}: sign-in audit entries are written with their change`, () => {
  let h: Harness
  let admin: TestAdministrator
  beforeAll(async () => {
    h = await Harness.start()
    admin = await quickAdministrator(h, { role: 2, username: 'audited-sign-ins' })
  })
  afterAll(() => h.close())
  afterEach(async () => {
    await ddl(h.engine === 'sqlite' ? 'drop trigger if exists refuse_entry' : 'drop function if exists refuse_entry() cascade')
  })

  /**
   * In a transaction: on SQLite that runs on the writing connection only (outside one, a
   * statement is first prepared on the reading connection, whose schema may be stale).
   */
  const ddl = (...statements: string[]) =>
    h.db.transaction().execute(async (trx) => {
      for (const statement of statements) await sql.raw(statement).execute(trx)
    })

  const refuseEntries = (action: string) =>
    h.engine === 'sqlite'
      ? ddl(`create trigger refuse_entry before insert on audit_events when new.action = '${action}' begin select raise(abort, 'entry refused'); end`)
      : ddl(
          `create function refuse_entry() returns trigger language plpgsql as $$ begin if new.action = '${action}' then raise exception 'entry refused'; end if; return new; end $$`,
          'create trigger refuse_entry before insert on audit_events for each row execute function refuse_entry()',
        )

  it('a sign-out whose entry fails leaves the session alive', async () => {
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    await refuseEntries('session.sign_out')
    expectStatus(await h.delete('/api/session', { session }), 500)
    expectStatus(await h.get('/api/session', { session }), 200)
  })

  it('a wrong password whose entry fails counts no failure', async () => {
    await refuseEntries('session.sign_in_failed')
    expectStatus(await h.post('/api/session', { body: { username: admin.username, password: 'Wrong-passw0rd' } }), 500)
    expect(await administratorRow(h, admin.id)).toMatchObject({ unsuccessful_sign_in_attempts: 0 })
  })
})
