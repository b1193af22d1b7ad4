// The part of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  export interface Histogram {
    readonly average: number
    readonly mean: number
    readonly stddev: number
    readonly min: number
    readonly max: number
    readonly total: number
    readonly p50: number
    readonly p90: number
    readonly p99: number
    readonly p99_9: number
  }

  export interface Options {
    url: string
    connections?: number
    duration?: number
    pipelining?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    /** Requests in turn; `setupRequest` may change each one (its headers, say) before it is sent. */
    requests?: { setupRequest?: (request: { headers?: Record<string, string> }) => { headers?: Record<string, string> } }[]
    timeout?: number
    title?: string
  }

  export interface Result {
    readonly title?: string
    readonly url: string
    readonly requests: Histogram
    readonly latency: Histogram
    readonly throughput: Histogram
    readonly duration: number
    readonly errors: number
    readonly timeouts: number
    readonly mismatches: number
    readonly non2xx: number
    readonly resets: number
    readonly '2xx': number
    readonly statusCodeStats: Record<string, { count: number | string }>
    readonly start: Date
    readonly finish: Date
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
