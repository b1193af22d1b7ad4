import { generate } from 'otplib'
import type { Harness } from './harness.js'

/**
 * The authenticator app's code for a secret at the harness clock's time. Moves the clock to
 * the next 30-second step first: Keyward refuses a step already used, and activation uses one.
 */
export async function totpCode(h: Harness, secret: string): Promise<string> {
  h.clock.advance(30_000)
  return generate({ secret, epoch: Math.floor(h.clock() / 1000) })
}
