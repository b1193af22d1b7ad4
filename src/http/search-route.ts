import type { TSchema } from 'typebox'
import type { Principal } from '../auth/principal.js'
import { type SearchFilter, SearchFilterSchema, type SearchResult } from '../search/schema.js'
import { principalOf } from './api-guard.js'
import type { Api } from './api-types.js'
import { errorResponses } from './openapi.js'
import { type OperationDoc, type OperationGroup, operationSchema } from './operation-routes.js'

/** One resource's search operation: what it is called and documented as, whom it asks and how it shows each item. */
export interface SearchOperation<Item> extends OperationDoc {
  readonly url: string
  readonly group: OperationGroup
  /** The list body (`{ [listKey]: Body[] }`), shared with the resource's list operation. */
  readonly listSchema: TSchema
  readonly listKey: string
  readonly search: (principal: Principal, filter: SearchFilter) => Promise<SearchResult<Item>>
  readonly present: (item: Item) => unknown
}

/**
 * Registers `POST <resource>/search`: the search-filter body, the list answer and, when the
 * filter asks `countTotal`, the total in `X-Total-Count` (a lower bound when `X-Total-Count-Relation` is `gte`). Every resource searches this one way.
 */
export function registerSearchOperation<Item>(app: Api, search: SearchOperation<Item>): void {
  app.post(
    search.url,
    { schema: { ...operationSchema(search.group, search), body: SearchFilterSchema, response: { 200: search.listSchema, ...errorResponses(403, 413) } } },
    async (request, reply) => {
      const { items, total, totalIsLowerBound } = await search.search(principalOf(request), request.body)
      if (total !== undefined) void reply.header('x-total-count', String(total)).header('x-total-count-relation', totalIsLowerBound ? 'gte' : 'eq')
      return { [search.listKey]: items.map(search.present) }
    },
  )
}
