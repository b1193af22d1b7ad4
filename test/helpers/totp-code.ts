import { generate } from 'otplib'
import { expectStatus, type Harness, type TestSession } from './harness.js'

/**
 * The authenticator app's code for a secret at the harness clock's time. Moves the clock to
 * the next 30-second step first: Keyward refuses a step already used, and activation uses one.
 */
export async function totpCode(h: Harness, secret: string): Promise<string> {
  h.clock.advance(30_000)
  return generate({ secret, epoch: Math.floor(h.clock() / 1000) })
}

/** Turns the second factor on for a signed-in administrator through the API; returns its TOTP secret. */
export async function enrolMfa(h: Harness, session: TestSession, password: string): Promise<string> {
  const enrolment = await h.post('/api/administrators/current/mfa/enrolment', { session })
  expectStatus(enrolment, 200)
  const secret = enrolment.body.secret as string
  expectStatus(await h.post('/api/administrators/current/mfa/activation', { session, body: { code: await totpCode(h, secret), password } }), 200)
  return secret
}
