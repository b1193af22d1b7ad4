import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import type { DestinationStream } from 'pino'
import { administratorRoutes } from './administrators/routes.js'
import { apiKeyRoutes } from './apikeys/routes/index.js'
import { auditRoutes } from './audit/routes.js'
import { redactSecrets } from './auth/secret-format.js'
import type { Config } from './config.js'
import { KeywardContext } from './context.js'
import { registerApiVersionCheck } from './http/api-version.js'
import { registerAuthentication } from './http/authenticate.js'
import { registerErrorHandling } from './http/error-handler.js'
import { registerHealthRoutes } from './http/health.js'
import { registerJsonBodyParser } from './http/json-body.js'
import { SECURITY_SCHEMES } from './http/openapi.js'
import { createValidatorCompiler } from './http/validation.js'
import { roleRoutes } from './roles/routes.js'
import { sessionRoutes } from './sessions/routes.js'
import { Store } from './store/store.js'
import { systemClock, type Clock } from './time/clock.js'

export interface BuildOptions {
  /** An open store to use (and not close); by default one is opened from the config. */
  readonly store?: Store
  readonly clock?: Clock
  /** Where logs go (tests capture them); stdout by default. */
  readonly logStream?: DestinationStream
}

export interface KeywardApp {
  readonly fastify: FastifyInstance
  readonly context: KeywardContext
  /** Stops the server, writes pending usage, and closes the store if this app opened it. */
  close(): Promise<void>
}

export const VERSION = '0.1.0'

/**
 * Builds Keyward's HTTP app (API, health checks, OpenAPI document) on a store; does not listen.
 *
 * ### Examples
 * ```ts
 * const app = await buildApp(loadConfig())
 * await app.fastify.listen({ port: 4119 })
 * ```
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<KeywardApp> {
  const store = options.store ?? (await Store.open(config.databaseUrl, { changePollIntervalMs: config.changePollIntervalMs }))
  const fastify = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers["api-secret-key"]', 'req.headers.cookie'], censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
          method: req.method,
          url: redactSecrets(req.url),
          remoteAddress: req.ip ?? req.socket?.remoteAddress,
        }),
      },
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  })
  const context = new KeywardContext(config, store, options.clock ?? systemClock, fastify.log)

  fastify.setValidatorCompiler(createValidatorCompiler())
  registerJsonBodyParser(fastify)
  registerErrorHandling(fastify)
  await fastify.register(helmet, { global: true })
  await fastify.register(cookie)
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Keyward API',
        version: VERSION,
        description:
          'API keys, roles and administrators, in the dialect of the Trend Micro Workload Security API: same paths, verbs, field names and `{"message": …}` errors. Every operation needs `api-version: v1`.',
      },
      // @fastify/swagger documents paths relative to this server's path, as the model API does.
      servers: [{ url: '/api' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
  })
  registerHealthRoutes(fastify, store)

  await fastify.register(
    async (api) => {
      registerApiVersionCheck(api)
      registerAuthentication(api, { verifier: context.verifier, sessions: context.services.sessions, throttle: context.throttle })
      // A POST without a body is an empty object: searches take no criteria, a new secret
      // takes nothing, and a create names the fields it misses.
      api.addHook('preValidation', async (request) => {
        if (request.method === 'POST' && request.body === undefined) request.body = {}
      })
      api.addHook('onSend', async (_request, reply) => {
        void reply.header('cache-control', 'no-store')
      })
      api.get('/openapi.json', { config: { public: true, unversioned: true }, schema: { hide: true } }, async () => fastify.swagger())
      await api.register(apiKeyRoutes, { apiKeys: context.services.apiKeys })
      await api.register(roleRoutes, { roles: context.services.roles })
      await api.register(auditRoutes, { audit: context.services.audit })
      await api.register(administratorRoutes, { administrators: context.services.administrators })
      await api.register(sessionRoutes, { sessions: context.services.sessions })
    },
    { prefix: '/api' },
  )

  context.start()
  fastify.addHook('onClose', async () => {
    await context.stop()
    if (!options.store) await store.close()
  })
  await fastify.ready()
  return { fastify, context, close: () => fastify.close() }
}
