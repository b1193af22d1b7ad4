import { Alert, Modal, Text } from '@mantine/core'
import { Component, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'

interface CatcherProps {
  readonly children: ReactNode
  /** A new value (another page or dialog) clears a caught error. */
  readonly resetKey: string
  render(error: Error): ReactNode
}

class Catcher extends Component<CatcherProps, { error: Error | undefined; resetKey: string }> {
  override state = { error: undefined as Error | undefined, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: CatcherProps, state: { error: Error | undefined; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { error: undefined, resetKey: props.resetKey }
  }

  override render() {
    return this.state.error ? this.props.render(this.state.error) : this.props.children
  }
}

function Failure(props: { readonly error: Error }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" role="alert" title={t('common.viewFailed')}>
      <Text size="sm">{props.error.message}</Text>
    </Alert>
  )
}

/**
 * Around a page: a page that fails to render shows why, in its place, and the rest of the
 * console (navigation, sign-out) stays (issue 13: a key with a time zone the browser did not
 * know blanked the whole console).
 */
export function PageErrorBoundary(props: { readonly children: ReactNode }) {
  const { pathname } = useLocation()
  return (
    <Catcher resetKey={pathname} render={(error) => <Failure error={error} />}>
      {props.children}
    </Catcher>
  )
}

/** Around a page's dialogs: a dialog that fails to render becomes one that says why and closes back to the list. */
export function DialogErrorBoundary(props: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  const { pathname, search } = useLocation()
  const navigate = useNavigate()
  const list = `/${pathname.split('/')[1] ?? ''}`
  return (
    <Catcher
      resetKey={pathname}
      render={(error) => (
        <Modal opened onClose={() => void navigate({ pathname: list, search })} title={t('common.viewFailed')}>
          <Failure error={error} />
        </Modal>
      )}
    >
      {props.children}
    </Catcher>
  )
}
