import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type DestinationStream, pino } from 'pino'
import { administratorRoutes } from './administrators/routes/index.js'
import { apiKeyRoutes } from './apikeys/routes/index.js'
import { auditRoutes } from './audit/routes.js'
import { redactSecrets } from './auth/secret-format.js'
import type { Config } from './config.js'
import { KeywardContext } from './context.js'
import { registerApiGuard } from './http/api-guard.js'
import { registerApiDocs } from './http/api-docs.js'
import { answerClientError } from './http/client-error.js'
import { registerErrorHandling } from './http/error-handler.js'
import { registerHealthRoutes } from './http/health.js'
import { registerJsonBodyParser } from './http/json-body.js'
import { fastifyLogging } from './http/request-log.js'
import { consoleSecurityHeaders, registerSecurityHeaders } from './http/security-headers.js'
import { documentApiVersion, requireRightsTableEntries, SECURITY_SCHEMES } from './http/openapi.js'
import { createValidatorCompiler, STRING_FORMATS } from './http/validation.js'
import { registerRequestMetrics } from './metrics/request-metrics.js'
import { roleRoutes } from './roles/routes.js'
import { sessionRoutes } from './sessions/routes.js'
import { keyChangeRoutes } from './verify/changes-route.js'
import { verifyRoutes } from './verify/routes.js'
import { Store } from './store/store.js'
import { systemClock, type Clock } from './time/clock.js'

export interface BuildOptions {
  /** An open store to use (and not close); by default one is opened from the config. */
  readonly store?: Store
  readonly clock?: Clock
  /** Where logs go (tests capture them); stdout by default. */
  readonly logStream?: DestinationStream
  /** The built console (`npm run build`) to serve at `/`; `console/dist` of this checkout by default. */
  readonly consoleDir?: string
}

export interface KeywardApp {
  readonly fastify: FastifyInstance
  readonly context: KeywardContext
  /** Stops the server, writes pending usage, and closes the store if this app opened it. */
  close(): Promise<void>
}

export const VERSION = '0.1.0'

const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../console/dist', import.meta.url))

/**
 * The console is a Vite build: scripts and styles are files of this origin, never inline.
 * Mantine sets styles at run time, hence 'unsafe-inline' for styles only. No
 * upgrade-insecure-requests: Keyward is often reached over plain HTTP on a private network,
 * where upgrading the console's own requests to HTTPS would break it.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** Whether a request would take an HTML page: browsers say text/html, curl says any type. */
function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*')
}

/**
 * Serves the console at `/`: its files, and its `index.html` for every other page a browser
 * asks for (the console routes in the browser: `/apikeys/12` is a page of it). Paths under
 * `/api` stay the API's, and a missing file is a 404, not a page.
 */
async function registerConsole(fastify: FastifyInstance, dir: string): Promise<void> {
  await fastify.register(fastifyStatic, { root: dir, serve: false })
  const handler = async (request: FastifyRequest<{ Params: { '*'?: string } }>, reply: FastifyReply) => {
    const path = request.params['*'] ?? ''
    if (path === 'api' || path.startsWith('api/')) return reply.callNotFound()
    const isFile = /\.[A-Za-z0-9]+$/.test(path)
    if (!isFile && !acceptsHtml(request)) return reply.callNotFound()
    if (!existsSync(dir)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The Keyward console is not built. Run `npm run build` (`npm install` runs it), then reload.\n')
    }
    // Built assets have content hashes in their names, so they never change; pages always may.
    if (isFile) return reply.sendFile(path, path.startsWith('assets/') ? { maxAge: '365d', immutable: true } : { maxAge: 0 })
    void reply.header('cache-control', 'no-cache')
    return reply.sendFile('index.html', { maxAge: 0, cacheControl: false })
  }
  const onRequest = consoleSecurityHeaders(CONTENT_SECURITY_POLICY)
  fastify.get<{ Params: { '*'?: string } }>('/', { schema: { hide: true }, onRequest }, handler)
  fastify.get<{ Params: { '*'?: string } }>('/*', { schema: { hide: true }, onRequest }, handler)
}

/** Fastify's form of `KEYWARD_TRUST_PROXY`: a hop count trusts that many proxies in front. */
function trustedProxies(setting: Config['trustProxy']): string | false | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting
}

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
  const store = options.store ?? (await Store.open(config.databaseUrl, config))
  const log = pino(
    {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers["api-secret-key"]', 'req.headers.cookie'], censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
          method: req.method,
          url: redactSecrets(req.url),
          remoteAddress: req.ip ?? req.socket?.remoteAddress,
        }),
      },
    },
    options.logStream,
  )
  const fastify = Fastify({
    ...fastifyLogging(log),
    ...(config.tlsCertFile && config.tlsKeyFile ? { https: { cert: readFileSync(config.tlsCertFile), key: readFileSync(config.tlsKeyFile) } } : {}),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustedProxies(config.trustProxy),
    return503OnClosing: false,
    serializerOpts: { ajv: { formats: STRING_FORMATS } },
    clientErrorHandler: answerClientError,
    requestTimeout: config.requestTimeoutMs,
    // Node checks both timeouts every connectionsCheckingInterval (30 s by default, longer
    // than the timeouts themselves).
    http: { headersTimeout: config.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs) },
  })
  fastify.log = log
  const context = new KeywardContext(config, store, options.clock ?? systemClock, fastify.log)

  fastify.setValidatorCompiler(createValidatorCompiler())
  registerJsonBodyParser(fastify)
  registerErrorHandling(fastify, { onUnmatchedSend: registerRequestMetrics(fastify, context.metrics) })
  registerSecurityHeaders(fastify, { https: Boolean(config.tlsCertFile && config.tlsKeyFile) || config.trustProxy !== false })
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
    transform: documentApiVersion,
  })
  registerHealthRoutes(fastify, store)

  await fastify.register(
    async (api) => {
      registerApiGuard(api, {
        verifier: context.verifier,
        sessions: context.services.sessions,
        throttle: context.throttle,
        limits: context.limits,
        metrics: context.metrics,
      })
      api.get('/openapi.json', { config: { public: true, unversioned: true }, schema: { hide: true } }, async () => fastify.swagger())
      registerApiDocs(api)
      requireRightsTableEntries(api)
      await api.register(apiKeyRoutes, { apiKeys: context.services.apiKeys })
      await api.register(roleRoutes, { roles: context.services.roles })
      await api.register(auditRoutes, { audit: context.services.audit })
      await api.register(administratorRoutes, { administrators: context.services.administrators })
      await api.register(sessionRoutes, { sessions: context.services.sessions })
      await api.register(verifyRoutes, { verify: context.services.verify })
      await api.register(keyChangeRoutes, { changes: context.services.keyChanges })
    },
    { prefix: '/api' },
  )

  await registerConsole(fastify, options.consoleDir ?? DEFAULT_CONSOLE_DIR)

  context.start()
  fastify.addHook('onClose', async () => {
    await context.stop()
    if (!options.store) await store.close()
  })
  await fastify.ready()
  return { fastify, context, close: () => fastify.close() }
}
