import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** The Fastify instance a typed route plugin receives: schemas are TypeBox, so handlers are typed by them. */
export type Api = Parameters<FastifyPluginAsyncTypebox>[0]
