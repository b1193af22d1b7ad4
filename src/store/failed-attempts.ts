import { sql } from 'kysely'
import type { Flag } from './tables.js'

/** Failed authentications to add to a count, after starting it over when `reset` (a success came first). */
export interface FailedAttempts {
  readonly reset: boolean
  readonly failures: number
}

/**
 * The columns to set for `attempts.failures` more failed authentications, on a table with
 * `active`, `unlock_time` and `unsuccessful_sign_in_attempts` (API keys, administrators),
 * evaluated atomically by the UPDATE:
 *
 * - a lock-out whose `unlockTime` has passed counts as over: the count starts again from 0,
 *   as it does when `attempts.reset`;
 * - reaching `threshold` on a usable row locks it until `lockUntil` (no threshold: never);
 * - a lock-out set by hand (no `unlockTime`) stays, the count still grows.
 *
 * See {@link isLockedNow} for telling, from the row it returns, whether these failures locked it.
 */
export function failedAttemptColumns(attempts: FailedAttempts, threshold: number | undefined, now: number, lockUntil: number) {
  const lockOutOver = sql<boolean>`(active = 0 and unlock_time is not null and unlock_time <= ${now})`
  const counted = attempts.reset ? sql<number>`0` : sql<number>`(case when ${lockOutOver} then 0 else unsuccessful_sign_in_attempts end)`
  const count = sql<number>`(${counted} + ${attempts.failures})`
  const locks = threshold === undefined ? sql<boolean>`(1 = 0)` : sql<boolean>`((active = 1 or ${lockOutOver}) and ${count} >= ${threshold})`
  return {
    unsuccessful_sign_in_attempts: count,
    active: sql<Flag>`case when ${locks} then 0 when ${lockOutOver} then 1 else active end`,
    unlock_time: sql<number | null>`case when ${locks} then ${lockUntil} when ${lockOutOver} then null else unlock_time end`,
  }
}

/**
 * Whether the failures counted with {@link failedAttemptColumns} locked the row: it was usable
 * before (`before`, read in the same transaction, locked for update) and is locked after.
 * The row's new `unlock_time` alone cannot tell: a second failure within the same millisecond
 * as the one that locked it would come back with the same `lockUntil`.
 */
export function isLockedNow(
  before: { active: Flag; unlock_time: number | null },
  after: { active: Flag; unlock_time: number | null },
  now: number,
  lockUntil: number,
): boolean {
  const wasLocked = before.active === 0 && (before.unlock_time === null || Number(before.unlock_time) > now)
  return !wasLocked && after.active === 0 && Number(after.unlock_time) === lockUntil
}
