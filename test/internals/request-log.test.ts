import Fastify from 'fastify'
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { fastifyLogging } from '../../src/http/request-log.js'

/**
 * A Fastify logging through `fastifyLogging` at `level` (none without), with one route that logs
 * at warn and info, and that notes how many 'finish' listeners each response has as it is sent.
 */
async function app(level?: string) {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  const fastify = Fastify(level ? fastifyLogging(pino({ level }, stream)) : {})
  const finishListeners: number[] = []
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    finishListeners.push(reply.raw.listenerCount('finish'))
    done(null, payload)
  })
  fastify.get('/', (request) => {
    request.log.warn('slow')
    request.log.info('detail')
    return { ok: true }
  })
  await fastify.ready()
  return { fastify, lines, finishListeners }
}

describe('request logging', () => {
  // Fastify puts 'finish' and 'error' listeners on every response whenever it has a logger, for
  // the "request completed" line; above info that line is not written, so neither are they.
  it('puts no listener on a response above info, and still writes each written line with the request id', async () => {
    const bare = await app()
    await bare.fastify.inject({ method: 'GET', url: '/' })
    const { fastify, lines, finishListeners } = await app('warn')
    expect((await fastify.inject({ method: 'GET', url: '/' })).statusCode).toBe(200)
    expect(finishListeners).toEqual(bare.finishListeners)
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'slow', reqId: 'req-1' })])
  })

  it("keeps Fastify's request lines at info", async () => {
    const { fastify, lines } = await app('info')
    await fastify.inject({ method: 'GET', url: '/' })
    expect(lines.map((line) => [line.msg, line.reqId])).toEqual([
      ['incoming request', 'req-1'],
      ['slow', 'req-1'],
      ['detail', 'req-1'],
      ['request completed', 'req-1'],
    ])
  })
})
