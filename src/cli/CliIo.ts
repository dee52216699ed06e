import type { Readable, Writable } from 'node:stream';

/**
 * What a CLI run talks to. `main.ts` passes the process's own; tests may pass
 * others. Nothing under `src/cli` touches `process` directly but `main.ts`.
 */
export interface CliIo {
  readonly stdin: Readable;
  /** Results: the summary. */
  readonly stdout: Writable;
  /** Progress, warnings and errors. Its `isTTY` chooses a live progress bar over periodic lines. */
  readonly stderr: Writable & { readonly isTTY?: boolean };
  /** The configuration (read by `readConfig`, as the gateway reads it). */
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C: the run stops reading, stores what it read, and reports. */
  readonly signal?: AbortSignal;
}
