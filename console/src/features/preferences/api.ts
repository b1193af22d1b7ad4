import type { Administrator, AdministratorChanges } from '../../api/resources.js'
import { useSession } from '../../api/session.js'
import { useApi } from '../../api/use-api.js'
import type { PasswordChange } from '../users/PasswordForm.js'

/** What saving one's preferences sends (to `/administrators/current`, which takes an administrator's changes). */
export type Preferences = Required<Pick<AdministratorChanges, 'locale' | 'timeZone' | 'timeFormat'>>

/** The signed-in administrator's own settings and second factor (`/administrators/current`). */
export function usePreferenceActions() {
  const api = useApi()
  const { setAdministrator } = useSession()
  const applied = (administrator: Administrator) => {
    setAdministrator(administrator)
    return administrator
  }
  return {
    async save(preferences: Preferences): Promise<Administrator> {
      return applied(await api.call<Administrator>('POST', '/administrators/current', preferences))
    },
    startMfaEnrolment(): Promise<{ secret: string; uri: string }> {
      return api.call('POST', '/administrators/current/mfa/enrolment')
    },
    async activateMfa(code: string, password: string): Promise<string[]> {
      const { administrator, recoveryCodes } = await api.call<{ administrator: Administrator; recoveryCodes: string[] }>(
        'POST',
        '/administrators/current/mfa/activation',
        { code, password },
      )
      applied(administrator)
      return recoveryCodes
    },
    /** One's own password; `change` carries the present one (and a code when the second factor is on). */
    async changePassword(change: PasswordChange): Promise<void> {
      applied(await api.call<Administrator>('POST', '/administrators/current', change))
    },
    async deactivateMfa(password: string, code: string): Promise<void> {
      applied(await api.call<Administrator>('POST', '/administrators/current/mfa/deactivation', { password, code }))
    },
  }
}
