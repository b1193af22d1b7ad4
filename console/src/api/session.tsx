/**
 * The signed-in administrator's console session: sign in and out, every API request made
 * with it, and its idle timeout. The session itself is an HttpOnly cookie the console never
 * sees; only its CSRF token is kept here, in memory.
 *
 * @module
 */
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { applyLocale, i18n, isLocale } from '../i18n/i18n.js'
import { ApiError } from './api-error.js'
import { apiFetch, type ApiRequest, type ApiResponse } from './api-fetch.js'
import type { Administrator, Session } from './resources.js'

export type SignedOutReason = 'ended' | 'idle' | 'signedOut'

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly reason?: SignedOutReason; readonly idleMinutes?: number }
  | { readonly status: 'signed-in'; readonly session: Session }

export interface Credentials {
  readonly username: string
  readonly password: string
  readonly mfaCode?: string
}

interface SessionContextValue {
  readonly state: SessionState
  /** @throws ApiError, e.g. `auth.mfa_required` when the second factor is needed. */
  signIn(credentials: Credentials): Promise<void>
  signOut(): Promise<void>
  /** An API request with the session; a 401 ends the session and sends the console to sign-in. */
  request<T>(request: ApiRequest): Promise<ApiResponse<T>>
  /** The signed-in administrator changed (preferences): language, zone and format apply at once. */
  setAdministrator(administrator: Administrator): void
  /**
   * Reads the session again after a change made elsewhere in the console that may touch it
   * (the signed-in administrator edited on the Users page, its role on the Roles page), so
   * language, zone, format and rights apply at once.
   */
  refresh(): Promise<void>
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined)

/** Codes after which the session is of no more use: sign in again. */
const SESSION_OVER = new Set(['auth.user_interface_denied', 'auth.csrf_invalid'])

function requestContext(csrfToken?: string) {
  return {
    csrfToken,
    locale: i18n.language,
    networkMessage: i18n.t('errors.network'),
    unexpectedMessage: (status: number) => i18n.t('errors.unexpected', { status }),
  }
}

function applyAdministratorLocale(administrator: Administrator): void {
  if (isLocale(administrator.locale)) applyLocale(administrator.locale)
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const csrfToken = useRef<string | undefined>(undefined)
  const idleTimer = useRef<number | undefined>(undefined)

  const end = useCallback((reason: SignedOutReason, idleMinutes?: number) => {
    window.clearTimeout(idleTimer.current)
    csrfToken.current = undefined
    setState({ status: 'signed-out', reason, idleMinutes })
  }, [])

  // The server ends a session after `idleTimeout` without requests; the console says so at
  // that moment rather than at the next click.
  const restartIdleTimer = useCallback(
    (idleTimeout: number) => {
      window.clearTimeout(idleTimer.current)
      idleTimer.current = window.setTimeout(() => {
        const token = csrfToken.current
        if (token) void apiFetch({ method: 'DELETE', path: '/session' }, requestContext(token)).catch(() => undefined)
        end('idle', Math.max(1, Math.round(idleTimeout / 60_000)))
      }, idleTimeout)
    },
    [end],
  )

  const start = useCallback(
    (session: Session) => {
      csrfToken.current = session.csrfToken
      applyAdministratorLocale(session.administrator)
      setState({ status: 'signed-in', session })
      restartIdleTimer(session.idleTimeout)
    },
    [restartIdleTimer],
  )

  useEffect(() => {
    let cancelled = false
    apiFetch<Session>({ method: 'GET', path: '/session' }, requestContext())
      .then(({ data }) => {
        if (!cancelled) start(data)
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'signed-out' })
      })
    return () => {
      cancelled = true
      window.clearTimeout(idleTimer.current)
    }
  }, [start])

  const idleTimeout = state.status === 'signed-in' ? state.session.idleTimeout : undefined

  const request = useCallback(
    async <T,>(apiRequest: ApiRequest): Promise<ApiResponse<T>> => {
      try {
        const response = await apiFetch<T>(apiRequest, requestContext(csrfToken.current))
        if (idleTimeout !== undefined) restartIdleTimer(idleTimeout)
        return response
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || SESSION_OVER.has(error.code))) end('ended')
        else if (idleTimeout !== undefined && error instanceof ApiError && error.status !== 0) restartIdleTimer(idleTimeout)
        throw error
      }
    },
    [end, idleTimeout, restartIdleTimer],
  )

  const signIn = useCallback(
    async (credentials: Credentials) => {
      const { data } = await apiFetch<Session>({ method: 'POST', path: '/session', body: credentials }, requestContext())
      start(data)
    },
    [start],
  )

  const signOut = useCallback(async () => {
    try {
      await apiFetch({ method: 'DELETE', path: '/session' }, requestContext(csrfToken.current))
    } catch {
      // Signed out either way: the cookie is cleared by the answer, or the session was over.
    }
    end('signedOut')
  }, [end])

  const setAdministrator = useCallback((administrator: Administrator) => {
    applyAdministratorLocale(administrator)
    setState((current) => (current.status === 'signed-in' ? { status: 'signed-in', session: { ...current.session, administrator } } : current))
  }, [])

  const refresh = useCallback(async () => {
    start((await request<Session>({ method: 'GET', path: '/session' })).data)
  }, [request, start])

  const value = useMemo(() => ({ state, signIn, signOut, request, setAdministrator, refresh }), [state, signIn, signOut, request, setAdministrator, refresh])
  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}

/** The signed-in session; only for pages behind the sign-in. */
export function useSignedIn(): Session {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside a signed-in page')
  return state.session
}
