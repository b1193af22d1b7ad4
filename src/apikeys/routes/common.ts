import { API_KEY_SECURITY } from '../../http/openapi.js'

/** What every API key operation's OpenAPI entry shares. */
export const API_KEY_OPERATION = { tags: ['API Keys'], security: API_KEY_SECURITY }
