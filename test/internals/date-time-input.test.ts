import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { KeywardError } from '../../src/errors/keyward-error.js'
import { toEpochMs } from '../../src/time/date-time-input.js'
import { isTimeZone } from '../../src/time/time-zone.js'

describe('date-time input', () => {
  const context = { field: 'expiryDate', callerTimeZone: 'America/New_York' }

  it('takes epoch milliseconds as they are, also as digits in a string', () => {
    expect(toEpochMs(1_700_000_000_000, context)).toBe(1_700_000_000_000)
    expect(toEpochMs('1700000000000', context)).toBe(1_700_000_000_000)
  })

  it("reads a date-time without an offset in the caller's zone, and one with an offset as given", () => {
    expect(toEpochMs('2027-03-31T18:00', context)).toBe(DateTime.fromISO('2027-03-31T18:00', { zone: 'America/New_York' }).toMillis())
    expect(toEpochMs('2027-03-31T18:00:00Z', context)).toBe(Date.UTC(2027, 2, 31, 18))
    expect(toEpochMs('2027-03-31T18:00:00+09:00', context)).toBe(Date.UTC(2027, 2, 31, 9))
  })

  it("reads a date alone as the end of that day in the given zone, or its start in the caller's", () => {
    expect(toEpochMs('2027-03-31', { ...context, endOfDayTimeZone: 'Asia/Tokyo' })).toBe(Date.UTC(2027, 2, 31, 14, 59, 59, 999))
    expect(toEpochMs('2027-03-31', context)).toBe(DateTime.fromISO('2027-03-31', { zone: 'America/New_York' }).toMillis())
  })

  it('refuses what is not a date-time, naming the field', () => {
    for (const value of ['tomorrow', '2027-13-01', '2027-02-30', '31/03/2027', '', '275760-09-14']) {
      expect(() => toEpochMs(value, context), value).toThrow(KeywardError)
      try {
        toEpochMs(value, context)
      } catch (error) {
        expect((error as KeywardError).code).toBe('request.date_time_invalid')
        expect((error as KeywardError).message).toContain("'expiryDate'")
      }
    }
  })
})

describe('time zones', () => {
  it('accepts IANA names and refuses everything else', () => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'US/Eastern']) expect(isTimeZone(zone), zone).toBe(true)
    for (const zone of ['Mars/Base', '+05:00', 'utc+1', '', 'Asia/Tokyo ', '../etc', 'A'.repeat(100)]) expect(isTimeZone(zone), zone).toBe(false)
  })
})
