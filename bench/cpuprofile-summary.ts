/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`, or from bench/verify-hot-path.ts
 * `--cpu-prof`): self time by function, self time by package or source folder, and inclusive
 * time of Keyward's own functions (`src/`).
 *
 * Run alone: `npx tsx bench/cpuprofile-summary.ts <file.cpuprofile>… [--top 25] [--root <checkout>]`
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
  readonly columnNumber: number
}

interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly hitCount?: number
  readonly children?: readonly number[]
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly startTime: number
  readonly endTime: number
  readonly samples?: readonly number[]
  readonly timeDeltas?: readonly number[]
}

export interface TimeRow {
  readonly name: string
  readonly ms: number
  /** Share of the busy (non-idle) time, in percent. */
  readonly percent: number
}

export interface ProfileSummary {
  readonly totalMs: number
  readonly idleMs: number
  readonly busyMs: number
  readonly topSelf: readonly TimeRow[]
  readonly selfByPackage: readonly TimeRow[]
  readonly srcInclusive: readonly TimeRow[]
}

/** Checkouts whose files are shown relative to their root (`src/auth/verifier.ts`). */
const projectRoots = new Set([new URL('..', import.meta.url).href])
const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)'])

/** Also shows files of this checkout relative to it (when the server ran from another one). */
export function addProjectRoot(dir: string): void {
  projectRoots.add(pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`).href)
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/')
  if (modules >= 0) return url.slice(modules + 1)
  for (const root of projectRoots) if (url.startsWith(root)) return url.slice(root.length)
  return url
}

function functionKey(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)'
  if (frame.url === '' && SPECIAL.has(name)) return name
  if (frame.url === '') return `${name} (native)`
  return `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
}

/** `src/http`, `node_modules/fastify`, `node:internal/http`, `(garbage collector)`… */
function packageKey(frame: CallFrame): string {
  const name = frame.functionName
  if (frame.url === '') return SPECIAL.has(name) ? name : '(native)'
  const url = shortUrl(frame.url)
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return `node_modules/${pkg[1]}`
  const src = /^(src\/[^/]+)/.exec(url)
  if (src) return src[1]!
  const internal = /^node:(internal\/[^/]+|[^/]+)/.exec(url)
  if (internal) return `node:${internal[1]}`
  return url
}

function rows(map: Map<string, number>, busyUs: number, top: number): TimeRow[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, percent: Math.round((1000 * us) / busyUs) / 10 }))
}

interface SelfTimes {
  readonly totalUs: number
  readonly idleUs: number
  /** µs of self time by function, by package, and inclusive by Keyward (src/) function; idle left out. */
  readonly byFunction: Map<string, number>
  readonly byPackage: Map<string, number>
  readonly srcInclusive: Map<string, number>
}

/** Self and inclusive times of a profile; percentages are of the time the thread was not idle. */
export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const times = selfTimes(profile)
  const busyUs = Math.max(1, times.totalUs - times.idleUs)
  return {
    totalMs: Math.round(times.totalUs / 1000),
    idleMs: Math.round(times.idleUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    topSelf: rows(times.byFunction, busyUs, top),
    selfByPackage: rows(times.byPackage, busyUs, top),
    srcInclusive: rows(times.srcInclusive, busyUs, top),
  }
}

export interface PerRequestRow {
  readonly name: string
  /** µs of CPU per request in profile a, in profile b, and b − a. */
  readonly aUs: number
  readonly bUs: number
  readonly diffUs: number
}

export interface ProfileComparison {
  readonly aBusyUsPerRequest: number
  readonly bBusyUsPerRequest: number
  readonly byPackage: readonly PerRequestRow[]
  readonly byFunction: readonly PerRequestRow[]
}

/**
 * Where the extra CPU time per request of `b` (say, the authenticated route) over `a` (the
 * trivial route) goes: busy µs per request by package and by function, largest difference first.
 */
export function compareProfiles(a: CpuProfile, aRequests: number, b: CpuProfile, bRequests: number, top = 25): ProfileComparison {
  const ta = selfTimes(a)
  const tb = selfTimes(b)
  const compare = (ma: Map<string, number>, mb: Map<string, number>) =>
    [...new Set([...ma.keys(), ...mb.keys()])]
      .map((name) => {
        const aUs = (ma.get(name) ?? 0) / aRequests
        const bUs = (mb.get(name) ?? 0) / bRequests
        return { name, aUs: round2(aUs), bUs: round2(bUs), diffUs: round2(bUs - aUs) }
      })
      .sort((x, y) => y.diffUs - x.diffUs)
      .slice(0, top)
  return {
    aBusyUsPerRequest: round2((ta.totalUs - ta.idleUs) / aRequests),
    bBusyUsPerRequest: round2((tb.totalUs - tb.idleUs) / bRequests),
    byPackage: compare(ta.byPackage, tb.byPackage),
    byFunction: compare(ta.byFunction, tb.byFunction),
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100

export function formatComparison(c: ProfileComparison, aName: string, bName: string): string {
  const table = (title: string, list: readonly PerRequestRow[]) =>
    [
      title,
      `| µs/req ${aName} | µs/req ${bName} | difference | |`,
      '|---:|---:|---:|---|',
      ...list.map((r) => `| ${r.aUs.toFixed(2)} | ${r.bUs.toFixed(2)} | ${r.diffUs >= 0 ? '+' : ''}${r.diffUs.toFixed(2)} | \`${r.name}\` |`),
    ].join('\n')
  return [
    `busy CPU per request: ${aName} ${c.aBusyUsPerRequest.toFixed(1)} µs, ${bName} ${c.bBusyUsPerRequest.toFixed(1)} µs (+${(c.bBusyUsPerRequest - c.aBusyUsPerRequest).toFixed(1)} µs)`,
    '',
    table('Extra self time per request, by package / source folder:', c.byPackage),
    '',
    table('Extra self time per request, by function:', c.byFunction),
  ].join('\n')
}

/** A profile's nodes by ID, each node's parent, and each sampled node's self time in µs. */
export interface SampledProfile {
  readonly byId: ReadonlyMap<number, ProfileNode>
  readonly parent: ReadonlyMap<number, number>
  readonly selfUs: ReadonlyMap<number, number>
}

export function sampledProfile(profile: CpuProfile): SampledProfile {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

  // Time per sample: the delta to the next sample (the last sample gets the mean interval).
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  const meanUs = samples.length > 0 ? (profile.endTime - profile.startTime) / samples.length : 0
  const selfUs = new Map<number, number>()
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? meanUs
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + us)
  }
  return { byId, parent, selfUs }
}

function selfTimes(profile: CpuProfile): SelfTimes {
  const { byId, parent, selfUs } = sampledProfile(profile)
  const totalUs = profile.endTime - profile.startTime
  let idleUs = 0
  const selfByFunction = new Map<string, number>()
  const selfByPackage = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === '(idle)' && frame.url === '') idleUs += us
    const key = functionKey(frame)
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + us)
    const pkg = packageKey(frame)
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + us)
  }
  selfByFunction.delete('(idle)')
  selfByPackage.delete('(idle)')

  // Inclusive time of Keyward's functions: each sample counts once per function on its stack.
  const inclusive = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame
      if (!shortUrl(frame.url).startsWith('src/')) continue
      const key = functionKey(frame)
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + us)
    }
  }

  return { totalUs, idleUs, byFunction: selfByFunction, byPackage: selfByPackage, srcInclusive: inclusive }
}

export function formatSummary(summary: ProfileSummary): string {
  const table = (title: string, list: readonly TimeRow[]) =>
    [
      `${title}`,
      '| ms | % of busy | function |',
      '|---:|---:|---|',
      ...list.map((r) => `| ${r.ms.toFixed(1)} | ${r.percent.toFixed(1)} | \`${r.name}\` |`),
    ].join('\n')
  return [
    `profiled ${summary.totalMs} ms: busy ${summary.busyMs} ms, idle ${summary.idleMs} ms`,
    '',
    table('Top self time (by function):', summary.topSelf),
    '',
    table('Self time by package / source folder:', summary.selfByPackage),
    '',
    table('Inclusive time of Keyward functions (src/):', summary.srcInclusive),
  ].join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, root: { type: 'string' } } })
  if (positionals.length === 0) {
    console.error('usage: npx tsx bench/cpuprofile-summary.ts <file.cpuprofile>… [--top 25] [--root <checkout the server ran from>]')
    process.exit(2)
  }
  if (values.root) addProjectRoot(values.root)
  for (const file of positionals) {
    console.log(`## ${file}\n`)
    console.log(formatSummary(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(values.top))))
    console.log()
  }
}
