import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify'
import type { Bindings, ChildLoggerOptions, LogFn, Logger } from 'pino'

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const
type Level = (typeof LEVELS)[number]

/**
 * A request's logger that makes its child of the app's logger (the one that writes the request
 * id into every line) only when it writes a line, which most requests never do.
 */
class LazyRequestLogger implements FastifyBaseLogger {
  readonly #root: Logger
  readonly #bindings: Bindings
  #child: Logger | undefined
  // One method per level, put on the prototype below.
  declare fatal: LogFn
  declare error: LogFn
  declare warn: LogFn
  declare info: LogFn
  declare debug: LogFn
  declare trace: LogFn

  constructor(root: Logger, bindings: Bindings) {
    this.#root = root
    this.#bindings = bindings
  }

  get level(): string {
    return this.#logger().level
  }

  set level(level: string) {
    this.#logger().level = level
  }

  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#logger().child(bindings, options)
  }

  #logger(): Logger {
    this.#child ??= this.#root.child(this.#bindings)
    return this.#child
  }

  write(level: Level, args: unknown[]): void {
    if (this.#root.isLevelEnabled(level)) (this.#logger()[level] as (...args: unknown[]) => void)(...args)
  }
}

for (const level of LEVELS) {
  LazyRequestLogger.prototype[level] = function (this: LazyRequestLogger, ...args: unknown[]) {
    this.write(level, args)
  }
}

/**
 * How Fastify logs for the app's logger `log`. Whenever Fastify has a logger it gives every
 * request a child logger and its response two listeners (`finish`, `error`) for the "request
 * completed" line, whatever the level. When that line is not written (level above `info`), it
 * gets no logger, so no listeners, and each request a {@link LazyRequestLogger}: `request.log`
 * and `reply.log` still write every line with the request id. The caller sets `fastify.log`
 * to `log` (Fastify's own would be a silent one).
 */
export function fastifyLogging(log: Logger): { loggerInstance?: FastifyBaseLogger; childLoggerFactory?: FastifyServerOptions['childLoggerFactory'] } {
  if (log.isLevelEnabled('info')) return { loggerInstance: log }
  return { childLoggerFactory: (_silent, bindings) => new LazyRequestLogger(log, bindings) }
}
