import { Button, Group, type MantineColor } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface DialogActionsProps {
  /** A read-only dialog has only Close. */
  readonly readOnly: boolean
  readonly submitting: boolean
  /** The submit button's text (OK by default). */
  readonly submitLabel?: string
  /** The submit button's colour, e.g. red for an action that removes something. */
  readonly submitColor?: MantineColor
  onClose(): void
}

/** The right-hand buttons of a properties dialog: Cancel and OK, or Close when read-only. */
export function DialogActions(props: DialogActionsProps) {
  const { t } = useTranslation()
  if (props.readOnly) {
    return (
      <Group gap="xs">
        <Button variant="default" onClick={props.onClose}>
          {t('common.close')}
        </Button>
      </Group>
    )
  }
  return (
    <Group gap="xs">
      <Button variant="default" onClick={props.onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={props.submitColor} loading={props.submitting}>
        {props.submitLabel ?? t('common.ok')}
      </Button>
    </Group>
  )
}
