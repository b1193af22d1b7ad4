/**
 * The second load generator of `verify-hot-path.ts --flood`: its own process (so it does not
 * share the first load generator's event loop), sending `GET /api/apikeys/current` with the bad
 * secrets of FLOOD_SECRETS (a JSON array, taken in turn) at FLOOD_RATE requests/s in all, over
 * FLOOD_CONNECTIONS connections, for FLOOD_SECONDS once the parent says `go` (IPC). Sends the
 * parent `ready`, then its totals.
 */
import autocannon from 'autocannon'

const secrets = JSON.parse(process.env.FLOOD_SECRETS ?? '[]')
const requests = secrets.map((secret) => ({ method: 'GET', path: '/api/apikeys/current', headers: { 'api-version': 'v1', 'api-secret-key': secret } }))

process.once('message', () => {
  autocannon(
    {
      url: process.env.FLOOD_URL,
      requests,
      connections: Number(process.env.FLOOD_CONNECTIONS),
      overallRate: Number(process.env.FLOOD_RATE),
      duration: Number(process.env.FLOOD_SECONDS),
    },
    (error, result) => {
      const statusCodes = Object.fromEntries(Object.entries(result?.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]))
      process.send({ error: error ? String(error) : undefined, total: result?.requests.total ?? 0, errors: result?.errors ?? 0, statusCodes }, () =>
        process.exit(0),
      )
    },
  )
})
process.send('ready')
