/**
 * The gateway as users run it (`npm start`: src/main.ts) in a child process
 * on a loopback port, for tests and benchmarks that must see it from outside:
 * whether it is still alive after hostile input, how much memory it holds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './db/config';
import { freePort, isRunning, stopProcess } from './db/process';

/** How long start-up (compile, seed the demo data, listen) may take. */
const START_TIMEOUT_MS = 60_000;

/** A running gateway process; see {@link startGatewayProcess}. */
export interface GatewayProcess {
  /** `http://127.0.0.1:PORT/` */
  readonly base: URL;
  /** `http://127.0.0.1:PORT/graphql` */
  readonly graphql: URL;
  readonly pid: number;
  /** False once the process has exited (a crash, or {@link stop}). */
  alive(): boolean;
  /** How it ended, for messages: `exit code 1`, `signal SIGABRT`, or `running`. */
  exitState(): string;
  /** Resident set size of the process, in bytes (Linux: /proc/PID/status). */
  rssBytes(): number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (then SIGKILL after 5 s); resolves once it is gone. */
  stop(): Promise<void>;
}

/** How {@link startGatewayProcess} starts the process. */
export interface GatewayProcessOptions {
  /** Arguments for node itself, before the script (e.g. `--max-old-space-size=8000`). @default none */
  readonly nodeArgs?: readonly string[];
  /** How long start-up may take until `/healthz` answers. @default a minute */
  readonly startTimeoutMs?: number;
}

/**
 * Starts `node --import tsx src/main.ts` with `env` on top of a minimal
 * environment (PATH, HOME; `PORT` is a free port), and resolves once
 * `/healthz` answers 200. Rejects with the process's output if it exits or
 * does not answer within `startTimeoutMs` (a minute by default). Pass
 * `AUTH_MODE: 'open'` unless the test brings API keys.
 */
export async function startGatewayProcess(env: Record<string, string>, options: GatewayProcessOptions = {}): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(REPO_ROOT, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    // In memory unless the test names a DATA_DIR: runs must not share the repository's .data.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Keep the tail only: a long run must not grow the test's memory without bound.
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const base = new URL(`http://127.0.0.1:${port}/`);
  const gateway = describeProcess(child, base, () => output);
  try {
    await waitForHealthz(gateway, options.startTimeoutMs ?? START_TIMEOUT_MS);
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  return gateway;
}

function describeProcess(child: ChildProcess, base: URL, output: () => string): GatewayProcess {
  if (child.pid === undefined) throw new Error('the gateway process did not start (no pid)');
  const pid = child.pid;
  return {
    base,
    graphql: new URL('/graphql', base),
    pid,
    alive: () => isRunning(child),
    exitState: () => (child.signalCode !== null ? `signal ${child.signalCode}` : child.exitCode !== null ? `exit code ${child.exitCode}` : 'running'),
    rssBytes: () => rssOf(pid),
    output,
    stop: () => stopProcess(child),
  };
}

async function waitForHealthz(gateway: GatewayProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!gateway.alive()) throw new Error(`the gateway exited at start (${gateway.exitState()}):\n${gateway.output()}`);
    try {
      const response = await fetch(new URL('/healthz', gateway.base), { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the gateway did not answer /healthz within ${timeoutMs} ms:\n${gateway.output()}`);
}

/** VmRSS of a process, from /proc (the tests run on Linux). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (match === null) throw new Error(`no VmRSS line in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
