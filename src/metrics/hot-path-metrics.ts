/**
 * Counters and a histogram for what every request touches, registered in a prom-client
 * registry as plain metric objects. prom-client's own hash the labels on every call (about
 * 7 µs a request on this machine, a tenth of a cached key's whole request); these find their
 * series by map lookups (0.2 µs, `bench/metrics-cost.ts`) and format labels only when scraped.
 *
 * @module
 */

type Labels = Record<string, string>

interface MetricValue {
  readonly metricName?: string
  readonly labels: Labels
  readonly value: number
}

/** What prom-client's registry reads from a metric when it renders it. */
interface RegistryMetric {
  readonly name: string
  readonly help: string
  readonly type: 'counter' | 'histogram'
  readonly aggregator: 'sum'
  get(): { name: string; help: string; type: string; aggregator: 'sum'; values: MetricValue[] }
}

export class FastCounter implements RegistryMetric {
  readonly type = 'counter' as const
  readonly aggregator = 'sum' as const
  readonly #series = new Map<string, { labels: Labels; value: number }>()

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** Adds one to the series `key` names (`labels` are its labels, read the first time). */
  inc(key: string, labels: Labels): void {
    const series = this.#series.get(key)
    if (series) series.value++
    else this.#series.set(key, { labels, value: 1 })
  }

  get() {
    const values = [...this.#series.values()].map(({ labels, value }) => ({ labels, value }))
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values }
  }
}

interface HistogramSeries {
  readonly labels: Labels
  readonly counts: number[]
  sum: number
  count: number
}

/** A histogram of requests by route, status and method (found by nested maps: no key to build). */
export class RequestHistogram implements RegistryMetric {
  readonly type = 'histogram' as const
  readonly aggregator = 'sum' as const
  readonly #buckets: readonly number[]
  readonly #series = new Map<string, Map<number, Map<string, HistogramSeries>>>()

  constructor(
    readonly name: string,
    readonly help: string,
    buckets: readonly number[],
  ) {
    this.#buckets = buckets
  }

  observe(method: string, route: string, status: number, value: number): void {
    let byStatus = this.#series.get(route)
    if (!byStatus) this.#series.set(route, (byStatus = new Map()))
    let byMethod = byStatus.get(status)
    if (!byMethod) byStatus.set(status, (byMethod = new Map()))
    let series = byMethod.get(method)
    if (!series) {
      series = { labels: { method, route, status: String(status) }, counts: this.#buckets.map(() => 0), sum: 0, count: 0 }
      byMethod.set(method, series)
    }
    const buckets = this.#buckets
    for (let i = 0; i < buckets.length; i++) {
      if (value <= buckets[i]!) {
        series.counts[i]!++
        break
      }
    }
    series.sum += value
    series.count++
  }

  get() {
    const values: MetricValue[] = []
    for (const byStatus of this.#series.values()) {
      for (const byMethod of byStatus.values()) {
        for (const { labels, counts, sum, count } of byMethod.values()) {
          let cumulative = 0
          this.#buckets.forEach((bound, i) => {
            cumulative += counts[i]!
            values.push({ metricName: `${this.name}_bucket`, labels: { le: String(bound), ...labels }, value: cumulative })
          })
          values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...labels }, value: count })
          values.push({ metricName: `${this.name}_sum`, labels, value: sum })
          values.push({ metricName: `${this.name}_count`, labels, value: count })
        }
      }
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values }
  }
}
