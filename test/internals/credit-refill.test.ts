import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { isRefillDue, lastRefillAt } from '../../src/limits/credit-refill.js'

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis()
const DAILY = { interval: 'daily' as const, amount: 100 }

describe('credit refills at midnight in the key’s time zone', () => {
  it('refills daily at local midnight, on the 23-hour day when clocks go forward', () => {
    const zone = 'America/New_York'
    // 2027-03-14: clocks go from 02:00 to 03:00; the day has 23 hours.
    expect(lastRefillAt(DAILY, zone, at('2027-03-14T12:00', zone))).toBe(Date.parse('2027-03-14T05:00:00Z'))
    expect(lastRefillAt(DAILY, zone, at('2027-03-15T00:00', zone))).toBe(Date.parse('2027-03-15T04:00:00Z'))
    // 23:59 EDT is 03:59Z: still the 14th, not yet due again.
    expect(isRefillDue(DAILY, zone, at('2027-03-14T00:00', zone), Date.parse('2027-03-15T03:59:00Z'))).toBe(false)
    expect(isRefillDue(DAILY, zone, at('2027-03-14T00:00', zone), Date.parse('2027-03-15T04:00:00Z'))).toBe(true)
  })

  it('refills daily at local midnight on the 25-hour day when clocks go back', () => {
    const zone = 'Europe/London'
    // 2027-10-31: 02:00 BST becomes 01:00 GMT; the next midnight is 25 hours after the last.
    const set = at('2027-10-31T00:00', zone)
    expect(set).toBe(Date.parse('2027-10-30T23:00:00Z'))
    expect(isRefillDue(DAILY, zone, set, set + 24 * 3_600_000)).toBe(false)
    expect(isRefillDue(DAILY, zone, set, set + 25 * 3_600_000)).toBe(true)
  })

  it('refills at the first moment of a day whose midnight is skipped', () => {
    // Santiago moved clocks from 24:00 to 01:00 on 2026-09-06.
    const zone = 'America/Santiago'
    expect(lastRefillAt(DAILY, zone, at('2026-09-06T12:00', zone))).toBe(at('2026-09-06T01:00', zone))
  })

  it('refills monthly on the given day, or the last day of a shorter month', () => {
    const zone = 'Asia/Tokyo'
    const monthly = { interval: 'monthly' as const, amount: 100, day: 31 }
    expect(lastRefillAt(monthly, zone, at('2027-02-28T09:00', zone))).toBe(at('2027-02-28T00:00', zone))
    expect(lastRefillAt(monthly, zone, at('2027-02-27T09:00', zone))).toBe(at('2027-01-31T00:00', zone))
    expect(lastRefillAt({ interval: 'monthly', amount: 1 }, zone, at('2027-03-01T00:00', zone))).toBe(at('2027-03-01T00:00', zone))
    expect(lastRefillAt({ interval: 'monthly', amount: 1 }, zone, at('2027-02-28T23:59', zone))).toBe(at('2027-02-01T00:00', zone))
  })
})
