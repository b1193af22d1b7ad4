import { Button, Group, type MantineColor } from '@mantine/core'
import type { ReactNode } from 'react'
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

/**
 * The bottom row of a tall dialog, kept in view while its body scrolls: in a window 900 px
 * high the role dialog's OK and Cancel started off-screen (issue 13).
 */
export function DialogFooter(props: { readonly children: ReactNode }) {
  return (
    <Group
      justify="space-between"
      pos="sticky"
      bottom={0}
      py="sm"
      bg="var(--mantine-color-body)"
      style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      {props.children}
    </Group>
  )
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
