import { sql } from 'kysely'
import type { Store } from '../store/store.js'

/** What a reservation found: how many failures the pair has now (this attempt included), and its lock-out. */
export interface Reservation {
  readonly failures: number
  readonly lockedUntil: number | undefined
}

/**
 * The SQL of failed sign-ins per username and client address: each statement is one atomic
 * row change, so concurrent attempts on one pair, in any number of processes, are counted one
 * by one.
 */
export function createSignInFailureStore(store: Store) {
  const { db } = store
  return {
    /**
     * Counts an attempt as a failure before it is checked. A lock-out whose time has passed,
     * or a last failure older than `forgetMs`, starts the count again; the `threshold`-th
     * failure locks the pair until `lockUntil`.
     */
    async reserve(username: string, address: string, threshold: number, now: number, lockUntil: number, forgetMs: number): Promise<Reservation> {
      const fresh = sql<boolean>`((sign_in_failures.locked_until is not null and sign_in_failures.locked_until <= ${now}) or (sign_in_failures.locked_until is null and sign_in_failures.last_failure <= ${now - forgetMs}))`
      const failures = sql<number>`(case when ${fresh} then 1 else sign_in_failures.failures + 1 end)`
      const row = await db
        .insertInto('sign_in_failures')
        .values({ username, address, failures: 1, locked_until: threshold <= 1 ? lockUntil : null, last_failure: now })
        .onConflict((oc) =>
          oc.columns(['username', 'address']).doUpdateSet({
            failures,
            locked_until: sql<
              number | null
            >`(case when ${fresh} then ${threshold <= 1 ? lockUntil : null} when sign_in_failures.locked_until is null and ${failures} >= ${threshold} then ${lockUntil} else sign_in_failures.locked_until end)`,
            last_failure: now,
          }),
        )
        .returning(['failures', 'locked_until'])
        .executeTakeFirstOrThrow()
      return { failures: row.failures, lockedUntil: row.locked_until === null ? undefined : Number(row.locked_until) }
    },

    /** Takes back a reservation that turned out not to be a failure; one below the threshold is not locked. */
    async release(username: string, address: string, threshold: number): Promise<void> {
      await db
        .updateTable('sign_in_failures')
        .set({
          failures: sql`failures - 1`,
          locked_until: sql`(case when failures - 1 < ${threshold} then null else locked_until end)`,
        })
        .where('username', '=', username)
        .where('address', '=', address)
        .where('failures', '>', 0)
        .execute()
    },

    /** Forgets a pair's failures: it signed in. */
    async clear(username: string, address: string): Promise<void> {
      await db.deleteFrom('sign_in_failures').where('username', '=', username).where('address', '=', address).execute()
    },

    /** Forgets a username's failures from every address: an administrator unlocked it. */
    async clearUsername(username: string): Promise<void> {
      await db.deleteFrom('sign_in_failures').where('username', '=', username).execute()
    },

    /** Deletes rows that no longer lock anything nor count towards a lock-out (run now and then). */
    async deleteStale(now: number, forgetMs: number): Promise<void> {
      await db
        .deleteFrom('sign_in_failures')
        .where((eb) =>
          eb.or([
            eb.and([eb('locked_until', 'is not', null), eb('locked_until', '<=', now)]),
            eb.and([eb('locked_until', 'is', null), eb('last_failure', '<=', now - forgetMs)]),
          ]),
        )
        .execute()
    },
  }
}

export type SignInFailureStore = ReturnType<typeof createSignInFailureStore>
