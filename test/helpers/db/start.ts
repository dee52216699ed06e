/**
 * Picks the test database: MONGODB_URI if set, else FerretDB, else
 * mongo-java-server; TEST_DB=ferretdb|java forces one. Never skips silently:
 * when nothing works the error says what to install.
 */
import { testDbChoice, type TestDbChoice } from './config';
import { startFerretDb } from './ferretdb';
import { startJavaServer } from './javaServer';
import { probe } from './probe';
import type { TestDbServer } from './server';

/** Hides a password in a connection string before it is printed. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

async function useExternal(uri: string): Promise<TestDbServer> {
  try {
    const info = await probe(uri, 10_000);
    const description = info.ferretdbVersion
      ? `FerretDB ${info.ferretdbVersion} (reports MongoDB ${info.version}; from MONGODB_URI)`
      : `MongoDB ${info.version} (from MONGODB_URI)`;
    return { kind: 'external', description, uri };
  } catch (err) {
    throw new Error(
      `MONGODB_URI is set (${redactUri(uri)}) but that server does not answer ping/buildInfo: ` +
        `${(err as Error).message}. Start it, or unset MONGODB_URI to let the tests start FerretDB.`,
    );
  }
}

const HOW_TO_FIX = [
  'To run the integration tests, do one of:',
  '  - install Go >= 1.24 (official release; Debian\'s golang-go is too old), so that',
  '    tools/ferretdb/build.sh can build FerretDB v1.24.2 from the Go module proxy;',
  '  - install a JDK >= 17 and Maven (Debian: apt-get install -y openjdk-17-jdk-headless maven)',
  '    for the mongo-java-server fallback (tools/mongo-java-server/build.sh);',
  '  - set MONGODB_URI=mongodb://HOST:PORT/ to a running MongoDB.',
].join('\n');

/** Builds the "nothing could be started" error from each attempt's reason. */
export function noServerError(choice: TestDbChoice, failures: string[]): Error {
  const forced = choice === 'auto' ? '' : ` (TEST_DB=${choice} forces it)`;
  return new Error(
    `No test database could be started${forced}.\n${failures.join('\n\n')}\n\n${HOW_TO_FIX}`,
  );
}

/** Starts (or finds) the test database; see the file comment for the order. */
export async function startTestDb(env: NodeJS.ProcessEnv = process.env): Promise<TestDbServer> {
  const external = env.MONGODB_URI?.trim();
  if (external) return useExternal(external);

  const choice = testDbChoice(env);
  const failures: string[] = [];
  if (choice !== 'java') {
    try {
      return await startFerretDb();
    } catch (err) {
      failures.push(`FerretDB: ${(err as Error).message}`);
    }
  }
  if (choice !== 'ferretdb') {
    if (failures.length > 0) {
      // Not silent: the run goes on with the fallback, but says why.
      console.warn(`test database: FerretDB unavailable, trying mongo-java-server.\n${failures[0]}`);
    }
    try {
      return await startJavaServer();
    } catch (err) {
      failures.push(`mongo-java-server: ${(err as Error).message}`);
    }
  }
  throw noServerError(choice, failures);
}
