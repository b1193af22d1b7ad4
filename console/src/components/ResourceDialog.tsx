import { Alert, Center, Group, Loader, Modal, Stack, type ModalProps } from '@mantine/core'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/api-error.js'
import { useDiscardGuard } from './CloseConfirmation.js'
import { DialogActions, DialogFooter } from './DialogActions.js'
import { QueryError } from './QueryError.js'

interface DialogFrame {
  /** The dialog's id in the enclosing `Modal.Stack`; its questions use it as a prefix. */
  readonly stackId: string
  readonly title: string
  readonly size: ModalProps['size']
  onClose(): void
}

/** The read of a resource (an SWR answer): its failure, and how to read it again. */
interface PendingRead {
  readonly error: ApiError | undefined
  mutate(): Promise<unknown>
}

/**
 * A resource's Properties dialog while the resource is not there: loading, the read's failure
 * (with Retry where it may help), or not found for an ID that cannot exist. The form's dialog
 * takes its place once the resource is loaded.
 */
export function ResourceDialogPending(props: DialogFrame & { readonly read: PendingRead; readonly notFound: boolean }) {
  const { t } = useTranslation()
  return (
    <Modal opened stackId={props.stackId} onClose={props.onClose} title={props.title} size={props.size}>
      {props.read.error ? (
        <QueryError error={props.read.error} onRetry={() => void props.read.mutate()} />
      ) : props.notFound ? (
        <Alert color="gray">{t('app.notFoundBody')}</Alert>
      ) : (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
    </Modal>
  )
}

export interface ResourceFormDialogProps extends DialogFrame {
  /** Stacked dialogs stay mounted while closed: Modal.Stack learns of a close from `opened`. */
  readonly opened?: boolean
  /** A read-only dialog says so on top and has only Close. */
  readonly readOnly: boolean
  /** Why it is read-only, when not for want of a right. */
  readonly readOnlyNote?: string
  /** The API's refusal of the last submit, when no field of the form explains it. */
  readonly failure: string | undefined
  /** The dialog's form: whether it is being submitted, and whether it holds typed input. */
  readonly form: { readonly submitting: boolean; isDirty(): boolean }
  readonly submitLabel?: string
  /** The footer's left-hand buttons (New secret, Set password, Delete). */
  readonly buttons?: ReactNode
  readonly children: ReactNode
  onSubmit(event: FormEvent<HTMLFormElement>): void
}

/**
 * A resource's Properties form in its dialog: the read-only note, the server's refusal, the
 * fields, a footer kept in view, and a question before typed input is dropped.
 */
export function ResourceFormDialog(props: ResourceFormDialogProps) {
  const { t } = useTranslation()
  const guard = useDiscardGuard({ stackId: `${props.stackId}-discard`, isDirty: () => props.form.isDirty(), onClose: props.onClose })
  return (
    <>
      <Modal opened={props.opened ?? true} stackId={props.stackId} onClose={guard.requestClose} title={props.title} size={props.size}>
        {/* A nested dialog's submit must not bubble (through the portal) to the form that opened it. */}
        <form
          onSubmit={(event) => {
            event.stopPropagation()
            props.onSubmit(event)
          }}
          noValidate
        >
          <Stack>
            {props.readOnly && <Alert color="gray">{props.readOnlyNote ?? t('common.readOnly')}</Alert>}
            {props.failure && (
              <Alert color="red" role="alert">
                {props.failure}
              </Alert>
            )}
            {props.children}
            <DialogFooter>
              <Group gap="xs">{props.buttons}</Group>
              <DialogActions readOnly={props.readOnly} submitting={props.form.submitting} onClose={props.onClose} submitLabel={props.submitLabel} />
            </DialogFooter>
          </Stack>
        </form>
      </Modal>
      {guard.question}
    </>
  )
}

/**
 * Runs a form's submit: the API's refusal about a field goes under that field, any other above
 * the form (`failure`); anything but an API error is a bug and is thrown on.
 */
export function useSubmitFailure(setFieldError: (field: string, message: string) => void, fieldOf: (error: ApiError) => string | undefined) {
  const [failure, setFailure] = useState<string | undefined>()
  const attempt = async (action: () => void | Promise<void>) => {
    setFailure(undefined)
    try {
      await action()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      const field = fieldOf(error)
      if (field) setFieldError(field, error.message)
      else setFailure(error.message)
    }
  }
  return { failure, attempt }
}
