/**
 * Where a command writes, and how it shows the API's objects: a table or key-value lines for
 * people, the API's JSON unchanged for scripts (`--json`). Commands write only here, so the
 * tests run them in-process and read what they printed.
 *
 * @module
 */
import { readNewPassword, readSecretKey } from './password-input.js'

export interface CliIo {
  readonly env: NodeJS.ProcessEnv
  out(text: string): void
  err(text: string): void
  /** Ends what runs until stopped (`--follow`); the process has none: Ctrl-C ends it. */
  readonly signal?: AbortSignal
  /** A new password: from standard input when piped, else asked for twice without echo. */
  readPassword(): Promise<string>
  /** A secret key: from standard input when piped, else asked for without echo. */
  readSecretKey(): Promise<string>
}

export const processIo: CliIo = {
  env: process.env,
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  readPassword: readNewPassword,
  readSecretKey,
}

/** A column of a table: a field of the API's object, and how to show it. */
export interface Column {
  readonly header: string
  readonly value: (item: Record<string, unknown>) => unknown
}

/** Epoch-ms fields the API returns, shown as ISO 8601 (UTC) to people. */
const TIME_FIELDS = new Set(['created', 'lastSignIn', 'expiryDate', 'unlockTime', 'time', 'lastPasswordChange'])

function show(value: unknown, field?: string): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number' && field !== undefined && TIME_FIELDS.has(field)) return new Date(value).toISOString()
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

export function field(name: string, header = name): Column {
  return { header, value: (item) => show(item[name], name) }
}

/** Rows under a header, columns padded to their widest cell. */
export function renderTable(items: readonly Record<string, unknown>[], columns: readonly Column[]): string {
  const rows = [columns.map((c) => c.header), ...items.map((item) => columns.map((c) => show(c.value(item))))]
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/** One object as `field: value` lines, in the API's order. */
export function renderRecord(item: Record<string, unknown>): string {
  const width = Math.max(0, ...Object.keys(item).map((key) => key.length))
  return Object.entries(item)
    .map(([key, value]) => `${`${key}:`.padEnd(width + 1)} ${show(value, key)}`)
    .join('\n')
}

export function renderJson(body: unknown): string {
  return JSON.stringify(body, null, 2)
}
