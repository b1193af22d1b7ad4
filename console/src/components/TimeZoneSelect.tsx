import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

let zones: string[] | undefined

/** Every IANA time zone this browser knows, with UTC first. */
function timeZones(): string[] {
  if (!zones) {
    const known = Intl.supportedValuesOf('timeZone')
    zones = ['UTC', ...known.filter((zone) => zone !== 'UTC')]
  }
  return zones
}

/** A searchable list of IANA time zones; a zone the browser does not list is kept as it is. */
export function TimeZoneSelect(props: Omit<SelectProps, 'data' | 'onChange'> & { value: string; onChange(zone: string): void }) {
  const { t } = useTranslation()
  const { onChange, value, ...rest } = props
  const data = timeZones().includes(value) ? timeZones() : [value, ...timeZones()]
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.noRecords')}
      placeholder={t('fields.timeZoneSearch')}
      maxDropdownHeight={280}
      {...rest}
      value={value}
      data={data}
      onChange={(zone) => zone && onChange(zone)}
    />
  )
}
