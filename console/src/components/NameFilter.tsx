import { TextInput, type TextInputProps } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import type { ListParamsControl } from './list-params.js'

/**
 * The "filter by name" box of a list page: what is typed shows at once, and the list's search
 * parameter (`q`, or `param`), and so the server search, follows a quarter of a second later.
 */
export function NameFilter({ params, param = 'q', ...input }: { readonly params: ListParamsControl; readonly param?: string } & TextInputProps) {
  const [filter, setFilter] = useState(params.get(param))
  const applyFilter = useDebouncedCallback((value: string) => params.set({ [param]: value }), 250)
  return (
    <TextInput
      leftSection={<IconSearch size={16} aria-hidden />}
      maw={360}
      {...input}
      value={filter}
      type="search"
      onChange={(event) => {
        setFilter(event.currentTarget.value)
        applyFilter(event.currentTarget.value)
      }}
    />
  )
}
