import type { Kysely, Selectable } from 'kysely'
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
  /** How many items match a search filter, whatever its maxItems and offset. */
  async function count(filter: SearchFilter): Promise<number> {
    const search = compileSearch(filter, resource, matchText)
    const row = await applyConditions(db.selectFrom(table), search)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(row?.n ?? 0)
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
      return filter.countTotal ? { items, total: await count(filter) } : { items }
    },
  }
}
