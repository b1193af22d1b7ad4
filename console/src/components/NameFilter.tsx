import { TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import type { ListParamsControl } from './list-params.js'

/**
 * The "filter by name" box of a list page: what is typed shows at once, and the list's `q`
 * search parameter (and so the server search) follows a quarter of a second later.
 */
export function NameFilter(props: { readonly label: string; readonly params: ListParamsControl }) {
  const [filter, setFilter] = useState(props.params.query)
  const applyFilter = useDebouncedCallback((value: string) => props.params.setQuery(value), 250)
  return (
    <TextInput
      label={props.label}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={filter}
      type="search"
      maw={360}
      onChange={(event) => {
        setFilter(event.currentTarget.value)
        applyFilter(event.currentTarget.value)
      }}
    />
  )
}
