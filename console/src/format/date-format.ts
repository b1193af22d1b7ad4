/**
 * Dates as the signed-in administrator reads them: in their time zone, language and clock
 * (12- or 24-hour). The API speaks epoch milliseconds; nothing else converts them.
 *
 * @module
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSignedIn } from '../api/session.js'

dayjs.extend(utc)
dayjs.extend(timezone)

export interface DateFormat {
  readonly timeZone: string
  /** Date and time, e.g. "Nov 26, 2026, 1:30 PM" or "2026/11/26 13:30"; '' for none. */
  dateTime(ms: number | undefined): string
  /**
   * Date and time in a given zone, naming it: "Mar 31, 2027, 11:59 PM (Asia/Tokyo)". An API
   * key's expiry reads so in the list and in Properties alike (issue 13); a zone this browser
   * does not know falls back to the administrator's, named too.
   */
  inZone(ms: number, zone: string): string
  /** The calendar day of a moment in a zone, as YYYY-MM-DD (for date pickers). */
  day(ms: number, timeZone?: string): string
  /** The first moment of a calendar day (YYYY-MM-DD) in the administrator's zone, in ms. */
  startOfDay(day: string): number
  /** The last moment of a calendar day (YYYY-MM-DD) in the administrator's zone (or another), in ms. */
  endOfDay(day: string, zone?: string): number
}

export function createDateFormat(locale: string, timeZone: string, timeFormat: '12' | '24'): DateFormat {
  const dateTimeIn = (zone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: timeFormat === '12', timeZone: zone })
  const dateTime = dateTimeIn(timeZone)
  const dayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone })
  const days = new Map<string, Intl.DateTimeFormat>()
  const zoned = new Map<string, Intl.DateTimeFormat>()
  return {
    timeZone,
    dateTime: (ms) => (ms === undefined ? '' : dateTime.format(ms)),
    inZone(ms, zone) {
      let format = zoned.get(zone)
      if (!format) {
        try {
          format = dateTimeIn(zone)
        } catch {
          return `${dateTime.format(ms)} (${timeZone})`
        }
        zoned.set(zone, format)
      }
      return `${format.format(ms)} (${zone})`
    },
    day(ms, zone = timeZone) {
      let format = days.get(zone)
      if (!format) days.set(zone, (format = dayIn(zone)))
      return format.format(ms)
    },
    startOfDay: (day) => dayjs.tz(day, timeZone).startOf('day').valueOf(),
    endOfDay: (day, zone = timeZone) => dayjs.tz(day, zone).endOf('day').valueOf(),
  }
}

export function useDateFormat(): DateFormat {
  const { administrator } = useSignedIn()
  const { i18n } = useTranslation()
  return useMemo(
    () => createDateFormat(i18n.language, administrator.timeZone, administrator.timeFormat),
    [i18n.language, administrator.timeZone, administrator.timeFormat],
  )
}
