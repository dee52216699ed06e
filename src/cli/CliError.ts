import type { ExitCode } from './ExitCode';

/**
 * A failure the CLI explains in one message and ends with a given exit code
 * (a usage error, a missing file, a store that cannot be reached). Printed
 * without a stack trace: it is the user's to fix, not a bug.
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}
