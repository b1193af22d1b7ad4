/**
 * The reference server of `verify-hot-path.ts`: a bare Fastify 5 with no plugin, hook or
 * schema, answering the bodies Keyward answers, so the benchmark can quote Keyward's
 * throughput as a ratio of what Fastify itself does on the same machine in the same run.
 * `/healthz` answers BARE_HEALTHZ_BODY, `/api/apikeys/current` BARE_CURRENT_BODY, `POST
 * /api/apikeys/verify` BARE_VERIFY_BODY (all JSON,
 * parsed once and serialised per request, as a route returning an object is).
 * `BARE_VALIDATED_ROUTES=N` adds N `POST` routes with a JSON body schema each (`frame-modes.ts`):
 * a route table like Keyward's, none of them asked.
 */
import Fastify from 'fastify'

const healthz = JSON.parse(process.env.BARE_HEALTHZ_BODY ?? '{"status":"ok"}')
const current = JSON.parse(process.env.BARE_CURRENT_BODY ?? '{}')
const verify = JSON.parse(process.env.BARE_VERIFY_BODY ?? '{}')
const app = Fastify({ logger: false })
app.get('/readyz', () => healthz)
app.get('/healthz', () => healthz)
app.get('/api/apikeys/current', () => current)
// The same POST (a JSON body, parsed) answered with what Keyward's verify answered.
app.post('/api/apikeys/verify', () => verify)
for (let i = 0; i < Number(process.env.BARE_VALIDATED_ROUTES ?? 0); i++) {
  app.post(`/api/validated/${i}`, { schema: { body: { type: 'object', properties: { [`field${i}`]: { type: 'string' } } } } }, () => ({ i }))
}
await app.listen({ host: '127.0.0.1', port: Number(process.env.KEYWARD_PORT) })
