/**
 * Small process utilities for starting a database server as a child process
 * of the jest main process: free port, run a build script, spawn with a log
 * file, stop, and read the log's tail for error messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';

/**
 * Asks the OS for a free TCP port on 127.0.0.1 (listen on port 0, read it, close).
 * Another process could take it before the server binds; callers retry on
 * "address already in use".
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('no port from the OS'))));
    });
  });
}

/** Result of {@link runScript}: exit code plus captured stdout/stderr. */
export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a bash script, echoing its stderr (build progress) to ours unless
 * `echoStderr` is false, while also capturing it, so a failure message can
 * quote it. Never rejects for a non-zero exit: the caller decides.
 */
export function runScript(
  script: string,
  args: string[],
  timeoutMs: number,
  env: Record<string, string> = {},
  echoStderr = true,
): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const child = spawn('bash', [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (echoStderr) process.stderr.write(d);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}${err.message}\n` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const note = signal ? `killed by ${signal} (timeout ${timeoutMs} ms?)\n` : '';
      resolve({ code: code ?? 1, stdout, stderr: stderr + note });
    });
  });
}

/**
 * Spawns a long-running server with stdout+stderr going to `logFile`.
 * unref(): the child must not keep jest's main process alive; globalTeardown
 * stops it. It stays in jest's process group, so Ctrl-C stops it too.
 */
export function spawnServer(command: string, args: string[], logFile: string): ChildProcess {
  const fd = fs.openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { stdio: ['ignore', fd, fd] });
    child.on('error', (err) => fs.appendFileSync(logFile, `spawn ${command} failed: ${err.message}\n`));
    child.unref();
    return child;
  } finally {
    fs.closeSync(fd); // the child has its own copy
  }
}

/** True while `child` has neither exited nor failed to spawn. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.pid !== undefined;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The last `lines` lines of a file, or a note when it cannot be read. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch (err) {
    return `(cannot read ${file}: ${(err as Error).message})`;
  }
}
