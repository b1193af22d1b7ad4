import type { Administrator, AdministratorChanges, NewAdministrator } from '../../api/resources.js'
import { useSession, useSignedIn } from '../../api/session.js'
import { useApiQuery, useResourceActions } from '../../api/use-api.js'
import { containsCriterion, useSearchPage } from '../../components/list-params.js'

/** Whether an error is about the password the administrator was given (its policy). */
export function isPasswordError(code: string): boolean {
  return code.startsWith('administrator.password_')
}

/** One page of administrators, searched, sorted and counted by the server. */
export function useAdministrators() {
  return useSearchPage<Administrator>('/administrators/search', 'administrators', { sort: 'username' }, (params) => containsCriterion('username', params.query))
}

export function useAdministrator(id: number | undefined) {
  const query = useApiQuery<Administrator>(id === undefined ? null : { method: 'GET', path: `/administrators/${id}` })
  return { ...query, administrator: query.data?.data }
}

export function useAdministratorActions() {
  const { refresh } = useSession()
  const session = useSignedIn()
  return useResourceActions<Administrator, NewAdministrator, AdministratorChanges>('/administrators', async (id) => {
    if (id === session.administrator.ID) await refresh()
  })
}
