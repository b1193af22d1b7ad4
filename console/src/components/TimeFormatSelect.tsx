import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TimeFormat } from '../api/resources.js'

export function TimeFormatSelect(props: Omit<SelectProps, 'data' | 'onChange'> & { onChange(format: TimeFormat): void }) {
  const { t } = useTranslation()
  const { onChange, ...rest } = props
  return (
    <Select
      allowDeselect={false}
      {...rest}
      data={(['24', '12'] as const).map((format) => ({ value: format, label: t(`timeFormats.${format}`) }))}
      onChange={(value) => value && onChange(value as TimeFormat)}
    />
  )
}
