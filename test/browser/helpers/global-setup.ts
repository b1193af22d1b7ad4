import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Builds the console once for the whole browser suite (only when its sources changed since
 * the last build: the same check `npm start` makes).
 */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../../scripts/build-console-if-stale.mjs', import.meta.url))
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`building the console failed (exit ${result.status})`)
}
