import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../api/resources.js'

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
