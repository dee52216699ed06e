/**
 * FerretDB v1.24.2 with the SQLite backend: the default test database.
 * Built from the Go module proxy by tools/ferretdb/build.sh (cached in .cache/),
 * started per test run on a free loopback port with its data in a temp dir.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FERRETDB_BINARY, FERRETDB_BUILD_SCRIPT, FERRETDB_VERSION } from './config';
import { waitForServer } from './probe';
import { freePort, isRunning, runScript, spawnServer, stopProcess, tail } from './process';
import { retryOnPortClash, type TestDbServer } from './server';

/** A first build downloads modules and compiles (~45 s here); allow for slow machines. */
const BUILD_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 30_000;

/**
 * Returns the path of the FerretDB binary, building it first if needed.
 * Always goes through build.sh: it exits at once when the cached binary runs,
 * and it is the one place that knows the build recipe.
 */
export async function ensureFerretDbBinary(): Promise<string> {
  const res = await runScript(FERRETDB_BUILD_SCRIPT, [FERRETDB_BINARY], BUILD_TIMEOUT_MS, {
    FERRETDB_VERSION,
  });
  if (res.code !== 0 || !fs.existsSync(FERRETDB_BINARY)) {
    const last = res.stderr.trimEnd().split('\n').slice(-15).join('\n');
    throw new Error(`tools/ferretdb/build.sh failed (exit ${res.code}):\n${last}`);
  }
  return FERRETDB_BINARY;
}

/**
 * Builds if needed, then starts FerretDB and waits until it answers `ping`.
 * `pickPort` is replaceable so the port-clash retry can be exercised.
 */
export async function startFerretDb(pickPort: () => Promise<number> = freePort): Promise<TestDbServer> {
  const binary = await ensureFerretDbBinary();
  return retryOnPortClash(pickPort, (port) => startOnPort(binary, port));
}

async function startOnPort(binary: string, port: number): Promise<TestDbServer> {
  const tempDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'testdb-ferretdb-'));
  const dataDir = path.join(tempDir, 'data');
  await fs.promises.mkdir(dataDir);
  const logFile = path.join(tempDir, 'ferretdb.log');
  const uri = `mongodb://127.0.0.1:${port}/`;
  const child = spawnServer(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`, // a directory: one SQLite file per database
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${tempDir}`,
      '--debug-addr=-', // no HTTP debug listener (it would need a second port)
      '--telemetry=disable', // no network calls home, no prompt
      '--log-level=warn',
    ],
    logFile,
  );
  try {
    const info = await waitForServer(uri, START_TIMEOUT_MS, {
      alive: () => isRunning(child),
      pid: child.pid,
    });
    const version = info.ferretdbVersion ?? `unknown (buildInfo has no ferretdbVersion)`;
    return {
      kind: 'ferretdb',
      description: `FerretDB ${version} (SQLite backend, reports MongoDB ${info.version})`,
      uri,
      child,
      tempDir,
    };
  } catch (err) {
    await stopProcess(child);
    const log = tail(logFile);
    await fs.promises.rm(tempDir, { recursive: true, force: true });
    throw new Error(`FerretDB did not start: ${(err as Error).message}\n--- ferretdb log (tail) ---\n${log}`, { cause: err });
  }
}
