/**
 * Where a flooded phase's CPU goes (issue 12, goal 4): splits a `.cpuprofile` of
 * `verify-hot-path.ts --flood --cpu-prof` into SQL, the refusals' error path, the verifier, the
 * HTTP frame, and the garbage collector and V8 itself. Each sample goes to the first of these
 * its stack meets from the leaf up, so a 401's write to the socket is the frame's, and a
 * statement's native work (`exec`, `all`) the SQL's. A cached valid key runs no SQL: in such a
 * phase it is the failure bookkeeping and the look-up of each new unknown key ID.
 *
 *   npx tsx bench/flood-profile.ts <file.cpuprofile>… [--requests <n>]…
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { sampledProfile, type CpuProfile } from './cpuprofile-summary.js'

export const FLOOD_PARTS = ['SQL', 'refusal (401) path', 'verifier', 'HTTP frame', 'GC and V8'] as const
export type FloodPart = (typeof FLOOD_PARTS)[number]

/** The part a frame's code belongs to, or undefined (native code) to ask its caller. */
function partOf(functionName: string, url: string): FloodPart | undefined {
  if (url === '') return functionName === '(garbage collector)' || functionName === '(program)' ? 'GC and V8' : undefined
  if (/\/(src\/store\/|src\/apikeys\/store\.ts|src\/auth\/failure-recorder\.ts|node_modules\/(kysely|better-sqlite3|pg|pg-[a-z]+)\/)/.test(url)) return 'SQL'
  if (/\/src\/(http\/error-handler\.ts|errors\/|i18n\/)/.test(url)) return 'refusal (401) path'
  if (/\/src\/auth\//.test(url)) return 'verifier'
  return 'HTTP frame'
}

/** Busy µs of each part (idle left out). */
export function splitFloodProfile(profile: CpuProfile): Record<FloodPart, number> {
  const { byId, parent, selfUs } = sampledProfile(profile)
  const parts = Object.fromEntries(FLOOD_PARTS.map((part) => [part, 0])) as Record<FloodPart, number>
  const partById = new Map<number, FloodPart | 'idle'>()
  const part = (id: number): FloodPart | 'idle' => {
    let known = partById.get(id)
    if (known) return known
    const { functionName, url } = byId.get(id)!.callFrame
    const up = parent.get(id)
    known = functionName === '(idle)' && url === '' ? 'idle' : (partOf(functionName, url) ?? (up === undefined ? 'HTTP frame' : part(up)))
    partById.set(id, known)
    return known
  }
  for (const [id, us] of selfUs) {
    const found = part(id)
    if (found !== 'idle') parts[found] += us
  }
  return parts
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { requests: { type: 'string', multiple: true } } })
  console.log(`| profile | ${FLOOD_PARTS.join(' | ')} | busy ms |\n|---|${FLOOD_PARTS.map(() => '---:|').join('')}---:|`)
  positionals.forEach((file, i) => {
    const parts = splitFloodProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile)
    const busy = Object.values(parts).reduce((a, b) => a + b, 0)
    const requests = Number(values.requests?.[i] ?? 0)
    const cell = (us: number) => `${((100 * us) / busy).toFixed(1)} %${requests > 0 ? ` (${(us / requests).toFixed(1)} µs/req)` : ''}`
    console.log(`| ${file.split('/').pop()} | ${FLOOD_PARTS.map((p) => cell(parts[p])).join(' | ')} | ${(busy / 1000).toFixed(0)} |`)
  })
}
