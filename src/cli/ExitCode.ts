/**
 * The CLI's exit codes; part of its contract (scripts branch on them).
 * - `ok` (0): every record was accepted.
 * - `rejected` (1): the input was read to its end, some records were rejected.
 * - `usage` (2): bad arguments or configuration, unknown dataset, unreadable file.
 * - `storeFailure` (3): the store could not be reached or failed mid-way; what was
 *   stored before stays, and running the same command again is safe.
 * - `internal` (4): a bug; the message says where.
 * - `interrupted` (130): stopped by Ctrl-C after storing what was read.
 */
export const ExitCode = { ok: 0, rejected: 1, usage: 2, storeFailure: 3, internal: 4, interrupted: 130 } as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
