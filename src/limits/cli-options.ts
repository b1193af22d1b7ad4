import { InvalidArgumentError } from 'commander'
import { parseRateLimit } from '../config.js'
import type { CreditRefill, RateLimit } from './schema.js'

const NAME = /^[A-Za-z0-9_.:-]{1,64}$/

/**
 * Reads `--rate-limit NAME=LIMIT/DURATION` (e.g. `default=500/1m`), repeatable: collects them.
 *
 * @throws InvalidArgumentError when the value is not one.
 */
export function collectRateLimit(value: string, previous: RateLimit[] = []): RateLimit[] {
  const [name, rate] = value.split('=', 2)
  const parsed = (() => {
    try {
      return rate === undefined ? undefined : parseRateLimit('--rate-limit', rate)
    } catch {
      return undefined
    }
  })()
  if (name === undefined || !NAME.test(name) || !parsed) throw new InvalidArgumentError('expected NAME=LIMIT/DURATION, e.g. default=500/1m')
  return [...previous, { name, ...parsed }]
}

/**
 * Reads `--refill daily` or `--refill monthly[:DAY]`.
 *
 * @throws InvalidArgumentError when the value is neither.
 */
export function parseRefill(value: string): Omit<CreditRefill, 'amount'> {
  const match = /^(daily|monthly)(?::(\d{1,2}))?$/.exec(value)
  const day = match?.[2] === undefined ? undefined : Number(match[2])
  if (!match || (day !== undefined && (match[1] === 'daily' || day < 1 || day > 31)))
    throw new InvalidArgumentError('expected daily or monthly[:DAY], e.g. monthly:15')
  return { interval: match[1] as 'daily' | 'monthly', ...(day === undefined ? {} : { day }) }
}

/** Reads `--credits N`. @throws InvalidArgumentError unless N is a whole number ≥ 0. */
export function parseCredits(value: string): number {
  if (!/^\d{1,13}$/.test(value)) throw new InvalidArgumentError('expected a whole number of credits')
  return Number(value)
}
