import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestAdministrator } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * A sign-in, sign-out or failed sign-in and its audit entry are one write (Store.write): once they were
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

  const refuseInserts = (table: string, when: string) =>
    h.engine === 'sqlite'
      ? ddl(`create trigger refuse_entry before insert on ${table} when ${when} begin select raise(abort, 'entry refused'); end`)
      : ddl(
          `create function refuse_entry() returns trigger language plpgsql as $$ begin if ${when} then raise exception 'entry refused'; end if; return new; end $$`,
          `create trigger refuse_entry before insert on ${table} for each row execute function refuse_entry()`,
        )
  const refuseEntries = (action: string) => refuseInserts('audit_events', `new.action = '${action}'`)

  it('a sign-out whose entry fails leaves the session alive', async () => {
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    await refuseEntries('session.sign_out')
    expectStatus(await h.delete('/api/session', { session }), 500)
    expectStatus(await h.get('/api/session', { session }), 200)
  })

  it('a sign-in whose session cannot be stored is neither audited nor counted as a sign-in', async () => {
    const signIns = () => h.db.selectFrom('audit_events').select('id').where('action', '=', 'session.sign_in').where('resource_id', '=', admin.id).execute()
    const before = { row: await administratorRow(h, admin.id), entries: await signIns() }
    await refuseInserts('sessions', 'true')
    expectStatus(await h.post('/api/session', { body: { username: admin.username, password: QUICK_PASSWORD } }), 500)
    expect(await administratorRow(h, admin.id)).toEqual(before.row)
    expect(await signIns()).toEqual(before.entries)
  })

  it('a wrong password whose entry fails counts no failure', async () => {
    await refuseEntries('session.sign_in_failed')
    expectStatus(await h.post('/api/session', { body: { username: admin.username, password: 'Wrong-passw0rd' } }), 500)
    expect(await administratorRow(h, admin.id)).toMatchObject({ unsuccessful_sign_in_attempts: 0 })
  })
})
