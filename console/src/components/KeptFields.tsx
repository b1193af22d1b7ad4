import { Code, Fieldset, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The fields of `source` named in `names` that are set, by name, as text. */
export function keptEntries<T extends object>(source: T | undefined, names: readonly (keyof T & string)[]): [string, string][] {
  return names.filter((name) => source?.[name] !== undefined).map((name) => [name, String(source![name])])
}

/**
 * Fields of the model API that a client set and that mean nothing in Keyward, by API name,
 * read-only, so that nobody takes them for settings that act. Nothing when there are none.
 */
export function KeptFields({ entries }: { readonly entries: readonly (readonly [name: string, value: string])[] }) {
  const { t } = useTranslation()
  if (entries.length === 0) return null
  return (
    <Fieldset legend={t('kept.title')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('kept.description')}
      </Text>
      <Table.ScrollContainer minWidth={400} mah={200}>
        <Table withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {entries.map(([name, value]) => (
              <Table.Tr key={name}>
                <Table.Td>
                  <Code>{name}</Code>
                </Table.Td>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Fieldset>
  )
}
