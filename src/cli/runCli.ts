import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parsePartition } from '../segments';
import { CliError } from './CliError';
import type { CliIo } from './CliIo';
import { ExitCode } from './ExitCode';
import { type IngestCommand, runIngest } from './runIngest';
import { DEMO_DATASETS, type DemoDatasetId, runSeed, type SeedCommand } from './runSeed';
import { runSegmentsEvaluate, type SegmentsEvaluateCommand } from './runSegments';

/** `profile-gateway --help`. */
export const USAGE = `Usage: profile-gateway <command> [options]

Commands:
  ingest --dataset ID [--rejected-out FILE] [--quiet] FILE|-
      Streams an NDJSON file (one XDM record per line; - reads stdin) into a
      dataset of the MongoDB named by MONGODB_URI and MONGODB_DB. Invalid records
      are rejected and reported; the valid ones are stored. Running it again
      with the same file changes nothing.
        -d, --dataset ID          the dataset to load into, e.g. crm
        --rejected-out FILE       write each rejected record, with why, as NDJSON
        -q, --quiet               no progress on stderr
  seed --profiles N [--first I] [--datasets LIST] [--seed S] [--quiet]
      Seeds N people of the deterministic demo data set (datasets crm, scores
      and web: overlapping identities, conflicting values, shared devices,
      90 days of events) into the MongoDB named by MONGODB_URI. The same N and
      S always give the same records; running it again changes nothing.
        -n, --profiles N          how many people (1 to 10,000,000)
        --first I                 seed only people I to N-1 (default 0), to seed a large set in parts
        --datasets LIST           which datasets, comma-separated, of crm, scores, web, marketing (default all
                                  four); e.g. crm,scores: about 2.2 records per person instead of 10.7
        --seed S                  the generator's seed (default 42)
        -q, --quiet               no progress on stderr
  segments evaluate [--partition I/N] [--quiet]
      Batch segment evaluation: evaluates every segment over every profile of
      the MongoDB named by MONGODB_URI, each identity graph once, and records
      qualifications and exits. --partition I/N evaluates only the I-th of N
      shares of the identity key space, so N workers can run side by side.
      Running it again changes nothing unless the data changed.
        --partition I/N           e.g. 1/4 (1 <= I <= N <= 4096; a worker reads whole buckets of the key space)
        -q, --quiet               no progress on stderr
  help, --help, -h
      Shows this text.

Environment: MONGODB_URI (required), MONGODB_DB (default profile_gateway), and the
gateway's INGEST_* and IDENTITY_* settings (see docs/operations.md, Configuration).

Exit codes: 0 every record accepted, 1 some rejected, 2 usage or configuration
error, unknown dataset or unreadable file, 3 store failure (safe to re-run),
4 internal error, 130 interrupted.
`;

/**
 * Runs one CLI invocation: parses `args` (without `node` and the script),
 * runs the command, and resolves with the exit code. Errors meant for the
 * user are printed as one line on stderr; nothing here exits the process.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case undefined:
        io.stderr.write(USAGE);
        return ExitCode.usage;
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return ExitCode.ok;
      case 'ingest': {
        const parsed = parseIngest(rest);
        if (parsed === 'help') {
          io.stdout.write(USAGE);
          return ExitCode.ok;
        }
        return await runIngest(parsed, io);
      }
      case 'seed': {
        const parsed = parseSeed(rest);
        if (parsed === 'help') {
          io.stdout.write(USAGE);
          return ExitCode.ok;
        }
        return await runSeed(parsed, io);
      }
      case 'segments': {
        const parsed = parseSegments(rest);
        if (parsed === 'help') {
          io.stdout.write(USAGE);
          return ExitCode.ok;
        }
        return await runSegmentsEvaluate(parsed, io);
      }
      default:
        throw new CliError(ExitCode.usage, `unknown command '${command}'; commands: ingest, seed, segments, help`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`profile-gateway: ${error.message}\n`);
      if (error.exitCode === ExitCode.usage && error.message.startsWith('usage:')) io.stderr.write('run profile-gateway --help for the commands and options\n');
      return error.exitCode;
    }
    io.stderr.write(`profile-gateway: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.internal;
  }
}

function parseIngest(args: readonly string[]): IngestCommand | 'help' {
  const parsed = parseOptions({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      dataset: { type: 'string', short: 'd' },
      'rejected-out': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  if (values.dataset === undefined || values.dataset === '') throw new CliError(ExitCode.usage, 'usage: ingest needs --dataset ID');
  if (positionals.length !== 1) {
    throw new CliError(ExitCode.usage, `usage: ingest takes one input, a file or - for stdin; got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`);
  }
  return { datasetId: values.dataset, input: positionals[0]!, rejectedOut: values['rejected-out'] ?? null, quiet: values.quiet === true };
}

function parseSeed(args: readonly string[]): SeedCommand | 'help' {
  const parsed = parseOptions({
    args: [...args],
    allowPositionals: false,
    strict: true,
    options: {
      profiles: { type: 'string', short: 'n' },
      first: { type: 'string', default: '0' },
      datasets: { type: 'string' },
      seed: { type: 'string', default: '42' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const { values } = parsed;
  if (values.help === true) return 'help';
  const profiles = Number(values.profiles);
  if (values.profiles === undefined || !Number.isInteger(profiles) || profiles < 1 || profiles > 10_000_000) {
    throw new CliError(ExitCode.usage, `usage: seed needs --profiles N, a whole number from 1 to 10000000; got ${JSON.stringify(values.profiles ?? null)}`);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new CliError(ExitCode.usage, `usage: --seed must be a whole number, got ${JSON.stringify(values.seed)}`);
  const first = Number(values.first);
  if (values.first === '' || !Number.isInteger(first) || first < 0 || first >= profiles) {
    throw new CliError(ExitCode.usage, `usage: --first must be a whole number from 0 to ${profiles - 1} (less than --profiles); got ${JSON.stringify(values.first)}`);
  }
  return { profiles, first, datasets: parseSeedDatasets(values.datasets), seed, quiet: values.quiet === true };
}

/** `--datasets crm,scores`: known demo datasets, each once, in the demo's order; all three when absent. */
function parseSeedDatasets(value: string | undefined): readonly DemoDatasetId[] {
  if (value === undefined) return DEMO_DATASETS;
  const named = value.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => !(DEMO_DATASETS as readonly string[]).includes(name));
  if (named.length === 0 || unknown.length > 0 || new Set(named).size !== named.length) {
    throw new CliError(
      ExitCode.usage,
      `usage: --datasets takes a comma-separated list of distinct demo datasets (${DEMO_DATASETS.join(', ')}); got ${JSON.stringify(value)}`,
    );
  }
  return DEMO_DATASETS.filter((datasetId) => named.includes(datasetId));
}

function parseSegments(args: readonly string[]): SegmentsEvaluateCommand | 'help' {
  const [subcommand, ...rest] = args;
  if (subcommand === '--help' || subcommand === '-h') return 'help';
  if (subcommand !== 'evaluate') throw new CliError(ExitCode.usage, `usage: segments takes the subcommand evaluate; got ${subcommand === undefined ? 'none' : JSON.stringify(subcommand)}`);
  const parsed = parseOptions({
    args: [...rest],
    allowPositionals: false,
    strict: true,
    options: {
      partition: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const { values } = parsed;
  if (values.help === true) return 'help';
  let partition = null;
  if (values.partition !== undefined) {
    try {
      partition = parsePartition(values.partition);
    } catch (error) {
      throw new CliError(ExitCode.usage, `usage: --partition: ${(error as Error).message}`);
    }
  }
  return { partition, quiet: values.quiet === true };
}

/** node:util parseArgs, its complaints (unknown option, missing value) turned into usage errors. */
function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new CliError(ExitCode.usage, `usage: ${(error as Error).message}`);
  }
}
