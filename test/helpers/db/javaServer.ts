/**
 * mongo-java-server (in-memory backend): the fallback test database, used only
 * when FerretDB cannot be built or started (or when TEST_DB=java forces it).
 * tools/mongo-java-server/build.sh fetches the jars from Maven Central and
 * compiles Launcher.java; both are cached in .cache/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JAVA_SERVER_BUILD_SCRIPT, JAVA_SERVER_DIR } from './config';
import { waitForServer } from './probe';
import { freePort, isRunning, runScript, spawnServer, stopProcess, tail } from './process';
import { retryOnPortClash, type TestDbServer } from './server';

const BUILD_TIMEOUT_MS = 10 * 60_000;
const START_TIMEOUT_MS = 60_000;

/** The mongo-java-server version pinned in tools/mongo-java-server/pom.xml. */
export function javaServerVersion(): string {
  const pom = fs.readFileSync(path.join(JAVA_SERVER_DIR, 'pom.xml'), 'utf8');
  const m = /<mongo-java-server\.version>([^<]+)</.exec(pom);
  return m?.[1] ?? 'unknown';
}

/** Fetches/compiles if needed; returns the classpath printed by build.sh. */
export async function ensureJavaServer(): Promise<string> {
  const res = await runScript(JAVA_SERVER_BUILD_SCRIPT, [], BUILD_TIMEOUT_MS);
  const classpath = res.stdout.trim().split('\n').pop() ?? '';
  if (res.code !== 0 || classpath === '') {
    const last = res.stderr.trimEnd().split('\n').slice(-15).join('\n');
    throw new Error(`tools/mongo-java-server/build.sh failed (exit ${res.code}):\n${last}`);
  }
  return classpath;
}

/**
 * Builds if needed, then starts the launcher and waits until it answers `ping`.
 * `pickPort` is replaceable so the port-clash retry can be exercised.
 */
export async function startJavaServer(pickPort: () => Promise<number> = freePort): Promise<TestDbServer> {
  const classpath = await ensureJavaServer();
  return retryOnPortClash(pickPort, (port) => startOnPort(classpath, port));
}

async function startOnPort(classpath: string, port: number): Promise<TestDbServer> {
  const tempDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'testdb-java-'));
  const logFile = path.join(tempDir, 'mongo-java-server.log');
  const uri = `mongodb://127.0.0.1:${port}/`;
  const child = spawnServer(
    'java',
    [
      // Fast start and a small footprint matter more than peak speed here.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-cp',
      classpath,
      'Launcher',
      '127.0.0.1',
      String(port),
      // The launcher exits when this process is gone: no orphan after a crash.
      String(process.pid),
    ],
    logFile,
  );
  try {
    const info = await waitForServer(uri, START_TIMEOUT_MS, {
      alive: () => isRunning(child),
      pid: child.pid,
    });
    return {
      kind: 'java',
      description: `mongo-java-server ${javaServerVersion()} (in-memory backend, reports MongoDB ${info.version})`,
      uri,
      child,
      tempDir,
    };
  } catch (err) {
    await stopProcess(child);
    const log = tail(logFile);
    await fs.promises.rm(tempDir, { recursive: true, force: true });
    throw new Error(
      `mongo-java-server did not start: ${(err as Error).message}\n--- server log (tail) ---\n${log}`,
      { cause: err },
    );
  }
}
