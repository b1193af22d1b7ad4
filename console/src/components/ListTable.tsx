import { Box, Group, LoadingOverlay, Pagination, Select, Table, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react'
import { Fragment, type CSSProperties, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PAGE_SIZES, type SearchPage } from './list-params.js'

export interface Column<T> {
  /** The API field: what the column shows and, when sortable, the search filter's `sortField`. */
  readonly accessor: string
  readonly title: string
  readonly sortable?: boolean
  readonly render?: (record: T) => ReactNode
  readonly width?: number
  readonly ellipsis?: boolean
  readonly noWrap?: boolean
  readonly textAlign?: 'left' | 'right'
  /**
   * A name that may be long (up to 255 characters, none of them a space): cut to one line
   * of this many pixels, the whole of it in a tooltip (issue 13).
   */
  readonly truncate?: { readonly width: number; text(record: T): string }
}

const TRUNCATED: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }

function cellContent<T>(column: Column<T>, record: T): ReactNode {
  const content = column.render ? column.render(record) : String((record as Record<string, unknown>)[column.accessor] ?? '')
  if (!column.truncate) return content
  return (
    <Tooltip label={column.truncate.text(record)} openDelay={300} multiline maw={480} style={{ overflowWrap: 'anywhere' }}>
      <Box maw={column.truncate.width} style={TRUNCATED}>
        {content}
      </Box>
    </Tooltip>
  )
}

export interface ListTableProps<T> {
  readonly label: string
  /** The page on screen, its total (a lower bound where the server stopped counting) and the list's URL state. */
  readonly list: SearchPage<T>
  readonly columns: Column<T>[]
  readonly emptyText: string
  /** Opens a record's properties (double-click, as in the model console). */
  onOpen?(record: T): void
}

/**
 * A header may wrap between its words, so tables stay narrow, but never inside one: not at a
 * hyphen (sign-/in) and not inside a Japanese word (言/語), which has no spaces to break at.
 */
function HeaderText({ title }: { title: string }) {
  return title.split(' ').map((word, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the words of a title never move
    <Fragment key={index}>
      {index > 0 && ' '}
      <span style={{ whiteSpace: 'nowrap' }}>{word}</span>
    </Fragment>
  ))
}

/** A body cell keeps its text on one line when asked; a header may wrap (between words). */
function cellStyle<T>(column: Column<T>, header = false): CSSProperties {
  return {
    width: column.width,
    maxWidth: column.ellipsis ? (column.width ?? 160) : undefined,
    whiteSpace: !header && (column.noWrap || column.ellipsis) ? 'nowrap' : undefined,
    overflow: column.ellipsis ? 'hidden' : undefined,
    textOverflow: column.ellipsis ? 'ellipsis' : undefined,
    textAlign: column.textAlign,
  }
}

/**
 * A server-paged, server-sorted table (Mantine's Table and Pagination): only the page on
 * screen is loaded, whatever the total. Sortable headers are buttons and carry `aria-sort`;
 * each row's first cell links to its properties, so the keyboard reaches them too.
 */
export function ListTable<T extends { readonly ID: number }>(props: ListTableProps<T>) {
  const { t } = useTranslation()
  const { params, records, total, fetching, totalAtLeast } = props.list
  // A capped count is a lower bound: the rows on screen may go past it, and while they fill
  // the page, the page after it may have rows too.
  const known = Math.max(total ?? 0, (params.page - 1) * params.size + (records?.length ?? 0))
  const counted = Math.max(1, Math.ceil(known / params.size))
  const pages = totalAtLeast && params.page >= counted && records?.length === params.size ? params.page + 1 : counted
  const from = known ? (params.page - 1) * params.size + 1 : 0
  const to = Math.min(known, params.page * params.size)
  const controlLabels = { first: t('common.firstPage'), previous: t('common.previousPage'), next: t('common.nextPage'), last: t('common.lastPage') }

  const header = (column: Column<T>) => {
    if (!column.sortable) {
      return (
        <Table.Th key={column.accessor} style={cellStyle(column, true)}>
          <HeaderText title={column.title} />
        </Table.Th>
      )
    }
    const sorted = params.sort === column.accessor
    const Icon = !sorted ? IconArrowsSort : params.descending ? IconArrowDown : IconArrowUp
    return (
      <Table.Th key={column.accessor} style={cellStyle(column, true)} aria-sort={sorted ? (params.descending ? 'descending' : 'ascending') : undefined}>
        <UnstyledButton
          onClick={() => params.setSort(column.accessor, sorted ? !params.descending : false)}
          fw={700}
          fz="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <span>
            <HeaderText title={column.title} />
          </span>
          <Icon size={14} aria-hidden stroke={sorted ? 2.2 : 1.4} />
        </UnstyledButton>
      </Table.Th>
    )
  }

  return (
    <Box>
      <Box pos="relative">
        <LoadingOverlay visible={fetching} zIndex={2} overlayProps={{ blur: 0, backgroundOpacity: 0.35 }} loaderProps={{ size: 'sm' }} />
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover withTableBorder verticalSpacing="xs" horizontalSpacing="sm" fz="sm" aria-label={props.label} aria-busy={fetching}>
            <Table.Thead>
              <Table.Tr>{props.columns.map(header)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records && records.length > 0 ? (
                records.map((record) => (
                  <Table.Tr key={record.ID} onDoubleClick={props.onOpen ? () => props.onOpen?.(record) : undefined}>
                    {props.columns.map((column) => (
                      <Table.Td key={column.accessor} style={cellStyle(column)}>
                        {cellContent(column, record)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              ) : (
                <Table.Tr>
                  <Table.Td colSpan={props.columns.length}>
                    <Text ta="center" py="xl" c="dimmed" size="sm">
                      {records ? props.emptyText : t('common.loading')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Group justify="space-between" mt="sm" gap="sm">
        <Text size="sm" aria-live="polite">
          {total ? t(totalAtLeast ? 'common.pageSummaryAtLeast' : 'common.pageSummary', { from, to, total: known }) : null}
        </Text>
        <Group gap="sm">
          <Select
            aria-label={t('common.rowsPerPage')}
            size="xs"
            w={80}
            allowDeselect={false}
            data={PAGE_SIZES.map(String)}
            value={String(params.size)}
            onChange={(value) => value && params.setSize(Number(value))}
          />
          <Pagination
            total={pages}
            value={Math.min(params.page, pages)}
            onChange={params.setPage}
            withEdges
            size="sm"
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
            getItemProps={(page) => ({ 'aria-current': page === params.page ? 'page' : undefined })}
          />
        </Group>
      </Group>
    </Box>
  )
}
