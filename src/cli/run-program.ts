/**
 * Runs the `keyward` program on arguments and turns every failure into a message on standard
 * error and an exit code (the table in README, "Command line"): scripts can tell a refused
 * input from a missing right or a server that is down.
 *
 * @module
 */
import { CommanderError, type Command } from 'commander'
import { ApiError, UnreachableError } from './api-client.js'
import type { CliIo } from './cli-io.js'

export const EXIT_CODES = {
  ok: 0,
  /** Anything else: a usage error, a local problem (a database that cannot be opened…). */
  failed: 1,
  unreachable: 2,
  unauthenticated: 3,
  forbidden: 4,
  notFound: 5,
  conflict: 6,
  invalidInput: 7,
  /** Rate-limited, busy or unavailable: try again later. */
  tryLater: 8,
  serverError: 9,
  /** `apikeys verify`: the key is not valid (the verdict's code says why). */
  notValid: 10,
} as const

/** A command's own failure, with the exit code that says which (its output has said the rest). */
export class CommandFailure extends Error {
  readonly exitCode: number
  constructor(exitCode: number) {
    super('')
    this.exitCode = exitCode
  }
}

/** The exit code of an HTTP status: the API's, or that of the same refusal met on the database. */
function exitCodeOfStatus(status: number): number {
  if (status === 401) return EXIT_CODES.unauthenticated
  if (status === 403) return EXIT_CODES.forbidden
  if (status === 404) return EXIT_CODES.notFound
  if (status === 409) return EXIT_CODES.conflict
  if (status === 429 || status === 503) return EXIT_CODES.tryLater
  if (status >= 500) return EXIT_CODES.serverError
  if (status >= 400) return EXIT_CODES.invalidInput
  return EXIT_CODES.failed
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UnreachableError) return EXIT_CODES.unreachable
  if (error instanceof ApiError) return exitCodeOfStatus(error.status)
  return EXIT_CODES.failed
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError && error.code !== undefined) return `${error.message} (${error.code})`
  return error instanceof Error ? error.message : String(error)
}

/** Makes commander report through `io` and throw instead of ending the process. */
function configure(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({ writeOut: (text) => io.out(text.replace(/\n$/, '')), writeErr: (text) => io.err(text.replace(/\n$/, '')) })
  for (const sub of command.commands) configure(sub, io)
}

/** Runs the program on `argv` (as `process.argv`: node and script first); resolves to the exit code. */
export async function runProgram(program: Command, argv: readonly string[], io: CliIo): Promise<number> {
  configure(program, io)
  try {
    await program.parseAsync([...argv])
    return EXIT_CODES.ok
  } catch (error) {
    // Commander, or the command, has printed its own message (or the help) already.
    if (error instanceof CommanderError || error instanceof CommandFailure) return error.exitCode
    io.err(`keyward: ${messageOf(error)}`)
    return exitCodeOf(error)
  }
}
