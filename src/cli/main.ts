/**
 * `profile-gateway` (bin/profile-gateway.js): the command-line entry. The one
 * place of the CLI that touches `process`: it hands over argv, the standard
 * streams and the environment, turns the first Ctrl-C into a graceful stop,
 * and sets the exit code.
 */
import { runCli } from './runCli';

const interrupt = new AbortController();
// The first Ctrl-C stops reading and lets the run store what it read and report; a second one kills.
process.once('SIGINT', () => interrupt.abort());

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, signal: interrupt.signal }).then(
  (code) => {
    // exitCode, not exit(): stdout and stderr are flushed before the process ends.
    process.exitCode = code;
    process.removeAllListeners('SIGINT');
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 4;
  },
);
