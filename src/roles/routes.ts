import type { FastifyPluginAsync } from 'fastify'
import { principalOf } from '../http/authenticate.js'
import type { Api } from '../http/api-types.js'
import { API_KEY_SECURITY, API_VERSION_HEADER, errorResponses } from '../http/openapi.js'
import { RoleIdParamsSchema, RoleListSchema, RoleSchema, toRoleBody } from './schema.js'
import type { RoleService } from './service.js'

const tags = ['Administrator Roles']

/** `/roles`: the operations of the model API's administrator roles. */
export const roleRoutes: FastifyPluginAsync<{ roles: RoleService }> = async (fastify, { roles }) => {
  const app = fastify as unknown as Api

  app.get(
    '/roles',
    {
      schema: {
        tags,
        operationId: 'listAdministratorRoles',
        summary: 'List Administrator Roles',
        description: 'Lists all roles. Needs `canViewAdministratorRoles`.',
        headers: API_VERSION_HEADER,
        security: API_KEY_SECURITY,
        response: { 200: RoleListSchema, ...errorResponses(403) },
      },
    },
    async (request) => ({ roles: (await roles.list(principalOf(request))).map(toRoleBody) }),
  )

  app.get(
    '/roles/:roleID',
    {
      schema: {
        tags,
        operationId: 'describeAdministratorRole',
        summary: 'Describe an Administrator Role',
        description: 'Describes a role by ID. Needs `canViewAdministratorRoles`.',
        headers: API_VERSION_HEADER,
        params: RoleIdParamsSchema,
        security: API_KEY_SECURITY,
        response: { 200: RoleSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => toRoleBody(await roles.describe(principalOf(request), request.params.roleID)),
  )
}
