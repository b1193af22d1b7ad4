import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { openDatabase, type Database } from '../../src/store/database.js'
import { textMatcherFor } from '../../src/store/text-match.js'
import { seedKeyNames } from '../helpers/stored-rows.js'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.js'

/**
 * Issue 12, goal 5: every write of a key adds its name's trigrams to the GIN index's pending
 * list, and every `contains` search reads that list whole: at a million keys a few thousand keys
 * in use doubled the index's part of a page. The list stays short, whatever is written.
 */
describe.runIf(testEngine() === 'postgres')('postgres: the trigram index of key names', () => {
  let testDb: TestDatabase
  let database: Database

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres', { migrated: true })
    database = openDatabase(testDb.url, loadConfig({}, { databaseUrl: testDb.url }))
    await seedKeyNames(database.db, 3000)
    // Autovacuum would merge the pending list too, whatever its limit.
    await sql`alter table api_keys set (autovacuum_enabled = false)`.execute(database.db)
  })
  afterAll(async () => {
    await database.db.destroy()
    await testDb.drop()
  })

  /** The index pages a `contains` search reads: the entries' pages and every pending one. */
  const pagesRead = () =>
    database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx)
      const contains = textMatcherFor('postgres')(sql.ref('key_name'), '-123', { negate: false, contains: true, wildcards: false })
      const { rows } = await sql<{
        'QUERY PLAN': [{ Plan: PlanNode }]
      }>`explain (analyze, buffers, format json) select id from api_keys where ${contains}`.execute(trx)
      const scan = findNode(rows[0]!['QUERY PLAN'][0].Plan, 'Bitmap Index Scan')
      return scan['Shared Hit Blocks'] + scan['Shared Read Blocks']
    })

  it('reads at most a short pending list after thousands of keys are written', async () => {
    const before = await pagesRead()
    // Every key written four times: ~60 pending pages (~0.5 MB) with GIN's default 4 MB limit.
    for (const fold of ['upper', 'lower', 'upper', 'lower']) await sql`update api_keys set key_name = ${sql.raw(fold)}(key_name)`.execute(database.db)
    const after = await pagesRead()
    expect(after - before, `${before} pages before, ${after} after`).toBeLessThanOrEqual(40)
  })
})

interface PlanNode {
  'Node Type': string
  'Shared Hit Blocks': number
  'Shared Read Blocks': number
  Plans?: PlanNode[]
}

function findNode(node: PlanNode, type: string): PlanNode {
  if (node['Node Type'] === type) return node
  for (const child of node.Plans ?? []) {
    const found = findNode(child, type)
    if (found) return found
  }
  return undefined as never
}
