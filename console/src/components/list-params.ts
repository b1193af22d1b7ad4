/**
 * A list page's state in the URL: `?page=3&size=50&sort=created&desc=1&q=ci`, so a page,
 * sort and filter survive reloads and links, and a dialog closes back onto the same list.
 *
 * @module
 */
import { useCallback, useMemo } from 'react'
import { useNavigate, useResolvedPath, useSearchParams } from 'react-router'
import type { ApiError } from '../api/api-error.js'
import type { SearchCriterion, SearchFilter } from '../api/resources.js'
import { useApiQuery } from '../api/use-api.js'

export const PAGE_SIZES = [25, 50, 100]

export interface ListParams {
  readonly page: number
  readonly size: number
  readonly sort: string
  readonly descending: boolean
  readonly query: string
}

export interface ListParamsControl extends ListParams {
  setPage(page: number): void
  setSize(size: number): void
  setSort(sort: string, descending: boolean): void
  /** Another search parameter of the page (the audit log's filters). */
  get(name: string): string
  set(values: Record<string, string | undefined>): void
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

export function useListParams(defaults: { sort: string; descending?: boolean }): ListParamsControl {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  // The list's own path (`/apikeys`), also while one of its dialogs (`/apikeys/new`) is open.
  const listPath = useResolvedPath('.').pathname
  const size = positive(params.get('size'), PAGE_SIZES[0] ?? 25)
  const page = positive(params.get('page'), 1)
  const sort = params.get('sort') ?? defaults.sort
  const descending = params.has('desc') ? params.get('desc') === '1' : (defaults.descending ?? false)
  const query = params.get('q') ?? ''

  const update = useCallback(
    (values: Record<string, string | undefined>, resetPage: boolean) => {
      // From the address bar, not this render's location: the router renders a navigation
      // (New…, a row) as a transition, so a filter applied a quarter of a second after typing
      // can run before that render; navigating from this render's path then closed the dialog
      // just opened (issue 13's flaky New API Key case). A list already left is not filtered.
      const { pathname } = window.location
      if (pathname !== listPath && !pathname.startsWith(`${listPath}/`)) return
      const next = new URLSearchParams(window.location.search)
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined || value === '') next.delete(name)
        else next.set(name, value)
      }
      if (resetPage) next.delete('page')
      void navigate({ pathname, search: `?${next}` }, { replace: true })
    },
    [navigate, listPath],
  )

  return useMemo(
    () => ({
      page,
      size,
      sort,
      descending,
      query,
      setPage: (p: number) => update({ page: p === 1 ? undefined : String(p) }, false),
      setSize: (s: number) => update({ size: String(s) }, true),
      setSort: (field: string, desc: boolean) => update({ sort: field, desc: desc ? '1' : '0' }, true),
      get: (name: string) => params.get(name) ?? '',
      set: (values: Record<string, string | undefined>) => update(values, true),
    }),
    [page, size, sort, descending, query, update, params],
  )
}

/**
 * Goes to a list's dialog (`/apikeys/new`) or back to the list, keeping its page, sort and filter
 * as the address bar has them at the click: a filter applied since the last render is kept.
 */
export function useListNavigate(): (pathname: string) => void {
  const navigate = useNavigate()
  return useCallback((pathname: string) => void navigate({ pathname, search: window.location.search }), [navigate])
}

/** The search filter of one page of a list: server-side paging and sorting, and counting when asked. */
function pageFilter(params: ListParams, page: number, criteria: SearchCriterion[], countTotal: boolean): SearchFilter {
  return {
    maxItems: params.size,
    offset: (page - 1) * params.size,
    sortField: params.sort,
    sortDescending: params.descending,
    ...(countTotal ? { countTotal } : {}),
    ...(criteria.length > 0 ? { searchCriteria: criteria } : {}),
  }
}

/** One page of a list as the table shows it. */
export interface SearchPage<T> {
  readonly params: ListParamsControl
  /** Whether a filter is set: an empty table then says none match, not none yet. */
  readonly filtered: boolean
  readonly records: T[] | undefined
  /** How many records match the filter, on every page. */
  readonly total: number | undefined
  /** Whether the server stopped counting at `total`: at least that many match (`X-Total-Count-Relation: gte`). */
  readonly totalAtLeast: boolean
  readonly error: ApiError | undefined
  readonly fetching: boolean
  retry(): void
}

/**
 * One page of a resource's search (`POST /apikeys/search`, the records under `field` of the
 * answer), filtered, sorted and paged by the server as the list's URL says (`order` where it
 * names no sort). Only the first page asks the server to
 * count: counting is the costly part of a search of a large table, and the total is the same
 * on every page, so a later page takes it from the first page's answer (read again only when
 * that is not cached, as after following a link to page 3).
 */
export function useSearchPage<T>(
  path: string,
  field: string,
  order: { sort: string; descending?: boolean },
  criteriaOf: (params: ListParamsControl) => SearchCriterion[],
): SearchPage<T> {
  const params = useListParams(order)
  const criteria = criteriaOf(params)
  const search = (page: number) => ({ method: 'POST' as const, path, body: pageFilter(params, page, criteria, page === 1) })
  // On the first page both are the same request, which SWR sends once.
  const counted = useApiQuery<Record<string, T[]>>(search(1), { keepPrevious: true })
  const shown = useApiQuery<Record<string, T[]>>(search(params.page), { keepPrevious: true })
  return {
    params,
    filtered: criteria.length > 0,
    records: shown.data?.data[field],
    total: totalOf(counted.data?.headers),
    totalAtLeast: counted.data?.headers.get('x-total-count-relation') === 'gte',
    error: shown.error ?? counted.error,
    fetching: shown.isValidating || counted.isValidating,
    retry: () => {
      void shown.mutate()
      void counted.mutate()
    },
  }
}

/** A "contains" test on a text field; `%` and `_` typed by the user are literal characters. */
export function containsCriterion(fieldName: string, text: string): SearchCriterion[] {
  const trimmed = text.trim()
  return trimmed === '' ? [] : [{ fieldName, stringTest: 'contains', stringValue: trimmed, stringWildcards: false }]
}

function totalOf(headers: Headers | undefined): number | undefined {
  const total = headers?.get('x-total-count')
  return total === null || total === undefined ? undefined : Number(total)
}
