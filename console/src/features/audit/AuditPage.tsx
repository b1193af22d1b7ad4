import { Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconCalendar, IconSearch } from '@tabler/icons-react'

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEvent } from '../../api/resources.js'
import { Forbidden } from '../../app/NotFound.js'
import { ListTable, type Column } from '../../components/ListTable.js'
import { PageHeader } from '../../components/PageHeader.js'
import { QueryError } from '../../components/QueryError.js'
import { useListParams } from '../../components/list-params.js'
import { useDateFormat } from '../../format/date-format.js'
import type { Messages } from '../../i18n/locales/en-US.js'
import { useCan } from '../../rights/rights.js'
import { useAuditEvents } from './api.js'
import { AuditChanges } from './AuditChanges.js'

type Action = keyof Messages['audit']['actions']
type ResourceType = keyof Messages['audit']['resourceTypes']
type ActorType = keyof Messages['audit']['actorTypes']

const ACTIONS: Action[] = [
  'apikey.create',
  'apikey.modify',
  'apikey.lock',
  'apikey.unlock',
  'apikey.auto_lock',
  'apikey.new_secret',
  'apikey.delete',
  'administrator.create',
  'administrator.modify',
  'administrator.lock',
  'administrator.unlock',
  'administrator.auto_lock',
  'administrator.set_password',
  'administrator.mfa_on',
  'administrator.mfa_off',
  'administrator.delete',
  'role.create',
  'role.modify',
  'role.delete',
  'session.sign_in',
  'session.sign_out',
  'session.sign_in_failed',
]
const RESOURCE_TYPES: ResourceType[] = ['apikey', 'administrator', 'role', 'session']

function isAction(action: string): action is Action {
  return (ACTIONS as string[]).includes(action)
}

/** Administration > Audit Log: who did what, when; filtered on the server. */
export function AuditPage() {
  const { t } = useTranslation()
  const can = useCan()
  if (!can('auditEventRights.canViewAuditEvents')) return <Forbidden title={t('audit.title')} />
  return <AuditLog />
}

function AuditLog() {
  const { t } = useTranslation()
  const format = useDateFormat()
  const params = useListParams({ sort: 'time', descending: true })
  const [who, setWho] = useState(params.get('who'))
  const applyWho = useDebouncedCallback((value: string) => params.set({ who: value }), 250)
  const fromDay = params.get('from')
  const toDay = params.get('to')
  const filter = {
    who: params.get('who'),
    action: params.get('action'),
    resourceType: params.get('resource'),
    from: fromDay ? format.startOfDay(fromDay) : undefined,
    to: toDay ? format.endOfDay(toDay) : undefined,
  }
  const { events, total, error, isLoading, isValidating, mutate } = useAuditEvents(params, filter)

  const columns: Column<AuditEvent>[] = [
    { accessor: 'time', title: t('audit.columns.time'), sortable: true, noWrap: true, render: (event) => format.dateTime(event.time) },
    {
      accessor: 'actorName',
      truncate: { width: 240, text: (event) => event.actorName },
      title: t('audit.columns.who'),
      sortable: true,
      render: (event) => (
        <>
          <Text size="sm" fw={500} span>
            {event.actorName}
          </Text>{' '}
          <Text size="xs" c="dimmed" span>
            ({t(`audit.actorTypes.${event.actorType as ActorType}`)})
          </Text>
        </>
      ),
    },
    {
      noWrap: true,
      accessor: 'action',
      title: t('audit.columns.action'),
      sortable: true,
      render: (event) => (isAction(event.action) ? t(`audit.actions.${event.action}`) : event.action),
    },
    {
      accessor: 'resourceName',
      truncate: { width: 240, text: (event) => event.resourceName },
      title: t('audit.columns.resource'),
      sortable: true,
      render: (event) => `${t(`audit.resourceTypes.${event.resourceType as ResourceType}`)}: ${event.resourceName}`,
    },
    { noWrap: true, accessor: 'address', title: t('audit.columns.address'), sortable: true },
    { accessor: 'changes', title: t('audit.columns.changes'), render: (event) => <AuditChanges event={event} format={format} /> },
  ]

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('audit.who')}
          placeholder={t('audit.whoPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={who}
          w={220}
          onChange={(event) => {
            setWho(event.currentTarget.value)
            applyWho(event.currentTarget.value)
          }}
        />
        <Select
          label={t('audit.what')}
          placeholder={t('audit.whatPlaceholder')}
          clearable
          searchable
          w={260}
          data={ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
          value={filter.action || null}
          onChange={(value) => params.set({ action: value ?? undefined })}
        />
        <Select
          label={t('audit.resource')}
          placeholder={t('audit.resourcePlaceholder')}
          clearable
          w={200}
          data={RESOURCE_TYPES.map((type) => ({ value: type, label: t(`audit.resourceTypes.${type}`) }))}
          value={filter.resourceType || null}
          onChange={(value) => params.set({ resource: value ?? undefined })}
        />
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          label={t('audit.when')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          valueFormat="YYYY-MM-DD"
          leftSection={<IconCalendar size={16} aria-hidden />}
          w={280}
          value={[fromDay || null, toDay || null]}
          onChange={([from, to]) => {
            if (from && !to) return
            params.set({ from: from ?? undefined, to: to ?? undefined })
          }}
        />
      </Group>
      {error ? (
        <QueryError error={error} onRetry={() => void mutate()} />
      ) : (
        <ListTable<AuditEvent>
          label={t('audit.title')}
          records={events}
          total={total}
          columns={columns}
          params={params}
          fetching={isLoading || isValidating}
          emptyText={t(Object.values(filter).some(Boolean) ? 'audit.empty' : 'audit.noneYet')}
          rowKey={(record) => record.ID}
        />
      )}
    </Stack>
  )
}
