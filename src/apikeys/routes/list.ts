import { Readable } from 'node:stream'
import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { errorResponses } from '../../http/openapi.js'
import { operationSchema } from '../../http/operation-routes.js'
import type { ApiKeyRecord } from '../api-key.js'
import { ApiKeyListSchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEYS } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerList(app: Api, apiKeys: ApiKeyService): void {
  app.get(
    API_KEYS.path,
    {
      schema: {
        ...operationSchema(API_KEYS.group, {
          operationId: 'listApiKeys',
          summary: 'List API Keys',
          description:
            'Lists all API keys, by ID, streamed as they are read a page at a time (`KEYWARD_LIST_PAGE_SIZE`), so a key made or deleted meanwhile may or may not show. To page through many, use search.',
        }),
        response: { 200: ApiKeyListSchema, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const pages = apiKeys.list(principalOf(request))
      // Bytes, not objects: the socket's backpressure then holds the reading to about a page.
      const body = Readable.from(listBody(pages), { objectMode: false })
      // Once sent, the 200 cannot change: a failed read cuts the answer off (no closing bracket)
      // and is a failed request for the logs, as a 500 would be (Fastify itself only warns).
      body.once('error', (error) => request.log.error({ err: error }, 'request failed: the API key list was cut off'))
      // Fastify sends a stream as it is, unserialised; the schema documents what it holds.
      return reply.type('application/json; charset=utf-8').send(body as never)
    },
  )
}

/** `{"apiKeys": [...]}` as the schema would write it, a page at a time. */
async function* listBody(pages: AsyncIterable<ApiKeyRecord[]>): AsyncGenerator<string> {
  let separator = ''
  yield '{"apiKeys":['
  for await (const page of pages) {
    yield separator + page.map((record) => JSON.stringify(toApiKeyBody(record))).join(',')
    separator = ','
  }
  yield ']}'
}
