/**
 * A FerretDB of a test's own, apart from the shared test database, that the
 * test may stop, SIGKILL and start again on the same port and data directory:
 * for store-outage and durability tests. Same binary and flags as
 * test/helpers/db/ferretdb.ts (built by tools/ferretdb/build.sh).
 */
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureFerretDbBinary } from './db/ferretdb';
import { waitForServer } from './db/probe';
import { freePort, isRunning, spawnServer, stopProcess, tail } from './db/process';

const START_TIMEOUT_MS = 30_000;

/** A FerretDB process, its port and data directory; see {@link startFerretDbInstance}. */
export interface FerretDbInstance {
  /** `mongodb://127.0.0.1:PORT/`: the same for every start of this instance. */
  readonly uri: string;
  readonly port: number;
  /** The SQLite files: kept across restarts, removed by {@link remove}. */
  readonly dataDir: string;
  /** True while the current process runs. */
  running(): boolean;
  /** Ends the current process with `signal` (SIGKILL: no chance to flush anything) and waits for its exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM, as an operator would stop it. */
  stop(): Promise<void>;
  /** Starts a new process on the same port and data; resolves once it answers `ping`. */
  restart(): Promise<void>;
  /** Stops the process if it runs, and deletes the data directory. */
  remove(): Promise<void>;
  /** The tail of the server's log, for failure messages. */
  log(): string;
}

/**
 * Builds FerretDB if needed and starts it on a free loopback port with a new
 * data directory; resolves once it answers `ping`.
 */
export async function startFerretDbInstance(): Promise<FerretDbInstance> {
  const binary = await ensureFerretDbBinary();
  const tempDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'reliability-ferretdb-'));
  const dataDir = path.join(tempDir, 'data');
  await fs.promises.mkdir(dataDir);
  const logFile = path.join(tempDir, 'ferretdb.log');
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const started = spawnServer(
      binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${dataDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${tempDir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      logFile,
    );
    child = started;
    try {
      await waitForServer(uri, START_TIMEOUT_MS, { alive: () => isRunning(started), pid: started.pid });
    } catch (error) {
      await stopProcess(started);
      throw new Error(`FerretDB did not start on port ${port}: ${(error as Error).message}\n--- log ---\n${tail(logFile)}`, { cause: error });
    }
  };
  const exit = async (signal: NodeJS.Signals): Promise<void> => {
    const current = child;
    if (current === undefined || !isRunning(current)) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill(signal);
    await exited;
  };

  await start();
  return {
    uri,
    port,
    dataDir,
    running: () => child !== undefined && isRunning(child),
    kill: exit,
    stop: () => exit('SIGTERM'),
    restart: async () => {
      await exit('SIGTERM');
      await start();
    },
    remove: async () => {
      if (child !== undefined) await stopProcess(child);
      await fs.promises.rm(tempDir, { recursive: true, force: true });
    },
    log: () => tail(logFile),
  };
}
