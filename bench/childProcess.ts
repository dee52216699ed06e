import { spawn } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.join(__dirname, '..', 'bin', 'profile-gateway.js');

/** What one CLI run printed, and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** True when the deadline passed and the run was stopped (SIGTERM). */
  readonly stopped: boolean;
}

/**
 * Runs `profile-gateway ARGS` (bin/profile-gateway.js, as a user runs it) in
 * a child process with `env` over this process's environment; stops it with
 * SIGTERM at `deadline` (epoch ms). Never rejects for a non-zero exit: the
 * caller reads `code`.
 */
export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv, deadline = Number.POSITIVE_INFINITY): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // Keep the tail: progress lines every 5 s for as long as the run takes.
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-100_000)));
  let stopped = false;
  const timer = Number.isFinite(deadline)
    ? setTimeout(
        () => {
          stopped = true;
          child.kill('SIGTERM');
        },
        Math.max(0, deadline - Date.now()),
      )
    : null;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (timer !== null) clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000, stopped });
    });
  });
}
