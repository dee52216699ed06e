import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { GatewayServices } from '../graphql';
import { ProfileError } from '../profiles';
import { type BatchProgress, type Partition, SegmentError } from '../segments';
import { StoreError } from '../store';
import { CliError } from './CliError';
import type { CliIo } from './CliIo';
import { ExitCode } from './ExitCode';
import { openServices, storeConfig } from './openCliServices';

/** `profile-gateway segments evaluate`, its arguments checked. */
export interface SegmentsEvaluateCommand {
  /** `--partition i/n`; `null`: the whole key space. */
  readonly partition: Partition | null;
  readonly quiet: boolean;
}

/**
 * Batch segment evaluation of every profile of the MongoDB that
 * `MONGODB_URI` names (or of one partition of its identity keys, so that
 * several workers share the work), with progress on stderr and a summary on
 * stdout. Running it again changes nothing unless the data changed.
 */
export async function runSegmentsEvaluate(command: SegmentsEvaluateCommand, io: CliIo): Promise<ExitCode> {
  const services: GatewayServices = await openServices(storeConfig(io.env));
  const progress = command.quiet ? null : createBatchProgress(io.stderr, io.stderr.isTTY === true);
  const started = Date.now();
  try {
    const catalog = await services.segments.catalog();
    for (const problem of catalog.problems) io.stderr.write(`warning: ${problem.kind} '${problem.id}' is skipped: ${problem.message}\n`);
    const result = await services.segments.evaluateAll({
      ...(command.partition === null ? {} : { partition: command.partition }),
      onProgress: (step) => progress?.update(step),
    });
    progress?.stop();
    const seconds = (Date.now() - started) / 1000;
    const share = command.partition === null ? 'all profiles' : `partition ${command.partition.index + 1}/${command.partition.count}`;
    io.stdout.write(
      [
        `evaluated ${catalog.segments.length} segments over ${share} of ${services.store.description}`,
        `  identity keys read   ${result.keysScanned}`,
        `  profiles evaluated   ${result.profiles}`,
        `  qualified (REALIZED) ${result.realized}`,
        `  exited               ${result.exited}`,
        `  graphs too large     ${result.tooLarge}`,
        `  duration             ${seconds.toFixed(2)} s`,
        `  profiles/s           ${Math.round(result.profiles / Math.max(seconds, 0.001))}`,
        '',
      ].join('\n'),
    );
    for (const [segmentId, message] of result.failures) io.stderr.write(`warning: segment '${segmentId}' failed on some profiles: ${message}\n`);
    return ExitCode.ok;
  } catch (error) {
    progress?.stop();
    if (error instanceof StoreError) {
      throw new CliError(ExitCode.storeFailure, `the store failed: ${error.message}; run the same command again once it is back`, { cause: error });
    }
    if (error instanceof SegmentError || error instanceof ProfileError) throw new CliError(ExitCode.usage, error.message, { cause: error });
    throw error;
  } finally {
    await services.store.close();
  }
}

interface BatchProgressReporter {
  update(progress: BatchProgress): void;
  stop(): void;
}

/** A live bar on a terminal, else a line every 5 s (a log stays readable). */
function createBatchProgress(stream: Writable, terminal: boolean): BatchProgressReporter {
  const started = Date.now();
  const rate = (profiles: number) => Math.round(profiles / Math.max((Date.now() - started) / 1000, 0.001));
  let last: BatchProgress | null = null;
  if (terminal) {
    const bar = new SingleBar(
      { stream, hideCursor: true, format: '{bar} {percentage}% of the key space | {keysScanned} identity keys | {profiles} profiles | {rate} profiles/s | {realized} realized | {exited} exited' },
      Presets.shades_classic,
    );
    bar.start(0, 0, { keysScanned: 0, profiles: 0, rate: 0, realized: 0, exited: 0 });
    const payload = (step: BatchProgress) => ({ keysScanned: step.keysScanned, profiles: step.profiles, rate: rate(step.profiles), realized: step.realized, exited: step.exited });
    return {
      update: (step) => {
        last = step;
        bar.setTotal(step.buckets);
        bar.update(step.bucketsDone, payload(step));
      },
      stop: () => {
        if (last !== null) bar.update(last.bucketsDone, payload(last));
        bar.stop();
      },
    };
  }
  const timer = setInterval(() => {
    if (last === null) return;
    const percent = Math.floor((100 * last.bucketsDone) / Math.max(last.buckets, 1));
    stream.write(
      `progress: ${percent}% of the key space (${last.bucketsDone}/${last.buckets} buckets), ${last.keysScanned} identity keys read, ` +
        `${last.profiles} profiles evaluated (${rate(last.profiles)} profiles/s), ${last.realized} realized, ${last.exited} exited\n`,
    );
  }, 5000);
  timer.unref();
  return {
    update: (step) => {
      last = step;
    },
    stop: () => clearInterval(timer),
  };
}
