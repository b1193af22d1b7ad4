import { describe, expect, it } from 'vitest'
import { capacityAt, remainingAt, waitFor, windowStartOf } from '../../src/limits/sliding-window.js'

const MINUTE = 60_000
const T0 = 1_800_000_000_000 - (1_800_000_000_000 % MINUTE)

/** Whether a request of `cost` passes at `now`, by the definition: current + weighted previous + cost ≤ limit. */
function passes(limit: number, previous: number, current: number, cost: number, now: number): boolean {
  const weight = 1 - (now % MINUTE) / MINUTE
  return previous * weight + current + cost <= limit + 1e-9
}

describe('sliding window counter', () => {
  it('aligns windows on the epoch', () => {
    expect(windowStartOf(T0 + 59_999, MINUTE)).toBe(T0)
    expect(windowStartOf(T0 + MINUTE, MINUTE)).toBe(T0 + MINUTE)
  })

  it('weighs the previous window by how much the sliding window still covers', () => {
    // 10 in the previous minute; half-way through this one, 5 of them still count.
    expect(capacityAt(10, MINUTE, 10, T0 + 30_000)).toBe(5)
    expect(remainingAt(10, MINUTE, { previous: 10, current: 2 }, T0 + 30_000)).toBe(3)
    expect(remainingAt(10, MINUTE, { previous: 0, current: 0 }, T0)).toBe(10)
    expect(remainingAt(10, MINUTE, { previous: 10, current: 0 }, T0)).toBe(0)
  })

  it('says exactly how long to wait: not a millisecond earlier, and allowed at that moment', () => {
    for (const [previous, current, cost] of [
      [10, 0, 1],
      [10, 3, 2],
      [7, 10, 1],
      [0, 10, 4],
      [3, 9, 1],
    ] as const) {
      for (const at of [0, 1, 17_000, 59_999]) {
        const now = T0 + at
        const wait = waitFor(10, MINUTE, { previous, current }, cost, now)
        // After the wait, the counts of the window it falls in (the current one rolls over).
        const then = now + wait
        const rolled = windowStartOf(then, MINUTE) !== T0
        const counts = rolled ? [current, 0] : [previous, current]
        expect(passes(10, counts[0]!, counts[1]!, cost, then), `${previous}/${current}+${cost} at ${at}: allowed after ${wait}`).toBe(true)
        if (wait > 0) {
          const before = then - 1
          const rolledBefore = windowStartOf(before, MINUTE) !== T0
          const earlier = rolledBefore ? [current, 0] : [previous, current]
          expect(passes(10, earlier[0]!, earlier[1]!, cost, before), `${previous}/${current}+${cost} at ${at}: not 1 ms earlier`).toBe(false)
        }
      }
    }
  })

  it('never allows a cost above the limit, and says so by the time the window empties', () => {
    expect(waitFor(10, MINUTE, { previous: 0, current: 0 }, 11, T0 + 5000)).toBe(2 * MINUTE - 5000)
  })
})
