import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { notifyError, notifySuccess } from './notify.js'

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

/** The catalog sections of what can be deleted: each has `deleteTitle`, `deleteBody` (with the name) and `deleteConfirm`. */
type DeletableText = 'apiKeys' | 'users' | 'roles'

/**
 * The question before deleting a record (none for one not created yet): `ask` opens it, and
 * once the record is deleted the console says so and `onDeleted` runs.
 */
export function useDeleteQuestion(
  stackId: string,
  text: DeletableText,
  record: { readonly name: string; remove(): Promise<void> } | undefined,
  onDeleted?: () => void,
) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const question = record && (
    <ConfirmDialog
      opened={asking}
      stackId={stackId}
      title={t(`${text}.deleteTitle`)}
      body={t(`${text}.deleteBody`, { name: record.name })}
      confirmLabel={t(`${text}.deleteConfirm`)}
      danger
      onConfirm={async () => {
        await record.remove()
        notifySuccess(t('common.deleted', { name: record.name }))
        onDeleted?.()
      }}
      onCancel={() => setAsking(false)}
    />
  )
  return { ask: () => setAsking(true), question }
}
