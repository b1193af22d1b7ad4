import { DateTime } from 'luxon'
import type { CreditRefill } from './schema.js'

/**
 * The latest refill moment at or before `now`: the last midnight in `timeZone` (daily), or
 * the last midnight starting day `refill.day` of a month (monthly; a day past the month's end
 * means its last day). Luxon does the calendar, so a day of 23 or 25 hours (a daylight-saving
 * change) still refills at local midnight, and a zone whose midnight is skipped refills at the
 * first moment of that day.
 */
export function lastRefillAt(refill: CreditRefill, timeZone: string, now: number): number {
  const local = DateTime.fromMillis(now, { zone: timeZone })
  if (refill.interval === 'daily') return local.startOf('day').toMillis()
  const day = refill.day ?? 1
  const inMonth = (month: DateTime) => month.set({ day: Math.min(day, month.daysInMonth!) }).startOf('day')
  const thisMonth = inMonth(local.startOf('month'))
  return (thisMonth <= local ? thisMonth : inMonth(local.startOf('month').minus({ months: 1 }))).toMillis()
}

/** Whether a balance last refilled (or set) at `refilledAt` is due for a refill at `now`. */
export function isRefillDue(refill: CreditRefill | undefined, timeZone: string, refilledAt: number, now: number): boolean {
  return refill !== undefined && refilledAt < lastRefillAt(refill, timeZone, now)
}
