/**
 * Time zones: IANA names only, as `Intl` (and so Luxon) knows them.
 *
 * @module
 */

// An IANA name is words joined by slashes (America/New_York, Etc/GMT+5, UTC); this refuses
// what Intl would also take but is no IANA name, such as "+05:00".
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/

const known = new Map<string, boolean>()

/** Whether a name is an IANA time zone this runtime knows, such as `Asia/Tokyo` or `UTC`. */
export function isTimeZone(name: string): boolean {
  let valid = known.get(name)
  if (valid === undefined) {
    valid = IANA_NAME.test(name) && name.length <= 64 && isKnownToIntl(name)
    if (known.size < 10_000) known.set(name, valid)
  }
  return valid
}

function isKnownToIntl(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

export const DEFAULT_TIME_ZONE = 'UTC'
