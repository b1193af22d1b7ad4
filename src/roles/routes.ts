import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { registerSearchOperation } from '../http/search-route.js'
import { API_KEY_SECURITY } from '../http/openapi.js'
import {
  type ItemResource,
  registerCreateOperation,
  registerDeleteOperation,
  registerDescribeOperation,
  registerListOperation,
  registerModifyOperation,
} from '../http/operation-routes.js'
import { RoleCreateSchema, RoleIdParamsSchema, RoleListSchema, RoleModifySchema, RoleSchema } from './schema.js'
import type { RoleService } from './service.js'
import { toRoleBody } from './present.js'

const ROLES: ItemResource = {
  group: { tags: ['Administrator Roles'], security: API_KEY_SECURITY },
  path: '/roles',
  params: RoleIdParamsSchema,
  item: RoleSchema,
}

/** `/roles`: the six operations of the model API's administrator roles. */
export const roleRoutes: FastifyPluginAsyncTypebox<{ roles: RoleService }> = async (app, { roles }) => {
  registerCreateOperation(
    app,
    ROLES,
    { operationId: 'createAdministratorRole', summary: 'Create an Administrator Role', description: 'Creates a custom role.', body: RoleCreateSchema },
    async (principal, body) => toRoleBody(await roles.create(principal, body)),
  )

  registerListOperation(
    app,
    ROLES,
    { operationId: 'listAdministratorRoles', summary: 'List Administrator Roles', description: 'Lists all roles, by ID.', list: RoleListSchema },
    async (principal) => ({ roles: (await roles.list(principal)).map(toRoleBody) }),
  )

  registerSearchOperation(app, {
    url: '/roles/search',
    group: ROLES.group,
    operationId: 'searchAdministratorRoles',
    summary: 'Search Administrator Roles',
    description: 'Searches roles with the search-filter language.',
    listSchema: RoleListSchema,
    listKey: 'roles',
    search: (principal, filter) => roles.search(principal, filter),
    present: toRoleBody,
  })

  registerDescribeOperation(
    app,
    ROLES,
    { operationId: 'describeAdministratorRole', summary: 'Describe an Administrator Role', description: 'Describes a role by ID.' },
    async (principal, id) => toRoleBody(await roles.describe(principal, id)),
  )

  const modify = {
    operationId: 'modifyAdministratorRole',
    summary: 'Modify an Administrator Role',
    description:
      'Changes the properties sent; the rest stay. Holders of the role get its new rights at once. The built-in roles (Full Access, Auditor) cannot be changed.',
    body: RoleModifySchema,
  } as const
  registerModifyOperation(app, ROLES, modify, async (principal, id, body) => toRoleBody(await roles.modify(principal, id, body)))

  const remove = {
    operationId: 'deleteAdministratorRole',
    summary: 'Delete an Administrator Role',
    description:
      'Deletes a role that no administrator or API key holds (409 otherwise, saying how many do). The built-in roles (Full Access, Auditor) cannot be deleted. Answers 200 with no body.',
    conflicts: true,
  } as const
  registerDeleteOperation(app, ROLES, remove, (principal, id) => roles.delete(principal, id))
}
