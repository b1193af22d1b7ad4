import { Anchor, Button, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { Administrator } from '../../api/resources.js'
import { useSignedIn } from '../../api/session.js'
import { Forbidden } from '../../app/NotFound.js'
import { ListTable, type Column } from '../../components/ListTable.js'
import { NameFilter } from '../../components/NameFilter.js'
import { PageHeader } from '../../components/PageHeader.js'
import { QueryError } from '../../components/QueryError.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { useListParams, useListNavigate } from '../../components/list-params.js'
import { useDateFormat } from '../../format/date-format.js'
import { useCan } from '../../rights/rights.js'
import { useRoleList } from '../roles/api.js'
import { useRoleName } from '../roles/role-name.js'
import { useAdministrators } from './api.js'
import { DialogOutlet } from '../../components/DialogOutlet.js'

/** Administration > User Management > Users: the administrators who sign in to the console. */
export function UsersPage() {
  const { t } = useTranslation()
  const can = useCan()
  if (!can('administratorRights.canViewAdministrators')) return <Forbidden title={t('users.title')} />
  return <UserList />
}

function UserList() {
  const { t } = useTranslation()
  const can = useCan()
  const goTo = useListNavigate()
  const { search } = useLocation()
  const { administrator: me } = useSignedIn()
  const params = useListParams({ sort: 'username' })
  const { administrators, total, error, isLoading, isValidating, mutate } = useAdministrators(params)
  const { roles } = useRoleList()
  const format = useDateFormat()
  const roleName = useRoleName()
  const roleNames = useMemo(() => new Map(roles?.map((role) => [role.ID, roleName(role)])), [roles, roleName])

  const roleOf = (admin: Administrator) => roleNames.get(admin.roleID) ?? t('apiKeys.roleUnknown', { id: admin.roleID })
  const columns: Column<Administrator>[] = [
    {
      truncate: { width: 320, text: (admin) => admin.username },
      accessor: 'username',
      title: t('users.columns.username'),
      sortable: true,
      render: (admin) => (
        <>
          <Anchor component={Link} to={{ pathname: `/users/${admin.ID}`, search }} fw={500} fz="sm">
            {admin.username}
          </Anchor>
          {admin.ID === me.ID && ` ${t('users.you')}`}
        </>
      ),
    },
    { truncate: { width: 200, text: (admin) => admin.fullName ?? '' }, accessor: 'fullName', title: t('users.columns.fullName'), sortable: true },
    { truncate: { width: 200, text: roleOf }, accessor: 'roleName', title: t('users.columns.role'), sortable: true, render: roleOf },
    { noWrap: true, accessor: 'locale', title: t('users.columns.language'), sortable: true, render: (admin) => t(`languages.${admin.locale}`) },
    { noWrap: true, accessor: 'timeZone', title: t('users.columns.timeZone'), sortable: true },
    { accessor: 'lastSignIn', title: t('users.columns.lastSignIn'), sortable: true, render: (admin) => format.dateTime(admin.lastSignIn) || t('common.never') },
    {
      noWrap: true,
      accessor: 'mfaType',
      title: t('users.columns.mfa'),
      sortable: true,
      render: (admin) => (admin.mfaType === 'local-totp' ? t('users.mfaOn') : t('users.mfaOff')),
    },
    {
      noWrap: true,
      accessor: 'active',
      title: t('users.columns.status'),
      sortable: true,
      render: (admin) => <StatusBadge status={admin.active ? 'active' : 'lockedOut'} />,
    },
  ]

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          can('administratorRights.canCreateNewAdministrators') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => goTo('/users/new')}>
              {t('users.new')}
            </Button>
          )
        }
      />
      <NameFilter label={t('users.filter')} params={params} />
      {error ? (
        <QueryError error={error} onRetry={() => void mutate()} />
      ) : (
        <ListTable<Administrator>
          label={t('users.title')}
          records={administrators}
          total={total}
          columns={columns}
          params={params}
          fetching={isLoading || isValidating}
          emptyText={t(params.query ? 'users.empty' : 'users.noneYet')}
          rowKey={(record) => record.ID}
          onOpen={(admin) => goTo(`/users/${admin.ID}`)}
        />
      )}
      <DialogOutlet />
    </Stack>
  )
}
