import { useTranslation } from 'react-i18next'
import type { Locale } from '../../i18n/i18n.js'
import type { Column } from '../../components/ListTable.js'
import { useRoleNameOf } from './role-name.js'

/**
 * The Role, Language and Time Zone columns of the lists of those who sign in (API keys and
 * users), titled from the list's catalog section; the role's cut to `roleWidth` pixels.
 */
export function useRoleColumns<T extends { readonly roleID: number; readonly locale: Locale; readonly timeZone: string }>(
  text: 'apiKeys' | 'users',
  roleWidth: number,
): Column<T>[] {
  const { t } = useTranslation()
  const roleNameOf = useRoleNameOf()
  const roleOf = (record: T) => roleNameOf(record.roleID)
  return [
    { truncate: { width: roleWidth, text: roleOf }, accessor: 'roleName', title: t(`${text}.columns.role`), sortable: true, render: roleOf },
    { noWrap: true, accessor: 'locale', title: t(`${text}.columns.language`), sortable: true, render: (record) => t(`languages.${record.locale}`) },
    { noWrap: true, accessor: 'timeZone', title: t(`${text}.columns.timeZone`), sortable: true },
  ]
}
