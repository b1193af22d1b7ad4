import { API_KEY_SECURITY } from '../../http/openapi.js'
import type { ItemResource } from '../../http/operation-routes.js'
import { ApiKeyIdParamsSchema, ApiKeySchema } from '../schema.js'

/** What every API key operation's OpenAPI entry shares. */
export const API_KEY_OPERATION = { tags: ['API Keys'], security: API_KEY_SECURITY }

export const API_KEYS: ItemResource = { group: API_KEY_OPERATION, path: '/apikeys', params: ApiKeyIdParamsSchema, item: ApiKeySchema }
