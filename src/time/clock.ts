/** The current time in epoch milliseconds; tests pass a clock they can move. */
export type Clock = () => number

export const systemClock: Clock = () => Date.now()
