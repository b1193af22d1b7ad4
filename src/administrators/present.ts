import type { AdministratorRecord } from './administrator.js'
import type { AdministratorBody } from './schema.js'

/** An administrator as the API shows it: never its password hash or second-factor secret. */
export function toAdministratorBody(admin: AdministratorRecord): AdministratorBody {
  return {
    ...admin.kept,
    username: admin.username,
    fullName: admin.fullName,
    description: admin.description,
    locale: admin.locale,
    timeZone: admin.timeZone,
    timeFormat: admin.timeFormat,
    emailAddress: admin.emailAddress,
    roleID: admin.roleId,
    active: admin.active,
    passwordNeverExpires: admin.passwordNeverExpires,
    mfaType: admin.mfaType,
    created: admin.created,
    lastSignIn: admin.lastSignIn,
    lastPasswordChange: admin.lastPasswordChange,
    unlockTime: admin.unlockTime,
    unsuccessfulSignInAttempts: admin.unsuccessfulSignInAttempts,
    ID: admin.id,
  }
}
