import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../http/api-guard.js'
import { registerSearchOperation } from '../http/search-route.js'
import { EMPTY_RESPONSE, sendEmpty } from '../http/empty-reply.js'
import { API_KEY_SECURITY, describeOperation, errorResponses } from '../http/openapi.js'
import { RoleCreateSchema, RoleIdParamsSchema, RoleListSchema, RoleModifySchema, RoleSchema } from './schema.js'
import type { RoleService } from './service.js'
import { toRoleBody } from './present.js'

const OPERATION = { tags: ['Administrator Roles'], security: API_KEY_SECURITY }

/** `/roles`: the six operations of the model API's administrator roles. */
export const roleRoutes: FastifyPluginAsyncTypebox<{ roles: RoleService }> = async (app, { roles }) => {
  app.post(
    '/roles',
    {
      schema: {
        ...OPERATION,
        operationId: 'createAdministratorRole',
        summary: 'Create an Administrator Role',
        description: describeOperation('createAdministratorRole', 'Creates a custom role.'),
        body: RoleCreateSchema,
        response: { 200: RoleSchema, ...errorResponses(403, 409, 413) },
      },
    },
    async (request) => toRoleBody(await roles.create(principalOf(request), request.body)),
  )

  app.get(
    '/roles',
    {
      schema: {
        ...OPERATION,
        operationId: 'listAdministratorRoles',
        summary: 'List Administrator Roles',
        description: describeOperation('listAdministratorRoles', 'Lists all roles, by ID.'),
        response: { 200: RoleListSchema, ...errorResponses(403) },
      },
    },
    async (request) => ({ roles: (await roles.list(principalOf(request))).map(toRoleBody) }),
  )

  registerSearchOperation(app, {
    url: '/roles/search',
    operation: OPERATION,
    operationId: 'searchAdministratorRoles',
    summary: 'Search Administrator Roles',
    description: describeOperation('searchAdministratorRoles', 'Searches roles with the search-filter language.'),
    listSchema: RoleListSchema,
    listKey: 'roles',
    search: (principal, filter) => roles.search(principal, filter),
    present: toRoleBody,
  })

  app.get(
    '/roles/:roleID',
    {
      schema: {
        ...OPERATION,
        operationId: 'describeAdministratorRole',
        summary: 'Describe an Administrator Role',
        description: describeOperation('describeAdministratorRole', 'Describes a role by ID.'),
        params: RoleIdParamsSchema,
        response: { 200: RoleSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => toRoleBody(await roles.describe(principalOf(request), request.params.roleID)),
  )

  app.post(
    '/roles/:roleID',
    {
      schema: {
        ...OPERATION,
        operationId: 'modifyAdministratorRole',
        summary: 'Modify an Administrator Role',
        description: describeOperation(
          'modifyAdministratorRole',
          'Changes the properties sent; the rest stay. Holders of the role get its new rights at once. The built-in roles (Full Access, Auditor) cannot be changed.',
        ),
        params: RoleIdParamsSchema,
        body: RoleModifySchema,
        response: { 200: RoleSchema, ...errorResponses(403, 404, 409, 413) },
      },
    },
    async (request) => toRoleBody(await roles.modify(principalOf(request), request.params.roleID, request.body)),
  )

  app.delete(
    '/roles/:roleID',
    {
      schema: {
        ...OPERATION,
        operationId: 'deleteAdministratorRole',
        summary: 'Delete an Administrator Role',
        description: describeOperation(
          'deleteAdministratorRole',
          'Deletes a role that no administrator or API key holds (409 otherwise, saying how many do). The built-in roles (Full Access, Auditor) cannot be deleted. Answers 200 with no body.',
        ),
        params: RoleIdParamsSchema,
        response: { 200: EMPTY_RESPONSE, ...errorResponses(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await roles.delete(principalOf(request), request.params.roleID)
      return sendEmpty(reply)
    },
  )
}
