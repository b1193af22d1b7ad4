import Fastify, { type FastifySchema } from 'fastify'
import { describe, expect, it } from 'vitest'
import { requireRightsTableEntries } from '../../src/http/openapi.js'

/** Builds an API with the rights-table check and one route of the given schema. */
async function buildApi(schema: FastifySchema & { hide?: boolean; operationId?: string }): Promise<void> {
  const app = Fastify()
  await app.register(async (api) => {
    requireRightsTableEntries(api)
    api.post('/things', { schema }, async () => ({}))
  })
  try {
    await app.ready()
  } finally {
    await app.close()
  }
}

describe('the rights table guards the router', () => {
  it('refuses to build an API with a route whose operation has no entry', async () => {
    await expect(buildApi({ operationId: 'createThing' })).rejects.toThrow(
      'POST /things: operation createThing has no entry in the rights table (src/auth/operations.ts)',
    )
    await expect(buildApi({ summary: 'Create a Thing' })).rejects.toThrow('operation (no operationId) has no entry')
  })

  it('builds one whose operations are in the table, and hidden routes', async () => {
    await expect(buildApi({ operationId: 'createApiKey' })).resolves.toBeUndefined()
    await expect(buildApi({ hide: true })).resolves.toBeUndefined()
  })
})
