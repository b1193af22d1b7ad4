import { Anchor, Badge, Button, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { Role } from '../../api/resources.js'
import { Forbidden } from '../../app/NotFound.js'
import { ListTable, type Column } from '../../components/ListTable.js'
import { NameFilter } from '../../components/NameFilter.js'
import { PageHeader } from '../../components/PageHeader.js'
import { QueryError } from '../../components/QueryError.js'
import { useListParams, useListNavigate } from '../../components/list-params.js'
import { RIGHT_COUNT, countRights, useCan } from '../../rights/rights.js'
import { useRolePage } from './api.js'
import { useRoleName } from './role-name.js'
import { DialogOutlet } from '../../components/DialogOutlet.js'

/** Administration > User Management > Roles. */
export function RolesPage() {
  const { t } = useTranslation()
  const can = useCan()
  if (!can('administratorRoleRights.canViewAdministratorRoles')) return <Forbidden title={t('roles.title')} />
  return <RoleList />
}

function RoleList() {
  const { t } = useTranslation()
  const can = useCan()
  const roleName = useRoleName()
  const goTo = useListNavigate()
  const { search } = useLocation()
  const params = useListParams({ sort: 'name' })
  const { roles, total, error, isLoading, isValidating, mutate } = useRolePage(params)
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'))

  const columns: Column<Role>[] = [
    {
      truncate: { width: 360, text: (role) => roleName(role) },
      accessor: 'name',
      title: t('roles.columns.name'),
      sortable: true,
      render: (role) => (
        <>
          <Anchor component={Link} to={{ pathname: `/roles/${role.ID}`, search }} fw={500} fz="sm">
            {roleName(role)}
          </Anchor>
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

  return (
    <Stack gap="md">
      <PageHeader
        title={t('roles.title')}
        intro={t('roles.intro')}
        actions={
          can('administratorRoleRights.canCreateNewAdministratorRoles') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => goTo('/roles/new')}>
              {t('roles.new')}
            </Button>
          )
        }
      />
      <NameFilter label={t('roles.filter')} params={params} />
      {error ? (
        <QueryError error={error} onRetry={() => void mutate()} />
      ) : (
        <ListTable<Role>
          label={t('roles.title')}
          records={roles}
          total={total}
          columns={columns}
          params={params}
          fetching={isLoading || isValidating}
          emptyText={t(params.query ? 'roles.empty' : 'roles.noneYet')}
          rowKey={(record) => record.ID}
          onOpen={(role) => goTo(`/roles/${role.ID}`)}
        />
      )}
      <DialogOutlet />
    </Stack>
  )
}
