import type { FastifyReply } from 'fastify'

/** The 200 of a delete: the model API answers with no body at all (not `null`). */
export const EMPTY_RESPONSE = { type: 'null', description: 'Done; the response has no body.' } as const

export function sendEmpty(reply: FastifyReply): FastifyReply {
  return reply.code(200).send()
}
