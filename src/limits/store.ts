import { sql } from 'kysely'
import type { Store } from '../store/store.js'

/** One rate limit of one key in one window: the row that every process leases from. */
export interface WindowRef {
  readonly keyId: number
  readonly name: string
  readonly duration: number
  readonly windowStart: number
}

/** The outcome of a lease: the window's count after it, and how much this lease got (0: refused). */
export interface LeaseResult {
  readonly count: number
  readonly granted: number
}

/** The stored credit state of a key, as a failed spend reads it. */
export interface StoredCredits {
  readonly remaining: number
  readonly refillAmount: number | undefined
  readonly refilledAt: number
}

/**
 * The SQL of rate-limit counters and credit balances. Every write is one atomic statement, so
 * processes sharing the database never lose or double-count an update.
 */
export function createLimitStore(store: Store) {
  const { db } = store
  const windowRow = (ref: WindowRef) =>
    db
      .updateTable('rate_limit_windows')
      .where('api_key_id', '=', ref.keyId)
      .where('name', '=', ref.name)
      .where('duration', '=', ref.duration)
      .where('window_start', '=', ref.windowStart)

  return {
    /**
     * Takes up to `want` from a window whose count may not pass `cap`, but at least `need`;
     * takes nothing when even `need` does not fit.
     *
     * @returns the window's count afterwards and what was granted (0 when refused).
     */
    async lease(ref: WindowRef, cap: number, want: number, need: number, isFirstTouch: boolean): Promise<LeaseResult> {
      if (isFirstTouch) {
        await db
          .insertInto('rate_limit_windows')
          .values({
            api_key_id: ref.keyId,
            name: ref.name,
            duration: ref.duration,
            window_start: ref.windowStart,
            count: 0,
            granted: 0,
            expires: ref.windowStart + 2 * ref.duration,
          })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
      // Every expression of an UPDATE reads the old row, so `granted` is what this statement added.
      const grant = sql<number>`(case when count + cast(${want} as bigint) <= cast(${cap} as bigint) then cast(${want} as bigint) else cast(${cap} as bigint) - count end)`
      const row = await windowRow(ref)
        .set({ count: sql`count + ${grant}`, granted: grant })
        .where(sql<boolean>`count + cast(${need} as bigint) <= cast(${cap} as bigint)`)
        .returning(['count', 'granted'])
        .executeTakeFirst()
      if (row) return { count: Number(row.count), granted: Number(row.granted) }
      return { count: await this.count(ref), granted: 0 }
    },

    /** The count of a window (0 when nobody has touched it). */
    async count(ref: WindowRef): Promise<number> {
      const row = await db
        .selectFrom('rate_limit_windows')
        .select('count')
        .where('api_key_id', '=', ref.keyId)
        .where('name', '=', ref.name)
        .where('duration', '=', ref.duration)
        .where('window_start', '=', ref.windowStart)
        .executeTakeFirst()
      return Number(row?.count ?? 0)
    },

    /** Gives back what a process leased and did not use. */
    async giveBack(ref: WindowRef, amount: number): Promise<void> {
      await windowRow(ref)
        .set({ count: sql`count - cast(${amount} as bigint)` })
        .execute()
    },

    /** Deletes windows that no longer count (older than the one before the current). */
    async deleteExpiredWindows(now: number): Promise<void> {
      await db.deleteFrom('rate_limit_windows').where('expires', '<', now).execute()
    },

    /**
     * Spends `cost` credits of a key in one statement, refilling the balance first when its
     * last refill is older than `refillBoundary` (pass -1 when it has no refill).
     *
     * @returns the balance left after spending, `'exhausted'` with the stored state when it
     * has less than `cost`, or undefined when the key has no balance (unlimited) or is gone.
     */
    async spendCredits(
      keyId: number,
      cost: number,
      now: number,
      refillBoundary: number,
    ): Promise<{ remaining: number } | { exhausted: StoredCredits } | undefined> {
      const due = sql<boolean>`(credits_refill_amount is not null and credits_refilled_at < ${refillBoundary})`
      const balance = sql<number>`(case when ${due} then credits_refill_amount else credits_remaining end)`
      const row = await db
        .updateTable('api_keys')
        .set({
          credits_remaining: sql`${balance} - cast(${cost} as bigint)`,
          credits_refilled_at: sql`case when ${due} then cast(${now} as bigint) else credits_refilled_at end`,
        })
        .where('id', '=', keyId)
        .where('credits_remaining', 'is not', null)
        .where(sql<boolean>`${balance} >= cast(${cost} as bigint)`)
        .returning('credits_remaining')
        .executeTakeFirst()
      if (row) return { remaining: Number(row.credits_remaining) }
      const stored = await this.readCredits(keyId)
      return stored && { exhausted: stored }
    },

    /** A key's stored balance, or undefined when it has none (unlimited) or is gone. */
    async readCredits(keyId: number): Promise<StoredCredits | undefined> {
      const stored = await db
        .selectFrom('api_keys')
        .select(['credits_remaining', 'credits_refill_amount', 'credits_refilled_at'])
        .where('id', '=', keyId)
        .executeTakeFirst()
      if (!stored || stored.credits_remaining === null) return undefined
      return {
        remaining: Number(stored.credits_remaining),
        refillAmount: stored.credits_refill_amount === null ? undefined : Number(stored.credits_refill_amount),
        refilledAt: Number(stored.credits_refilled_at ?? 0),
      }
    },
  }
}

export type LimitStore = ReturnType<typeof createLimitStore>
