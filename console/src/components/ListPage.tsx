import { Anchor, Button, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { DialogOutlet } from './DialogOutlet.js'
import { type Column, ListTable } from './ListTable.js'
import { PageHeader } from './PageHeader.js'
import { QueryError } from './QueryError.js'
import { NameFilter } from './NameFilter.js'
import { type SearchPage, useListNavigate } from './list-params.js'
import { type Right, useCan } from '../rights/rights.js'

/** The catalog sections of the lists of named records: each has the texts of ListText, `new` and `filter`. */
type NamedListText = 'apiKeys' | 'users' | 'roles'

/** The catalog sections of the list pages: each has a title, an intro and two empty-table texts. */
export type ListText = NamedListText | 'audit'

export type ListPageProps<T extends { readonly ID: number }> = {
  readonly list: SearchPage<T>
  readonly columns: Column<T>[]
} & (
  | {
      /**
       * A list of named records, filtered by name, with dialogs by path below it: a record's
       * properties at `<path>/<ID>` (on double-click too), New… at `<path>/new` for a role with `create`.
       */
      readonly text: NamedListText
      readonly path: string
      readonly create: Right
    }
  | {
      readonly text: ListText
      /** The controls that filter the list, above the table. */
      readonly filters: ReactNode
    }
)

/**
 * A list page of the console (API keys, users, roles, the audit log): title, New…, filters, one
 * server-paged table, and the page's dialogs, which open by path below it.
 */
export function ListPage<T extends { readonly ID: number }>(props: ListPageProps<T>) {
  const { t } = useTranslation()
  const can = useCan()
  const goTo = useListNavigate()
  const { text, list } = props
  const path = 'path' in props ? props.path : undefined
  return (
    <Stack gap="md">
      <PageHeader
        title={t(`${text}.title`)}
        intro={t(`${text}.intro`)}
        actions={
          'create' in props &&
          can(props.create) && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => goTo(`${props.path}/new`)}>
              {t(`${props.text}.new`)}
            </Button>
          )
        }
      />
      {'filters' in props ? props.filters : <NameFilter label={t(`${props.text}.filter`)} params={list.params} />}
      {list.error ? (
        <QueryError error={list.error} onRetry={list.retry} />
      ) : (
        <ListTable<T>
          label={t(`${text}.title`)}
          list={list}
          columns={props.columns}
          emptyText={t(list.filtered ? `${text}.empty` : `${text}.noneYet`)}
          onOpen={path === undefined ? undefined : (record) => goTo(`${path}/${record.ID}`)}
        />
      )}
      {path !== undefined && <DialogOutlet />}
    </Stack>
  )
}

/** A record's name in its list: a link to its properties that keeps the list's page, sort and filter. */
export function RecordLink(props: { readonly to: string; readonly children: ReactNode }) {
  const { search } = useLocation()
  return (
    <Anchor component={Link} to={{ pathname: props.to, search }} fw={500} fz="sm">
      {props.children}
    </Anchor>
  )
}
