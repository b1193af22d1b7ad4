import { API_KEY_SECURITY } from '../../http/openapi.js'
import type { ItemResource } from '../../http/operation-routes.js'
import { AdministratorIdParamsSchema, AdministratorSchema } from '../schema.js'

/** What every administrator operation's OpenAPI entry shares; the signed-in administrator's own take a console session only. */
export const ADMINISTRATORS: ItemResource = {
  group: { tags: ['Administrators'], security: API_KEY_SECURITY },
  path: '/administrators',
  params: AdministratorIdParamsSchema,
  item: AdministratorSchema,
}
export const CURRENT = { tags: ['Administrators'], security: [{ Session: [] }] }
export const SIGNED_IN = 'The signed-in administrator acts on itself, whatever its role (a Keyward extension).'
