import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Issue 12, goal 4: secrets naming key IDs that have no key (anyone can make them: the checksum
 * is public) are refused without a statement each, from the IDs the verifier knows; a key
 * created by another process and not yet heard of is still found on its first use.
 */
describe(`${testEngine()}: verify refuses unknown key IDs from the IDs it knows`, () => {
  let h: Harness
  beforeAll(async () => {
    // Nothing is written or polled on a timer: every statement counted is a verification's.
    h = await Harness.start({ failureWriteIntervalMs: 3_600_000, usageFlushIntervalMs: 3_600_000, changePollIntervalMs: 3_600_000 })
  })
  afterAll(() => h.close())

  const statementsOf = async (work: () => Promise<unknown>): Promise<number> => {
    const before = h.app.context.store.queryCount
    await work()
    return h.app.context.store.queryCount - before
  }
  const refused = (secret: string) => h.get('/api/apikeys/current', { secret }).then((res) => expectStatus(res, 401))
  const verifications = (secrets: string[]) =>
    Promise.allSettled(secrets.map((secret) => h.app.context.verifier.verify(secret, '127.0.0.1'))).then((results) =>
      results.map((result) => (result.status === 'rejected' ? (result.reason as { code?: string }).code : 'accepted')),
    )

  it('looks up the first unknown ID, then refuses unknown IDs up to the highest key without a statement', async () => {
    const [early, alsoEarly, late, kept] = [await h.key(), await h.key(), await h.key(), await h.key()]
    for (const key of [early, alsoEarly]) await h.app.context.services.apiKeys.delete(h.system, key.id)
    // The first unknown ID: its look-up, then one read of every key's ID before it is refused.
    expect(await statementsOf(() => refused(createSecret(kept.id + 1_000_000)))).toBe(2)
    // Deleted before the IDs were read: no statement.
    expect(await statementsOf(() => Promise.all([early, alsoEarly].map((key) => refused(key.secret))))).toBe(0)
    // Deleted after: its change notice makes it worth one look-up, which finds nothing; then none.
    await h.app.context.services.apiKeys.delete(h.system, late.id)
    expect(await statementsOf(() => refused(late.secret))).toBe(1)
    expect(await statementsOf(() => refused(late.secret))).toBe(0)
    expect(await statementsOf(() => refused(createSecret(late.id)))).toBe(0)
    expectStatus(await h.get('/api/apikeys/current', { secret: kept.secret }), 200)
  })

  it('refuses a flood of distinct IDs above the highest key with one read of the IDs above it', async () => {
    const key = await h.key()
    await refused(createSecret(key.id + 5_000_000))
    const flood = Array.from({ length: 500 }, (_, i) => createSecret(key.id + 10_000 + i * 7_919))
    let answers: (string | undefined)[] = []
    // Verified in one turn of the event loop, as a flood's requests arrive together: they share one read.
    expect(await statementsOf(async () => (answers = await verifications(flood)))).toBe(1)
    expect(new Set(answers)).toEqual(new Set(['auth.secret_invalid']))
  })

  it('looks every unknown ID up while the change feed is deaf, and reads the IDs again once it hears again', async () => {
    const gone = [await h.key(), await h.key(), await h.key()]
    const key = await h.key()
    for (const { id } of gone) await h.app.context.services.apiKeys.delete(h.system, id)
    h.app.context.store.feed.announce('all')
    await refused(createSecret(key.id + 2_000_000))
    expect(await statementsOf(() => refused(gone[0]!.secret))).toBe(0)
    h.app.context.store.feed.announce('deaf')
    // Keys others create meanwhile go unheard: the known IDs are no longer trusted, nor read.
    expect(await statementsOf(() => refused(gone[1]!.secret))).toBe(1)
    expect(await statementsOf(() => refused(createSecret(key.id + 3_000_000)))).toBe(1)
    h.app.context.store.feed.announce('all')
    expect(await statementsOf(() => refused(gone[2]!.secret))).toBe(2)
    expect(await statementsOf(() => refused(gone[1]!.secret))).toBe(0)
  })

  it('finds a key that another process created a moment ago, unheard, on its first use', async () => {
    const key = await h.key()
    await refused(createSecret(key.id + 9_000_000))
    const other = await h.otherProcess()
    // This process hears no change from now on, as if the other's notice were still on its way.
    await h.app.context.store.feed.stop()
    const { record, secret } = await other.context.services.apiKeys.create(h.system, { keyName: `unheard-${key.id}`, roleID: 1 })
    expect(record.id).toBeGreaterThan(key.id)
    const res = await h.get('/api/apikeys/current', { secret })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: record.id })
    await refused(createSecret(record.id + 1))
  })
})

describe(`${testEngine()}: the known key IDs of a large table`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ failureWriteIntervalMs: 3_600_000, usageFlushIntervalMs: 3_600_000, changePollIntervalMs: 3_600_000 })
  })
  afterAll(() => h.close())

  it('reads them in chunks across pages, and refuses every ID of a key deleted unheard before', async () => {
    // 110,000 keys, then every other one deleted by SQL (no change notice): 55,000 left.
    await sql`insert into api_keys (key_name, key_name_key, locale, role_id, time_zone, created, secret_hash)
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 110000)
      select 'bulk-' || i, 'bulk-' || i, 'en-US', 1, 'UTC', i, '' from n`.execute(h.db)
    await sql`delete from api_keys where key_name like 'bulk-%' and id % 2 = 0`.execute(h.db)
    const { highest } = (await h.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.max('id').as('highest'))
      .executeTakeFirstOrThrow()) as { highest: number }
    const before = h.app.context.store.queryCount
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(Number(highest) + 1_000_000) }), 401)
    // Its look-up, then the 55,002 IDs in chunks of 10,000.
    expect(h.app.context.store.queryCount - before).toBe(7)
    const deleted = [4, 32_768, 65_536, 70_000, 98_304, Number(highest) - 1].filter((id) => id % 2 === 0)
    const afterLoad = h.app.context.store.queryCount
    for (const id of deleted) expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(id) }), 401)
    expect(h.app.context.store.queryCount - afterLoad).toBe(0)
    // A key still there is looked up: a wrong secret of it counts against it.
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(65_537) }), 401)
    expect(h.app.context.store.queryCount - afterLoad).toBe(1)
  })
})
