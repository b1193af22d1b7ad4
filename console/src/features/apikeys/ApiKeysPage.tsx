import { useTranslation } from 'react-i18next'
import type { ApiKey } from '../../api/resources.js'
import { ListPage, RecordLink } from '../../components/ListPage.js'
import type { Column } from '../../components/ListTable.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { useDateFormat } from '../../format/date-format.js'
import { useRoleColumns } from '../roles/role-columns.js'
import { apiKeyStatus } from './api-key-status.js'
import { useApiKeys } from './api.js'

/** "Mar 31, 2027, 11:59 PM (Asia/Tokyo)" breaks before the zone only, not inside the date. */
function BreakBeforeZone({ text }: { text: string }) {
  const at = text.lastIndexOf(' (')
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{text.slice(0, at)}</span> <span style={{ whiteSpace: 'nowrap' }}>{text.slice(at + 1)}</span>
    </>
  )
}

/** Administration > User Management > API Keys: the list; its dialogs open by path below it. */
export function ApiKeysPage() {
  const { t } = useTranslation()
  const list = useApiKeys()
  const format = useDateFormat()
  const roleColumns = useRoleColumns<ApiKey>('apiKeys', 160)
  const now = Date.now()
  const columns: Column<ApiKey>[] = [
    {
      truncate: { width: 280, text: (key) => key.keyName },
      accessor: 'keyName',
      title: t('apiKeys.columns.name'),
      sortable: true,
      render: (key) => <RecordLink to={`/apikeys/${key.ID}`}>{key.keyName}</RecordLink>,
    },
    { accessor: 'description', title: t('apiKeys.columns.description'), sortable: true, ellipsis: true },
    ...roleColumns,
    { noWrap: true, accessor: 'created', title: t('apiKeys.columns.created'), sortable: true, render: (key) => format.dateTime(key.created) },
    {
      noWrap: true,
      accessor: 'lastSignIn',
      title: t('apiKeys.columns.lastSignIn'),
      sortable: true,
      render: (key) => format.dateTime(key.lastSignIn) || t('common.never'),
    },
    {
      accessor: 'expiryDate',
      title: t('apiKeys.columns.expires'),
      sortable: true,
      render: (key) => (key.expiryDate === undefined ? t('common.never') : <BreakBeforeZone text={format.inZone(key.expiryDate, key.timeZone)} />),
    },
    { noWrap: true, accessor: 'active', title: t('apiKeys.columns.status'), sortable: true, render: (key) => <StatusBadge status={apiKeyStatus(key, now)} /> },
  ]

  return <ListPage<ApiKey> text="apiKeys" path="/apikeys" create="apikeyRights.canCreateNewApiKeys" list={list} columns={columns} />
}
