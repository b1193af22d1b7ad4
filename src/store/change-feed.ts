import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Tables } from './tables.js'

/**
 * What changed: one row that a process caches for authentication (keys and roles; console
 * sessions and administrators are read per request and need no notice).
 */
export interface Change {
  readonly resource: 'apikey' | 'role'
  readonly id: number
}

/**
 * A listener hears single changes; `'all'` when changes may have been missed; `'deaf'` when
 * changes of other processes may go unheard from now on (the feed lost its connection) until
 * the next `'all'`.
 */
export type ChangeListener = (change: Change | 'all' | 'deaf') => void

/**
 * Carries changes that affect authentication (lock, delete, new secret, role change…) to
 * every process that caches them. Writers record changes inside their transaction; this
 * process hears them at once after commit, other processes within the engine's bound
 * (`LISTEN/NOTIFY` on PostgreSQL, a polled `changes` table on SQLite).
 */
export abstract class ChangeFeed {
  /** Tells changes of this process apart from those of others. */
  protected readonly origin = randomUUID()
  readonly #listeners = new Set<ChangeListener>()
  #lagListener: ((ms: number) => void) | undefined

  /** Records changes inside a writing transaction; other processes see them once it commits. */
  abstract record(trx: Transaction<Tables>, changes: readonly Change[]): Promise<void>
  abstract start(): Promise<void>
  abstract stop(): Promise<void>

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Hears, for each change of another process, how long after its commit it arrived (metrics). */
  observeLag(listener: (ms: number) => void): void {
    this.#lagListener = listener
  }

  /** Reports the lag of a change of another process, written at `createdAt` (epoch ms). */
  protected heard(createdAt: number): void {
    this.#lagListener?.(Date.now() - createdAt)
  }

  /** Delivers a change (or `'all'`, `'deaf'`) to this process's listeners. */
  announce(change: Change | 'all' | 'deaf'): void {
    for (const listener of this.#listeners) listener(change)
  }
}
