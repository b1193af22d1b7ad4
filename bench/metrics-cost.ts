/**
 * What metrics add to one authenticated request: the calls the request path makes (a request
 * observation, an authentication count, a verifier-cache lookup count), timed alone in a tight
 * loop, to set against the server's CPU time per request that `verify-hot-path.ts` reports.
 * (Side-by-side throughput runs on this shared machine vary by more than the 2 % to be shown.)
 *
 * Usage: `npx tsx bench/metrics-cost.ts [--iterations N] [--server-cpu-us U]`
 */
import { parseArgs } from 'node:util'
import { Metrics } from '../src/metrics/metrics.js'

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '2000000' }, 'server-cpu-us': { type: 'string', default: '60' } } })
const iterations = Number(values.iterations)
const serverCpuUs = Number(values['server-cpu-us'])
const metrics = new Metrics({ verifierCacheSize: () => 0, failedStatements: () => 0, poolConnections: undefined })
const routes = ['/api/apikeys/current', '/api/apikeys/:apiKeyID', '/healthz']

function perRequest(i: number): void {
  metrics.cacheLookup(true)
  metrics.authentication('apikey', 'ok')
  metrics.request('GET', routes[i % routes.length]!, 200, (i % 50) / 10_000)
}

for (let i = 0; i < 200_000; i++) perRequest(i)
const rounds: number[] = []
for (let round = 0; round < 5; round++) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) perRequest(i)
  rounds.push(Number(process.hrtime.bigint() - start) / iterations)
}
const best = Math.min(...rounds)
const median = [...rounds].sort((a, b) => a - b)[2]!
console.log(`metrics per request: best ${best.toFixed(0)} ns, median ${median.toFixed(0)} ns (rounds ${rounds.map((r) => r.toFixed(0)).join(', ')} ns)`)
console.log(`against ${serverCpuUs} µs of server CPU per authenticated request: ${((median / 1000 / serverCpuUs) * 100).toFixed(2)} %`)
