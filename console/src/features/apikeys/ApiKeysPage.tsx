import { Anchor, Button, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import type { ApiKey } from '../../api/resources.js'
import { ListTable, type Column } from '../../components/ListTable.js'
import { NameFilter } from '../../components/NameFilter.js'
import { PageHeader } from '../../components/PageHeader.js'
import { QueryError } from '../../components/QueryError.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { useListParams } from '../../components/list-params.js'
import { useDateFormat } from '../../format/date-format.js'
import { useCan } from '../../rights/rights.js'
import { Forbidden } from '../../app/NotFound.js'
import { useRoleList } from '../roles/api.js'
import { useRoleName } from '../roles/role-name.js'
import { apiKeyStatus } from './api-key-status.js'
import { useApiKeys } from './api.js'
import { DialogErrorBoundary } from '../../components/ErrorBoundary.js'

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
  const navigate = useNavigate()
  const { search } = useLocation()
  const params = useListParams({ sort: 'keyName' })
  const { apiKeys, total, error, isLoading, isValidating, mutate } = useApiKeys(params)
  const { roles } = useRoleList()
  const format = useDateFormat()
  const open = (key: ApiKey) => void navigate({ pathname: `/apikeys/${key.ID}`, search })

  const roleName = useRoleName()
  const roleNames = useMemo(() => new Map(roles?.map((role) => [role.ID, roleName(role)])), [roles, roleName])
  const now = Date.now()
  const columns: Column<ApiKey>[] = [
    {
      noWrap: true,
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
    { noWrap: true, accessor: 'roleID', title: t('apiKeys.columns.role'), render: (key) => roleNames.get(key.roleID) ?? t('apiKeys.roleUnknown', { id: key.roleID }) },
    { noWrap: true, accessor: 'locale', title: t('apiKeys.columns.language'), sortable: true, render: (key) => t(`languages.${key.locale}`) },
    { noWrap: true, accessor: 'timeZone', title: t('apiKeys.columns.timeZone'), sortable: true },
    { accessor: 'created', title: t('apiKeys.columns.created'), sortable: true, render: (key) => format.dateTime(key.created) },
    { accessor: 'lastSignIn', title: t('apiKeys.columns.lastSignIn'), sortable: true, render: (key) => format.dateTime(key.lastSignIn) || t('common.never') },
    { accessor: 'expiryDate', title: t('apiKeys.columns.expires'), sortable: true, render: (key) => format.dateTime(key.expiryDate) || t('common.never') },
    { noWrap: true, accessor: 'active', title: t('apiKeys.columns.status'), sortable: true, render: (key) => <StatusBadge status={apiKeyStatus(key, now)} /> },
  ]

  return (
    <Stack gap="md">
      <PageHeader
        title={t('apiKeys.title')}
        intro={t('apiKeys.intro')}
        actions={
          can('apikeyRights.canCreateNewApiKeys') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => void navigate({ pathname: '/apikeys/new', search })}>
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
          emptyText={t('apiKeys.empty')}
          rowKey={(record) => record.ID}
          onOpen={open}
        />
      )}
      <DialogErrorBoundary>
        <Outlet />
      </DialogErrorBoundary>
    </Stack>
  )
}
