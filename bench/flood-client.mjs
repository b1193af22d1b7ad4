/**
 * The second load generator of `verify-hot-path.ts --flood`: its own process (so it does not
 * share the first load generator's event loop), sending `GET /api/apikeys/current` with bad
 * secrets at FLOOD_RATE requests/s in all, over FLOOD_CONNECTIONS connections, for
 * FLOOD_SECONDS. Sends the parent `ready`; the parent's `{ secrets }` (IPC: a list too long for
 * the environment) starts it, each request taking the next secret of the list, whichever
 * connection sends it, so every secret is sent once before any is sent again. Then sends the
 * parent its totals.
 */
import autocannon from 'autocannon'

process.once('message', ({ secrets }) => {
  let next = 0
  autocannon(
    {
      url: process.env.FLOOD_URL,
      requests: [
        {
          method: 'GET',
          path: '/api/apikeys/current',
          setupRequest: (request) => ({ ...request, headers: { 'api-version': 'v1', 'api-secret-key': secrets[next++ % secrets.length] } }),
        },
      ],
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
