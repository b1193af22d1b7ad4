import { Group, Select, type SelectProps, Text } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AuditEvent } from '../../api/resources.js'
import { ListPage } from '../../components/ListPage.js'
import type { Column } from '../../components/ListTable.js'
import { NameFilter } from '../../components/NameFilter.js'
import type { ListParamsControl } from '../../components/list-params.js'
import { useDateFormat } from '../../format/date-format.js'
import type { Messages } from '../../i18n/locales/en-US.js'
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
  const format = useDateFormat()
  const list = useAuditEvents()

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

  return <ListPage<AuditEvent> text="audit" filters={<AuditFilters params={list.params} />} list={list} columns={columns} />
}

/** Who, what and when: each in the list's URL, so a filtered log can be linked to. */
function AuditFilters({ params }: { readonly params: ListParamsControl }) {
  const { t } = useTranslation()
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NameFilter params={params} param="who" label={t('audit.who')} placeholder={t('audit.whoPlaceholder')} w={220} />
      <ChoiceFilter
        params={params}
        param="action"
        label={t('audit.what')}
        placeholder={t('audit.whatPlaceholder')}
        searchable
        w={260}
        data={ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
      />
      <ChoiceFilter
        params={params}
        param="resource"
        label={t('audit.resource')}
        placeholder={t('audit.resourcePlaceholder')}
        w={200}
        data={RESOURCE_TYPES.map((type) => ({ value: type, label: t(`audit.resourceTypes.${type}`) }))}
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
        value={[params.get('from') || null, params.get('to') || null]}
        onChange={([from, to]) => {
          if (from && !to) return
          params.set({ from: from ?? undefined, to: to ?? undefined })
        }}
      />
    </Group>
  )
}

/** A choice that filters the log, kept in the list's search parameter `param` (none chosen: not filtered). */
function ChoiceFilter({ params, param, ...select }: { readonly params: ListParamsControl; readonly param: string } & SelectProps) {
  return <Select clearable {...select} value={params.get(param) || null} onChange={(value) => params.set({ [param]: value ?? undefined })} />
}
