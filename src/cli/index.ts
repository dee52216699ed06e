/** The command line (`profile-gateway`): the ingest command over the same pipeline as the gateway. */
export { CliError } from './CliError';
export type { CliIo } from './CliIo';
export { ExitCode } from './ExitCode';
export { type IngestCommand, runIngest } from './runIngest';
export { runCli, USAGE } from './runCli';
