import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { Role } from '../../api/resources.js'
import { ListPage, RecordLink } from '../../components/ListPage.js'
import type { Column } from '../../components/ListTable.js'
import { RIGHT_COUNT, countRights, useCan } from '../../rights/rights.js'
import { useRolePage } from './api.js'
import { useRoleName } from './role-name.js'

/** Administration > User Management > Roles. */
export function RolesPage() {
  const { t } = useTranslation()
  const can = useCan()
  const roleName = useRoleName()
  const { search } = useLocation()
  const list = useRolePage()
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'))

  const columns: Column<Role>[] = [
    {
      truncate: { width: 360, text: (role) => roleName(role) },
      accessor: 'name',
      title: t('roles.columns.name'),
      sortable: true,
      render: (role) => (
        <>
          <RecordLink to={`/roles/${role.ID}`}>{roleName(role)}</RecordLink>
          {role.immutable && (
            <Badge variant="outline" color="gray.7" size="sm" ml="xs">
              {t('roles.builtIn')}
            </Badge>
          )}
        </>
      ),
    },
    { accessor: 'description', title: t('roles.columns.description'), sortable: true, ellipsis: true },
    { noWrap: true, accessor: 'allowUserInterface', title: t('roles.columns.console'), sortable: true, render: (role) => yesNo(role.allowUserInterface) },
    { noWrap: true, accessor: 'allowWebService', title: t('roles.columns.webService'), sortable: true, render: (role) => yesNo(role.allowWebService) },
    {
      noWrap: true,
      accessor: 'rights',
      title: t('roles.columns.rights'),
      render: (role) => t('roles.rightsCount', { count: countRights(role.rights), total: RIGHT_COUNT }),
    },
    {
      noWrap: true,
      accessor: 'actions',
      title: t('common.actions'),
      textAlign: 'right',
      render: (role) =>
        can('administratorRoleRights.canCreateNewAdministratorRoles') && (
          <Button
            size="compact-sm"
            variant="subtle"
            component={Link}
            to={{ pathname: `/roles/${role.ID}/duplicate`, search }}
            aria-label={`${t('common.duplicate')}: ${roleName(role)}`}
          >
            {t('common.duplicate')}
          </Button>
        ),
    },
  ]

  return <ListPage<Role> text="roles" path="/roles" create="administratorRoleRights.canCreateNewAdministratorRoles" list={list} columns={columns} />
}
