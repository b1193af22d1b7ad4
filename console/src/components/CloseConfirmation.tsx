import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from './ConfirmDialog.js'

export interface CloseConfirmationOptions {
  /** The question's id in the enclosing `Modal.Stack`. */
  readonly stackId: string
  readonly title: string
  readonly body: string
  readonly confirmLabel: string
  readonly cancelLabel: string
  readonly danger?: boolean
  /** Whether closing now loses something; asks every time when left out. */
  needed?(): boolean
  onClose(): void
}

/**
 * A dialog that asks before it closes: one showing something for the only time (a secret,
 * recovery codes), or one holding typed input.
 *
 * @returns `requestClose` for the dialog's `onClose` and close button, and the question to
 * render beside the dialog.
 */
export function useCloseConfirmation(options: CloseConfirmationOptions) {
  const [asking, setAsking] = useState(false)
  const question = (
    <ConfirmDialog
      opened={asking}
      stackId={options.stackId}
      title={options.title}
      body={options.body}
      confirmLabel={options.confirmLabel}
      cancelLabel={options.cancelLabel}
      danger={options.danger}
      onConfirm={options.onClose}
      onCancel={() => setAsking(false)}
    />
  )
  return { requestClose: () => (options.needed?.() === false ? options.onClose() : setAsking(true)), question }
}

/**
 * Asks before a dialog with typed input closes by Escape, a click outside or its close
 * button, which used to drop the typing without a word (issue 13). Cancel still closes at once.
 */
export function useDiscardGuard(options: { stackId: string; isDirty(): boolean; onClose(): void }) {
  const { t } = useTranslation()
  return useCloseConfirmation({
    stackId: options.stackId,
    title: t('common.discardTitle'),
    body: t('common.discardBody'),
    confirmLabel: t('common.discard'),
    cancelLabel: t('common.keepEditing'),
    danger: true,
    needed: options.isDirty,
    onClose: options.onClose,
  })
}
