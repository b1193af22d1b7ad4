import { Anchor, Button, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { ApiKey } from '../../api/resources.js'
import { ListTable, type Column } from '../../components/ListTable.js'
import { NameFilter } from '../../components/NameFilter.js'
import { PageHeader } from '../../components/PageHeader.js'
import { QueryError } from '../../components/QueryError.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { useListParams, useListNavigate } from '../../components/list-params.js'
import { useDateFormat } from '../../format/date-format.js'
import { useCan } from '../../rights/rights.js'
import { Forbidden } from '../../app/NotFound.js'
import { useRoleList } from '../roles/api.js'
import { useRoleName } from '../roles/role-name.js'
import { apiKeyStatus } from './api-key-status.js'
import { useApiKeys } from './api.js'
import { DialogOutlet } from '../../components/DialogOutlet.js'

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
  const can = useCan()
  if (!can('apikeyRights.canViewApiKeys')) return <Forbidden title={t('apiKeys.title')} />
  return <ApiKeyList />
}

function ApiKeyList() {
  const { t } = useTranslation()
  const can = useCan()
  const goTo = useListNavigate()
  const { search } = useLocation()
  const params = useListParams({ sort: 'keyName' })
  const { apiKeys, total, error, isLoading, isValidating, mutate } = useApiKeys(params)
  const { roles } = useRoleList()
  const format = useDateFormat()
  const open = (key: ApiKey) => goTo(`/apikeys/${key.ID}`)

  const roleName = useRoleName()
  const roleNames = useMemo(() => new Map(roles?.map((role) => [role.ID, roleName(role)])), [roles, roleName])
  const now = Date.now()
  const roleOf = (key: ApiKey) => roleNames.get(key.roleID) ?? t('apiKeys.roleUnknown', { id: key.roleID })
  const columns: Column<ApiKey>[] = [
    {
      truncate: { width: 280, text: (key) => key.keyName },
      accessor: 'keyName',
      title: t('apiKeys.columns.name'),
      sortable: true,
      render: (key) => (
        <Anchor component={Link} to={{ pathname: `/apikeys/${key.ID}`, search }} fw={500} fz="sm">
          {key.keyName}
        </Anchor>
      ),
    },
    { accessor: 'description', title: t('apiKeys.columns.description'), sortable: true, ellipsis: true },
    { truncate: { width: 160, text: roleOf }, accessor: 'roleName', title: t('apiKeys.columns.role'), sortable: true, render: roleOf },
    { noWrap: true, accessor: 'locale', title: t('apiKeys.columns.language'), sortable: true, render: (key) => t(`languages.${key.locale}`) },
    { noWrap: true, accessor: 'timeZone', title: t('apiKeys.columns.timeZone'), sortable: true },
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

  return (
    <Stack gap="md">
      <PageHeader
        title={t('apiKeys.title')}
        intro={t('apiKeys.intro')}
        actions={
          can('apikeyRights.canCreateNewApiKeys') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => goTo('/apikeys/new')}>
              {t('apiKeys.new')}
            </Button>
          )
        }
      />
      <NameFilter label={t('apiKeys.filter')} params={params} />
      {error ? (
        <QueryError error={error} onRetry={() => void mutate()} />
      ) : (
        <ListTable<ApiKey>
          label={t('apiKeys.title')}
          records={apiKeys}
          total={total}
          columns={columns}
          params={params}
          fetching={isLoading || isValidating}
          emptyText={t(params.query ? 'apiKeys.empty' : 'apiKeys.noneYet')}
          rowKey={(record) => record.ID}
          onOpen={open}
        />
      )}
      <DialogOutlet />
    </Stack>
  )
}
