import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

const BIN = resolve(import.meta.dirname, '../../bin/keyward.js')

/**
 * How long one command may take: tsx compiles the sources at every start, which takes many
 * seconds on a loaded shared machine. A budget, not a bound; CLI test files give their tests
 * `CLI_TEST_OPTIONS`.
 */
export const CLI_BUDGET_MS = 120_000
export const CLI_TEST_OPTIONS = { timeout: 4 * CLI_BUDGET_MS }

/** Runs `keyward …` as a real process, with `input` on its standard input, and returns what it printed. */
export async function runCli(args: string[], env: Record<string, string> = {}, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const running = promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: CLI_BUDGET_MS })
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
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
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
