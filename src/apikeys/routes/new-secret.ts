import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { errorResponses } from '../../http/openapi.js'
import { itemPath, operationSchema } from '../../http/operation-routes.js'
import { ApiKeyIdParamsSchema, ApiKeySchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEYS } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerNewSecret(app: Api, apiKeys: ApiKeyService): void {
  app.post(
    `${itemPath(API_KEYS)}/secretkey`,
    {
      schema: {
        ...operationSchema(API_KEYS.group, {
          operationId: 'replaceApiSecretKey',
          summary: 'Generate an API Secret Key',
          description:
            'Gives the API key a new `secretKey`, shown this once; the previous secret stops working at once. ID and settings stay. Any body is ignored.',
        }),
        params: ApiKeyIdParamsSchema,
        response: { 200: ApiKeySchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { record, secret } = await apiKeys.newSecret(principalOf(request), request.params.apiKeyID)
      return toApiKeyBody(record, { secretKey: secret })
    },
  )
}
