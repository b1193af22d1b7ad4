import { API_KEY_SECURITY, API_VERSION_HEADER } from '../../http/openapi.js'

/** What every API key operation's OpenAPI entry shares. */
export const API_KEY_OPERATION = { tags: ['API Keys'], headers: API_VERSION_HEADER, security: API_KEY_SECURITY }
