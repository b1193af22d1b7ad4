import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, renameSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { Command } from 'commander'
import type { CliIo } from '../../src/cli/cli-io.js'
import { registerResourceCommands } from '../../src/cli/commands.js'
import { runProgram } from '../../src/cli/run-program.js'
import { build } from 'esbuild'

const ROOT = resolve(import.meta.dirname, '../..')

/** The real `keyward` command, which runs the sources through tsx. */
export const BIN = join(ROOT, 'bin/keyward.js')

let bundled: Promise<string> | undefined

/**
 * The sources of `keyward` bundled once per test worker: tsx costs about a second of CPU at
 * every start, and the suite starts the command ~50 times per engine. Built one level below the
 * checkout, as `src/` is, so that `import.meta.url` paths (the console's dist/) and packages
 * resolve as they do from the sources. The command's own launcher has its own test
 * (test/internals/bin.test.ts).
 */
function command(): Promise<string> {
  bundled ??= (async () => {
    const dir = join(ROOT, '.test-cli')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'keyward.mjs')
    // Workers build at once: each writes its own file and renames it into place whole.
    const own = join(dir, `keyward-${process.pid}.mjs`)
    await build({
      entryPoints: [join(ROOT, 'src/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: own,
      logLevel: 'warning',
    })
    renameSync(own, file)
    return file
  })()
  return bundled
}

/**
 * How long one command may take: a start takes seconds on a loaded shared machine. A budget,
 * not a bound; CLI test files give their tests `CLI_TEST_OPTIONS`.
 */
export const CLI_BUDGET_MS = 120_000
export const CLI_TEST_OPTIONS = { timeout: 4 * CLI_BUDGET_MS }

/** Runs `keyward …` as a real process, with `input` on its standard input, and returns what it printed. */
export async function runCli(args: string[], env: Record<string, string> = {}, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const running = promisify(execFile)(process.execPath, [await command(), ...args], { env: { ...process.env, ...env }, timeout: CLI_BUDGET_MS })
    running.child.stdin!.end(input)
    const { stdout, stderr } = await running
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

export interface RunningServer {
  readonly process: ChildProcess
  readonly url: string
  readonly output: () => string
  stop(): Promise<void>
}

/** Starts `keyward serve` (with `args`) on a free port and waits until it listens and has finished starting (first start included). */
export async function startServer(env: Record<string, string>, args: string[] = []): Promise<RunningServer> {
  const child = spawn(process.execPath, [await command(), 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...process.env, KEYWARD_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += String(chunk)))
  child.stderr!.on('data', (chunk) => (output += String(chunk)))
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${CLI_BUDGET_MS} ms:\n${output}`)), CLI_BUDGET_MS)
    const check = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match && /"msg":"Keyward \S+ on /.test(output)) {
        clearTimeout(timer)
        resolvePromise(match[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  return {
    process: child,
    url,
    output: () => output,
    stop: () =>
      new Promise((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise()
        child.once('exit', () => resolvePromise())
        child.kill('SIGTERM')
      }),
  }
}

export interface InProcessRun {
  code: number
  stdout: string
  stderr: string
}

export interface InProcessOptions {
  /** The command's environment; none of the test process's (a KEYWARD_URL there must not leak in). */
  env?: Record<string, string>
  /** What the command reads as a new password or a secret key. */
  input?: string
  signal?: AbortSignal
  /** Hears each line printed to standard output, as it is printed. */
  onOut?: (line: string) => void
}

/**
 * Runs `keyward` resource commands in this process (the definitions `keyward` registers, with
 * the same runner and exit codes): a spawned CLI costs seconds of tsx start-up per command.
 */
export async function runCliInProcess(args: string[], options: InProcessOptions = {}): Promise<InProcessRun> {
  const out: string[] = []
  const err: string[] = []
  // As from a pipe: the last line break is not part of it.
  const read = async () => {
    if (options.input === undefined) throw new Error('the test gave no input')
    return options.input.replace(/\r?\n$/, '')
  }
  const io: CliIo = {
    env: options.env ?? {},
    signal: options.signal,
    out: (text) => {
      out.push(text)
      options.onOut?.(text)
    },
    err: (text) => err.push(text),
    readPassword: read,
    readSecretKey: read,
  }
  const program = new Command('keyward')
  registerResourceCommands(program, io)
  const code = await runProgram(program, ['node', 'keyward', ...args], io)
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}
