import { toAdministratorBody } from '../administrators/present.js'
import { toRoleBody } from '../roles/present.js'
import type { SessionView } from './service.js'

/** A console session as the API shows it: the administrator, its role, the CSRF token and the time limits. */
export function sessionBody(session: SessionView) {
  return {
    administrator: toAdministratorBody(session.administrator),
    role: toRoleBody(session.role),
    csrfToken: session.csrfToken,
    expires: session.expires,
    idleTimeout: session.idleTimeout,
  }
}
