import { notifications } from '@mantine/notifications'
import { ApiError } from '../api/api-error.js'
import { i18n } from '../i18n/i18n.js'

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', withBorder: true })
}

/** Shows an API error as the server worded it (already in the administrator's language). */
export function notifyError(error: unknown): void {
  const message = error instanceof ApiError ? error.message : i18n.t('errors.unexpected', { status: 0 })
  // A 401 has already sent the console to sign-in, which says why.
  if (error instanceof ApiError && error.status === 401) return
  notifications.show({ message, color: 'red', withBorder: true, autoClose: 8000 })
}
