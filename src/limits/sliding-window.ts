/**
 * The sliding-window counter (as Cloudflare and Unkey use it): time is cut into fixed windows
 * of `duration` ms aligned on the epoch; the count of a moment is the current window's count
 * plus the previous window's, weighted by how much of it the sliding window still covers.
 * Pure integer arithmetic: limit × duration ≤ 2.6e15 stays exact in a double.
 *
 * @module
 */

/** A limit's counts in the current window and the one before, as the database holds them. */
export interface WindowCounts {
  readonly previous: number
  readonly current: number
}

export function windowStartOf(now: number, duration: number): number {
  return now - (now % duration)
}

/**
 * The highest `current` count that `limit` allows at `now`, given the previous window's count:
 * floor(limit − previous × (1 − elapsed / duration)).
 */
export function capacityAt(limit: number, duration: number, previous: number, now: number): number {
  const overlap = duration - (now % duration)
  return Math.floor((limit * duration - previous * overlap) / duration)
}

/** What is left of `limit` at `now` (never negative). */
export function remainingAt(limit: number, duration: number, counts: WindowCounts, now: number): number {
  return Math.max(0, capacityAt(limit, duration, counts.previous, now) - counts.current)
}

/**
 * How long until a request of `cost` would be allowed, in ms from `now` (0 when it is now), if
 * nothing else is counted meanwhile. A cost above the limit is never allowed: the answer is
 * then the time until the window is empty.
 */
export function waitFor(limit: number, duration: number, counts: WindowCounts, cost: number, now: number): number {
  const start = windowStartOf(now, duration)
  if (cost > limit) return start + 2 * duration - now
  if (counts.current + cost <= limit) {
    // previous × (duration − elapsed) ≤ (limit − current − cost) × duration
    if (counts.previous === 0) return 0
    const elapsed = duration - Math.floor(((limit - counts.current - cost) * duration) / counts.previous)
    return Math.max(0, start + elapsed - now)
  }
  // Next window: the current count becomes the previous one and fades out.
  const elapsed = duration - Math.floor(((limit - cost) * duration) / counts.current)
  return start + duration + Math.max(0, elapsed) - now
}

/** When the current window ends: the `reset` a verification answers with. */
export function windowEndOf(now: number, duration: number): number {
  return windowStartOf(now, duration) + duration
}
