import { useTranslation } from 'react-i18next'
import type { Administrator } from '../../api/resources.js'
import { useSignedIn } from '../../api/session.js'
import { ListPage, RecordLink } from '../../components/ListPage.js'
import type { Column } from '../../components/ListTable.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { useDateFormat } from '../../format/date-format.js'
import { useRoleColumns } from '../roles/role-columns.js'
import { useAdministrators } from './api.js'

/** Administration > User Management > Users: the administrators who sign in to the console. */
export function UsersPage() {
  const { t } = useTranslation()
  const { administrator: me } = useSignedIn()
  const list = useAdministrators()
  const format = useDateFormat()
  const roleColumns = useRoleColumns<Administrator>('users', 200)

  const columns: Column<Administrator>[] = [
    {
      truncate: { width: 320, text: (admin) => admin.username },
      accessor: 'username',
      title: t('users.columns.username'),
      sortable: true,
      render: (admin) => (
        <>
          <RecordLink to={`/users/${admin.ID}`}>{admin.username}</RecordLink>
          {admin.ID === me.ID && ` ${t('users.you')}`}
        </>
      ),
    },
    { truncate: { width: 200, text: (admin) => admin.fullName ?? '' }, accessor: 'fullName', title: t('users.columns.fullName'), sortable: true },
    ...roleColumns,
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

  return <ListPage<Administrator> text="users" path="/users" create="administratorRights.canCreateNewAdministrators" list={list} columns={columns} />
}
