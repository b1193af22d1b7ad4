import { useSession, useSignedIn } from '../../api/session.js'
import { useApiQuery, useResourceActions } from '../../api/use-api.js'
import { containsCriterion, useSearchPage } from '../../components/list-params.js'
import type { NewRole, Role, RoleChanges } from '../../api/resources.js'
import { useCan } from '../../rights/rights.js'

/**
 * Every role, by ID: there are few, and the API key, user and role pages all name them.
 * Nothing is read without the right to view roles.
 */
export function useRoleList() {
  const can = useCan()
  const query = useApiQuery<{ roles: Role[] }>(can('administratorRoleRights.canViewAdministratorRoles') ? { method: 'GET', path: '/roles' } : null)
  return { ...query, roles: query.data?.data.roles }
}

export function useRole(id: number | undefined) {
  const query = useApiQuery<Role>(id === undefined ? null : { method: 'GET', path: `/roles/${id}` })
  return { ...query, role: query.data?.data }
}

export function useRoleActions() {
  const { refresh } = useSession()
  const session = useSignedIn()
  return useResourceActions<Role, NewRole, RoleChanges>('/roles', async (id) => {
    if (id === session.role.ID) await refresh()
  })
}

/** One page of roles, searched, sorted and counted by the server. */
export function useRolePage() {
  return useSearchPage<Role>('/roles/search', 'roles', { sort: 'name' }, (params) => containsCriterion('name', params.query))
}
