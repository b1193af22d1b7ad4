/**
 * keyward-client: a typed client for Keyward's API, `verify` with a local cache kept current
 * by Keyward's stream of key changes, and middleware for Fastify, Express and Hono.
 *
 * @module
 */
export { Keyward, type KeywardOptions } from './keyward.js'
export type { VerifiedKey, VerifyOptions } from './verified-key.js'
export type { ProtectOptions, Refusal } from './middleware/protect.js'
export type { FastifyHook, FastifyLikeReply, FastifyLikeRequest } from './middleware/fastify.js'
export type { ExpressLikeRequest, ExpressLikeResponse, ExpressMiddleware } from './middleware/express.js'
export type { HonoLikeContext, HonoMiddleware } from './middleware/hono.js'
export { KeywardError, UNREACHABLE } from './keyward-error.js'
export { KeyChangeStream, type KeyChange, type KeyChangeStreamEvent, type KeyChangeStreamOptions } from './key-change-stream.js'
export type { VerifyCacheOptions } from './verify-cache.js'
export type * from './generated/api.js'
