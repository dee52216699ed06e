import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { type GatewayServices } from '../graphql';
import type { GatewayConfig } from '../app';
import { IngestionError, type IngestResult, parseNdjsonLine, readNdjsonLines, type RecordError, UnparsableRecord } from '../ingest';
import { StoreError } from '../store';
import { CliError } from './CliError';
import type { CliIo } from './CliIo';
import { ExitCode } from './ExitCode';
import { openServices, storeConfig } from './openCliServices';
import { createProgressReporter, type ProgressMode } from './ProgressReporter';
import { RejectedOutput } from './RejectedOutput';

/** `profile-gateway ingest`, its arguments checked. */
export interface IngestCommand {
  readonly datasetId: string;
  /** A file path, or `-` for stdin. */
  readonly input: string;
  /** `--rejected-out FILE`, or `null`. */
  readonly rejectedOut: string | null;
  /** `--quiet`: no progress on stderr. */
  readonly quiet: boolean;
}

/** How often progress is printed when stderr is not a terminal. */
const PROGRESS_LINE_EVERY_MS = 5000;
/** Rejections listed on stderr at the end; `--rejected-out` keeps them all. */
const LISTED_REJECTIONS = 10;

/**
 * Streams an NDJSON file (or stdin) into a dataset through the ingestion
 * pipeline, into the MongoDB that `MONGODB_URI` / `MONGODB_DB` name, and
 * prints a summary on stdout. Holds one batch of records at a time, and of
 * the rejected records only the one being reported (see `--rejected-out`).
 * Re-running the same input changes nothing. Resolves with the exit code;
 * throws {@link CliError} for what the user must fix.
 */
export async function runIngest(command: IngestCommand, io: CliIo): Promise<ExitCode> {
  const config = storeConfig(io.env);
  const input = await openInput(command.input, io.stdin);
  let rejectedOut: RejectedOutput | null = null;
  let services: GatewayServices | null = null;
  try {
    rejectedOut = command.rejectedOut === null ? null : await openRejectedOut(command.rejectedOut);
    services = await openServices(config);
    return await ingest(command, io, config, services, input, rejectedOut);
  } finally {
    await input.close();
    await rejectedOut?.close();
    // Streaming segment evaluation still queued must finish while the store is open.
    await services?.streaming.whenIdle();
    await services?.store.close();
  }
}

async function ingest(
  command: IngestCommand,
  io: CliIo,
  config: GatewayConfig,
  services: GatewayServices,
  input: Input,
  rejectedOut: RejectedOutput | null,
): Promise<ExitCode> {
  const maxLineBytes = config.ingest.maxRecordBytes;
  const mode: ProgressMode = command.quiet ? { kind: 'quiet' } : io.stderr.isTTY === true ? { kind: 'bar' } : { kind: 'lines', everyMs: PROGRESS_LINE_EVERY_MS };
  const progress = createProgressReporter(mode, io.stderr, input.size);
  const counts = { records: 0, accepted: 0, rejected: 0, bytes: 0 };
  let interrupted = false;
  /** The record last handed to the pipeline, as read: the pipeline reports a rejection before it reads the next one. */
  let current: { readonly index: number; readonly raw: unknown } | null = null;

  async function* records(): AsyncGenerator<unknown> {
    for await (const line of readNdjsonLines(countBytes(input.stream, counts), maxLineBytes)) {
      if (io.signal?.aborted === true) {
        interrupted = true;
        return;
      }
      const record = parseNdjsonLine(line, maxLineBytes);
      current = { index: counts.records, raw: record instanceof UnparsableRecord ? (line.kind === 'line' ? line.text : null) : record };
      counts.records += 1;
      progress.update(counts);
      yield record;
      current = null;
      await rejectedOut?.drained();
    }
  }

  const started = Date.now();
  let result: IngestResult;
  try {
    result = await services.ingestion.ingest(command.datasetId, records(), {
      onProgress: ({ accepted }) => {
        counts.accepted = accepted;
        progress.update(counts);
      },
      // The CLI lists a few rejections on stderr; --rejected-out keeps every one as it is found.
      maxListedRejections: LISTED_REJECTIONS,
      onRejected: (error: RecordError) => {
        counts.rejected += 1;
        rejectedOut?.write(error, current?.index === error.index ? current.raw : null);
      },
    });
  } catch (error) {
    progress.stop();
    if (error instanceof StoreError) throw new CliError(ExitCode.storeFailure, `the store failed: ${error.message}`, { cause: error });
    if (!(error instanceof IngestionError)) throw error;
    return failed(error, io);
  }
  progress.stop();
  io.stdout.write(summary(command, result, counts.records, Date.now() - started, interrupted));
  listRejections(result, rejectedOut, io);
  if (interrupted) return ExitCode.interrupted;
  return result.rejectedCount === 0 ? ExitCode.ok : ExitCode.rejected;
}

/** The input stream, and its size when it is a file (for the progress bar's percentage). */
interface Input {
  readonly stream: Readable;
  readonly size: number | null;
  close(): Promise<void>;
}

async function openInput(path: string, stdin: Readable): Promise<Input> {
  if (path === '-') return { stream: stdin, size: null, close: async () => undefined };
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CliError(ExitCode.usage, `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new CliError(ExitCode.usage, `cannot read ${path}: not a file`);
  }
  const stream = handle.createReadStream({ autoClose: false });
  return {
    stream,
    size: stat.size,
    close: async () => {
      stream.destroy();
      await handle.close();
    },
  };
}

async function openRejectedOut(path: string): Promise<RejectedOutput> {
  try {
    return await RejectedOutput.open(path);
  } catch (error) {
    throw new CliError(ExitCode.usage, `cannot write --rejected-out ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Passes chunks on, counting their bytes into `counts.bytes` (for the progress bar). */
async function* countBytes(source: AsyncIterable<Uint8Array | string>, counts: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    counts.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    yield chunk;
  }
}

function failed(error: IngestionError, io: CliIo): ExitCode {
  switch (error.code) {
    case 'DATASET_NOT_FOUND':
      throw new CliError(ExitCode.usage, error.message);
    case 'TOO_MANY_RECORDS':
      throw new CliError(ExitCode.usage, error.message);
    case 'INGESTION_INTERRUPTED':
      io.stderr.write(
        `error: ${error.message}\n${error.partial.accepted} records were stored and ${error.partial.rejectedCount} rejected before it stopped; ` +
          `run the same command again once the store is back: records already stored are replaced by themselves\n`,
      );
      return ExitCode.storeFailure;
    default: {
      const unreachable: never = error.code;
      throw new Error(`unknown ingestion error ${String(unreachable)}`);
    }
  }
}

function summary(command: IngestCommand, result: IngestResult, read: number, durationMs: number, interrupted: boolean): string {
  const seconds = durationMs / 1000;
  const source = command.input === '-' ? 'stdin' : command.input;
  const rows = [
    ['records read', String(read)],
    ['accepted', String(result.accepted)],
    ['rejected', String(result.rejectedCount)],
    ['duration', `${seconds.toFixed(2)} s`],
    ['records/s', String(Math.round(read / Math.max(seconds, 0.001)))],
  ];
  return [
    `${interrupted ? 'interrupted: stopped reading' : 'ingested'} ${source} into dataset '${command.datasetId}'`,
    ...rows.map(([name, value]) => `  ${name!.padEnd(14)}${value!}`),
    '',
  ].join('\n');
}

/** The first rejections on stderr, so that a run without `--rejected-out` still says what was wrong. */
function listRejections({ rejected, rejectedCount }: IngestResult, rejectedOut: RejectedOutput | null, io: CliIo): void {
  if (rejectedCount === 0) return;
  const lines = rejected.slice(0, LISTED_REJECTIONS).map(
    (error) => `  record ${error.index}${error.recordId === null ? '' : ` (${error.recordId})`}: ${error.code}${error.path === null ? '' : ` at ${error.path}`}: ${error.message}`,
  );
  if (rejectedCount > lines.length) lines.push(`  … and ${rejectedCount - lines.length} more`);
  lines.push(
    rejectedOut === null
      ? '  (--rejected-out FILE keeps every rejected record with its input)'
      : `  every rejected record, with its input, is in ${rejectedOut.path}`,
  );
  io.stderr.write(`rejected records:\n${lines.join('\n')}\n`);
}
