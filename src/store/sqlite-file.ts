import { accessSync, constants, existsSync, statfsSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseUnavailableError, type DatabaseOutage } from './database-errors.js'

/** Below this much free space on its filesystem, the database counts as full. */
const MIN_FREE_BYTES = 1024 * 1024

/** Beside every SQLite database Keyward opens: the mark that this folder held one. */
function markerOf(path: string): string {
  return `${path}.keyward`
}

/**
 * Whether the SQLite file at `path` is missing although Keyward opened one there before: a
 * database deleted or lost, which must be restored, not silently replaced by an empty one.
 */
export function isLostDatabase(path: string): boolean {
  return !existsSync(path) && existsSync(markerOf(path))
}

/**
 * The SQLite file a process opened, watched by identity (device and inode): a file deleted,
 * or replaced by another (a restore copied over it), is no longer the database this process
 * writes to, whatever its name says. Writes to it are refused; `/readyz` reports it.
 */
export class SqliteFile {
  readonly path: string
  readonly #identity: { dev: number; ino: number }

  constructor(path: string) {
    this.path = path
    const stat = statSync(path)
    this.#identity = { dev: stat.dev, ino: stat.ino }
    if (!existsSync(markerOf(path))) {
      writeFileSync(
        markerOf(path),
        `Keyward opened a database at ${path}. If that file is missing, restore it from a backup; \`keyward serve --init\` starts an empty one.\n`,
      )
    }
  }

  /** Whether the file at the path is still the one this process opened; one `stat`, cheap enough for every write. */
  lost(): DatabaseOutage | undefined {
    const stat = statSync(this.path, { throwIfNoEntry: false })
    if (!stat) return { kind: 'file_gone', cause: `${this.path} was deleted` }
    if (stat.dev !== this.#identity.dev || stat.ino !== this.#identity.ino) return { kind: 'file_gone', cause: `${this.path} was replaced by another file` }
    return undefined
  }

  /** @throws DatabaseUnavailableError when the file is gone or replaced: a write would be lost. */
  assertPresent(): void {
    const lost = this.lost()
    if (lost) throw new DatabaseUnavailableError(lost, `refusing to write: ${lost.cause}`)
  }

  /** Why a write would fail now (the file lost, read-only, its disk full), or undefined. */
  problem(): DatabaseOutage | undefined {
    const lost = this.lost()
    if (lost) return lost
    for (const path of [this.path, dirname(this.path)]) {
      try {
        accessSync(path, constants.W_OK)
      } catch (error) {
        return { kind: 'read_only', cause: `SQLITE_READONLY: ${path} is not writable (${(error as NodeJS.ErrnoException).code})` }
      }
    }
    const fs = statfsSync(dirname(this.path))
    const free = fs.bavail * fs.bsize
    if (free < MIN_FREE_BYTES) return { kind: 'disk_full', cause: `SQLITE_FULL: ${free} bytes free on the database's filesystem` }
    return undefined
  }
}
