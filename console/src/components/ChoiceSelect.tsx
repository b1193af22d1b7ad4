import { Select, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TimeFormat } from '../api/resources.js'
import { LOCALES, type Locale } from '../i18n/i18n.js'

type ChoiceSelectProps<T extends string> = Omit<SelectProps, 'data' | 'onChange'> & { onChange(choice: T): void }

/** A Select of a fixed list, each choice labelled in the console's language; one is always chosen. */
function ChoiceSelect<T extends string>(props: ChoiceSelectProps<T> & { choices: readonly T[]; labelOf(choice: T): string }) {
  const { choices, labelOf, onChange, ...rest } = props
  return (
    <Select
      allowDeselect={false}
      {...rest}
      data={choices.map((choice) => ({ value: choice, label: labelOf(choice) }))}
      onChange={(value) => value && onChange(value as T)}
    />
  )
}

export function LanguageSelect(props: ChoiceSelectProps<Locale>) {
  const { t } = useTranslation()
  return <ChoiceSelect {...props} choices={LOCALES} labelOf={(locale) => t(`languages.${locale}`)} />
}

const TIME_FORMATS: readonly TimeFormat[] = ['24', '12']

export function TimeFormatSelect(props: ChoiceSelectProps<TimeFormat>) {
  const { t } = useTranslation()
  return <ChoiceSelect {...props} choices={TIME_FORMATS} labelOf={(format) => t(`timeFormats.${format}`)} />
}
