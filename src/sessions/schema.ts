/**
 * Console sessions (a Keyward addition to the model API): sign in, see, sign out.
 *
 * @module
 */
import { Type } from 'typebox'
import { AdministratorSchema } from '../administrators/schema.js'
import { RoleSchema } from '../roles/schema.js'

export const SignInSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 255, description: 'Username.' }),
    password: Type.String({ minLength: 1, maxLength: 1024, writeOnly: true, description: 'Password.' }),
    mfaCode: Type.Optional(
      Type.String({ maxLength: 64, description: 'Code from the authenticator app, or a recovery code, for administrators with mfaType local-totp.' }),
    ),
  },
  { additionalProperties: false, description: 'Credentials of an administrator.' },
)

export const SessionSchema = Type.Object(
  {
    administrator: AdministratorSchema,
    role: RoleSchema,
    csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every request that changes something.' }),
    expires: Type.Integer({ description: 'When the session ends unless used again, ms since epoch.' }),
    idleTimeout: Type.Integer({ description: 'How long the session lasts without requests, in ms.' }),
  },
  { description: 'The signed-in administrator, its role and its session.' },
)
