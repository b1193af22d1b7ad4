import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LOCALES, type Locale } from '../i18n/i18n.js'

export function LanguageSelect(props: Omit<SelectProps, 'data' | 'onChange'> & { onChange(locale: Locale): void }) {
  const { t } = useTranslation()
  const { onChange, ...rest } = props
  return (
    <Select
      allowDeselect={false}
      {...rest}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
      onChange={(value) => value && onChange(value as Locale)}
    />
  )
}
