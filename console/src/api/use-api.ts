/**
 * Reads go through SWR (`useApiQuery`), writes through one hook (`useApi`): both send the
 * session's headers, and a 401 sends the console to sign-in with "session ended".
 *
 * @module
 */
import { useCallback } from 'react'
import useSWR, { useSWRConfig, type SWRResponse } from 'swr'
import type { ApiError } from './api-error.js'
import type { ApiRequest, ApiResponse, HttpMethod } from './api-fetch.js'
import { useSession } from './session.js'

type QueryKey = readonly [method: HttpMethod, path: string, body: string]

function keyOf(request: ApiRequest): QueryKey {
  return [request.method, request.path, request.body === undefined ? '' : JSON.stringify(request.body)]
}

/**
 * Reads from the API, cached by request. `null` reads nothing (not allowed, or not needed).
 * The previous answer stays on screen while the next page or sort loads.
 */
export function useApiQuery<T>(request: ApiRequest | null, options: { keepPrevious?: boolean } = {}): SWRResponse<ApiResponse<T>, ApiError> {
  const session = useSession()
  return useSWR<ApiResponse<T>, ApiError, QueryKey | null>(
    request ? keyOf(request) : null,
    ([method, path, body]: QueryKey) => session.request<T>({ method, path, body: body === '' ? undefined : JSON.parse(body) }),
    { keepPreviousData: options.keepPrevious ?? false, shouldRetryOnError: false, revalidateOnFocus: false },
  )
}

export interface Api {
  /** Sends a request that changes something. @throws ApiError */
  call<T = unknown>(method: HttpMethod, path: string, body?: unknown): Promise<T>
  /** Reloads every cached read whose path starts with one of `prefixes`. */
  invalidate(...prefixes: string[]): Promise<void>
}

export function useApi(): Api {
  const session = useSession()
  const { mutate } = useSWRConfig()
  const call = useCallback(
    async <T>(method: HttpMethod, path: string, body?: unknown): Promise<T> => (await session.request<T>({ method, path, body })).data,
    [session],
  )
  const invalidate = useCallback(
    async (...prefixes: string[]) => {
      await mutate((key) => Array.isArray(key) && typeof key[1] === 'string' && prefixes.some((prefix) => (key[1] as string).startsWith(prefix)))
    },
    [mutate],
  )
  return { call, invalidate }
}

/**
 * Create, modify and delete of one resource (`/apikeys`): each reloads every read of it, lists
 * and records. `modified` runs after a change, e.g. to reload the session when it was one's own.
 */
export function useResourceActions<T, Input, Changes = Partial<Input>>(path: string, modified?: (id: number) => Promise<void>) {
  const api = useApi()
  const done = () => api.invalidate(path)
  return {
    async create(input: Input): Promise<T> {
      const created = await api.call<T>('POST', path, input)
      await done()
      return created
    },
    async modify(id: number, changes: Changes): Promise<T> {
      const changed = await api.call<T>('POST', `${path}/${id}`, changes)
      await done()
      await modified?.(id)
      return changed
    },
    async remove(id: number): Promise<void> {
      await api.call('DELETE', `${path}/${id}`)
      await done()
    },
  }
}
