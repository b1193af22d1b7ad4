import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { notifyError } from './notify.js'

export interface ConfirmDialogProps {
  readonly opened: boolean
  /** Its id in the enclosing `Modal.Stack`, so it sits on top and has the focus. */
  readonly stackId: string
  readonly title: string
  readonly body: string
  readonly confirmLabel: string
  readonly cancelLabel?: string
  readonly danger?: boolean
  /** The action; while its promise is pending the button spins. If it fails, the error is shown and the dialog closes. */
  onConfirm(): void | Promise<void>
  onCancel(): void
}

/** Asks before anything that cannot be undone. Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    try {
      await props.onConfirm()
    } catch (error) {
      props.onCancel()
      notifyError(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={props.opened} stackId={props.stackId} onClose={props.onCancel} title={props.title} size="md">
      <Stack>
        <Text>{props.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} data-autofocus>
            {props.cancelLabel ?? t('common.cancel')}
          </Button>
          <Button color={props.danger ? 'red' : undefined} loading={busy} onClick={() => void confirm()}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
