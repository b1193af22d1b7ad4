import { createTheme, Modal, Notification, PasswordInput, Select, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import type { TFunction } from 'i18next'

/**
 * The console's theme in one language: Mantine's own controls (close buttons, the password
 * toggle, calendar arrows) get their accessible names from the catalogs too.
 */
export function createConsoleTheme(t: TFunction): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    // Darker shades keep white text on filled buttons above WCAG AA contrast.
    primaryShade: { light: 8, dark: 8 },
    respectReducedMotion: true,
    defaultRadius: 'sm',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif',
    components: {
      Modal: Modal.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('controls.closeDialog') } },
        // "Properties: <a 255-character name>" stays one line; the name is in the dialog's fields.
        styles: { title: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } },
      }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('controls.closeNotification') } } }),
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('controls.togglePassword') } } }),
      Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': t('controls.clearValue') } } }),
      DatePickerInput: DatePickerInput.extend({
        defaultProps: {
          clearButtonProps: { 'aria-label': t('controls.clearValue') },
          ariaLabels: {
            nextMonth: t('controls.nextMonth'),
            previousMonth: t('controls.previousMonth'),
            nextYear: t('controls.nextYear'),
            previousYear: t('controls.previousYear'),
            nextDecade: t('controls.nextDecade'),
            previousDecade: t('controls.previousDecade'),
            monthLevelControl: t('controls.chooseMonth'),
            yearLevelControl: t('controls.chooseYear'),
          },
        },
      }),
    },
  })
}

/** Secondary text and field errors darker than Mantine's, for WCAG AA contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
})
