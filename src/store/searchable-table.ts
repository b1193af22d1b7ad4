import { sql, type Kysely, type Selectable } from 'kysely'
import type { SearchFilter, SearchResult } from '../search/schema.js'
import { applyConditions, applyOrder, applySearch, compileSearch, type CompiledSearch, type SearchableResource } from '../search/search-query.js'
import type { Engine } from './database.js'
import type { Store } from './store.js'
import type { Tables } from './tables.js'
import { textMatcherFor } from './text-match.js'

/**
 * Search and count of one table in the model API's search-filter language: every store's
 * `search`, on the read-only search connection.
 */
export function searchableTable<Table extends keyof Tables & string, Item>(
  store: Store,
  table: Table,
  resource: SearchableResource,
  toItem: (row: Selectable<Tables[Table]>) => Item,
) {
  const matchText = textMatcherFor(store.engine)
  // Kysely cannot check a query on a table chosen by a type parameter; `toItem` types the rows.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const db: Kysely<any> = store.searchDb
  const countLimit = store.searchCountLimit
  /**
   * How many items match a search filter, whatever its maxItems and offset; past the count
   * limit, the limit as a lower bound: counting stops there, so it reads no more rows than that.
   */
  async function count(filter: SearchFilter): Promise<Pick<SearchResult<Item>, 'total' | 'totalIsLowerBound'>> {
    const matches = applyConditions(db.selectFrom(table), compileSearch(filter, resource, matchText)).select(sql.lit(1).as('match'))
    const row = await db
      .selectFrom((countLimit === undefined ? matches : matches.limit(countLimit + 1)).as('matches'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return capped(Number(row?.n ?? 0))
  }
  const capped = (total: number) =>
    countLimit !== undefined && total > countLimit ? { total: countLimit, totalIsLowerBound: true } : { total, totalIsLowerBound: false }

  return {
    /**
     * The items matching a search filter, in its order, and their total count when it asks `countTotal`.
     *
     * @throws KeywardError `search.*` when the filter does not fit the resource.
     */
    async search(filter: SearchFilter): Promise<SearchResult<Item>> {
      const search = compileSearch(filter, resource, matchText)
      const rows = await pageQuery(db, store.engine, table, search).execute()
      const items = rows.map((row) => toItem(row as Selectable<Tables[Table]>))
      if (!filter.countTotal) return { items }
      // A page short of its limit is the last, and says the total itself (unless it is past the end).
      const isLast = rows.length < search.limit && (rows.length > 0 || search.offset === 0)
      return { items, ...(isLast ? capped(search.offset + rows.length) : await count(filter)) }
    },
  }
}

/**
 * The IDs of a search's page, in order: a query an index can answer alone where one holds the
 * tested and sorted columns (PostgreSQL's index-only scan; SQLite's covering index), without
 * reading the rows that the conditions or the offset pass over.
 */
// biome-ignore lint/suspicious/noExplicitAny: the table is chosen at run time (see searchableTable)
export function pageIdsQuery(db: Kysely<any>, table: string, search: CompiledSearch) {
  return applySearch(db.selectFrom(table).select(search.idColumn), search)
}

/**
 * The query of a search's page: the rows of its IDs ({@link pageIdsQuery}), sorted again (the
 * page's rows alone). A sort by another table's column (a key's role name) joins that table
 * instead, whose rows are few, rather than reading it for every searched row and sorting
 * them all: the page is then read off the searched table's (foreign key, ID) index, one
 * looked-up row after another in the column's order. The lookup column is unique and the
 * foreign key never null, so the order is the one of the column, then the ID, as sorted rows
 * would have it. PostgreSQL takes each looked-up row's first offset + limit matches alone
 * (LATERAL) and orders only those; SQLite, which has no LATERAL, follows the ORDER BY through
 * the join's index loops itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: the table is chosen at run time (see searchableTable)
export function pageQuery(db: Kysely<any>, engine: Engine, table: string, search: CompiledSearch) {
  const rows = db.selectFrom(table).selectAll()
  const lookup = search.sortLookup
  if (!lookup) return applyOrder(rows.where(sql.ref(search.idColumn), 'in', pageIdsQuery(db, table, search)), search)
  const [lookupTable = ''] = lookup.column.split('.')
  const direction = sql.raw(search.descending ? 'desc' : 'asc')
  const byId = sql`${sql.ref(search.idColumn)} ${direction}`
  const matches = applyConditions(rows, search)
  const joined =
    engine === 'postgres'
      ? db.selectFrom(lookupTable).innerJoinLateral(
          matches
            .whereRef(lookup.via, '=', lookup.idColumn)
            .orderBy(byId)
            .limit(search.offset + search.limit)
            .as('page'),
          (join) => join.onTrue(),
        )
      : db.selectFrom(lookupTable).innerJoin(matches.as('page'), `page.${lookup.via}`, lookup.idColumn)
  return joined
    .selectAll('page')
    .orderBy(sql`${sql.ref(lookup.column)} ${direction}`)
    .orderBy(sql`${sql.ref(`page.${search.idColumn}`)} ${direction}`)
    .offset(search.offset)
    .limit(search.limit)
}
