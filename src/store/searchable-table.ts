import { sql, type Kysely, type Selectable } from 'kysely'
import type { SearchFilter, SearchResult } from '../search/schema.js'
import { applyConditions, applySearch, compileSearch, type SearchableResource } from '../search/search-query.js'
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
    const total = Number(row?.n ?? 0)
    return countLimit !== undefined && total > countLimit ? { total: countLimit, totalIsLowerBound: true } : { total, totalIsLowerBound: false }
  }

  return {
    /**
     * The items matching a search filter, in its order, and their total count when it asks `countTotal`.
     *
     * @throws KeywardError `search.*` when the filter does not fit the resource.
     */
    async search(filter: SearchFilter): Promise<SearchResult<Item>> {
      const rows = await applySearch(db.selectFrom(table).selectAll(), compileSearch(filter, resource, matchText)).execute()
      const items = rows.map((row) => toItem(row as Selectable<Tables[Table]>))
      return filter.countTotal ? { items, ...(await count(filter)) } : { items }
    },
  }
}
