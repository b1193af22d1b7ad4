/**
 * Whether a fault test's root-only cases (mounting a tmpfs, chattr) can run here. Off root they
 * are left out loudly; CI runs as root and may not leave them out.
 *
 * @param cases what is left out, for the warning and the error ("test/faults/x.test.ts: the disk-full case")
 * @param possible whether this machine can run them
 */
export function rootOnlyCasesRun(cases: string, possible: boolean): boolean {
  if (possible) return true
  if (!['', '0', 'false'].includes(process.env.CI ?? '')) throw new Error(`CI must run as root: ${cases} needs it`)
  process.stderr.write(`\n*** WARNING: ${cases} SKIPPED (it needs root) ***\n\n`)
  return false
}
