import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../api/resources.js'
import { useRoleList } from './api.js'

/** The built-in roles by the model's names, which the API keeps in every language. */
const BUILT_IN = { 'Full Access': 'fullAccess', Auditor: 'auditor' } as const

function isBuiltInName(name: string): name is keyof typeof BUILT_IN {
  return Object.hasOwn(BUILT_IN, name)
}

/** A role's name as the console shows it: a built-in role's in the console's language. */
export function useRoleName(): (role: Pick<Role, 'name' | 'immutable'>) => string {
  const { t } = useTranslation()
  return useCallback((role) => (role.immutable && isBuiltInName(role.name) ? t(`roles.builtInNames.${BUILT_IN[role.name]}`) : role.name), [t])
}

/** The name of the role with an ID, as the console shows it (`Role 7` for one it cannot read). */
export function useRoleNameOf(): (roleID: number) => string {
  const { t } = useTranslation()
  const { roles } = useRoleList()
  const roleName = useRoleName()
  const names = useMemo(() => new Map(roles?.map((role) => [role.ID, roleName(role)])), [roles, roleName])
  return useCallback((id: number) => names.get(id) ?? t('apiKeys.roleUnknown', { id }), [names, t])
}
