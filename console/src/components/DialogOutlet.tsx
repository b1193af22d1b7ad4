import { useLayoutEffect, useRef } from 'react'
import { useOutlet } from 'react-router'
import { DialogErrorBoundary } from './ErrorBoundary.js'

/**
 * Puts the focus back on what had it when a dialog opened (the New… button, a row's link)
 * once the dialog closes. A dialog opened by path unmounts rather than closes, so Mantine's
 * own focus return never runs and the focus fell to the page body (issue 13).
 */
export function useFocusReturn(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null)
  // A layout effect runs before the dialog's focus trap moves the focus inside it.
  useLayoutEffect(() => {
    if (open) {
      const active = document.activeElement
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null
      return
    }
    const element = opener.current
    opener.current = null
    if (element?.isConnected) element.focus()
  }, [open])
}

/** A list page's dialog route: caught if it fails, and the focus returned when it closes. */
export function DialogOutlet() {
  const outlet = useOutlet()
  useFocusReturn(outlet !== null)
  return <DialogErrorBoundary>{outlet}</DialogErrorBoundary>
}
