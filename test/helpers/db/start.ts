/**
 * Picks the test database: MONGODB_URI if set, else DocumentDB, else
 * FerretDB, else mongo-java-server (each fallback with a warning saying why);
 * TEST_DB=documentdb|ferretdb|java forces one. Never skips silently: when
 * nothing works the error says what to install.
 */
import { testDbChoice, type TestDbChoice } from './config';
import { startDocumentDb } from './documentdb';
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
        `${(err as Error).message}. Start it, or unset MONGODB_URI to let the tests start DocumentDB.`,
      { cause: err },
    );
  }
}

const HOW_TO_FIX = [
  'To run the integration tests, do one of:',
  '  - run tools/documentdb/build.sh (as root the first time: it installs Debian packages and the',
  '    extension into PostgreSQL 15; it needs rustup\'s cargo >= 1.75 and ../shared/vendor) for DocumentDB;',
  '  - install Go >= 1.24 (official release; Debian\'s golang-go is too old), so that',
  '    tools/ferretdb/build.sh can build FerretDB v1.24.2 from the Go module proxy;',
  '  - install a JDK >= 17 and Maven (Debian: apt-get install -y openjdk-17-jdk-headless maven)',
  '    for the mongo-java-server fallback (tools/mongo-java-server/build.sh);',
  '  - set MONGODB_URI=mongodb://HOST:PORT/ to a running MongoDB (or `npm run testdb -- start`).',
].join('\n');

/** Builds the "nothing could be started" error from each attempt's reason. */
export function noServerError(choice: TestDbChoice, failures: string[]): Error {
  const forced = choice === 'auto' ? '' : ` (TEST_DB=${choice} forces it)`;
  return new Error(
    `No test database could be started${forced}.\n${failures.join('\n\n')}\n\n${HOW_TO_FIX}`,
  );
}

/** The servers this helper can start, by TEST_DB name; replaceable in unit tests. */
export interface TestDbStarters {
  external(uri: string): Promise<TestDbServer>;
  documentdb(): Promise<TestDbServer>;
  ferretdb(): Promise<TestDbServer>;
  java(): Promise<TestDbServer>;
}

const DEFAULT_STARTERS: TestDbStarters = {
  external: useExternal,
  documentdb: () => startDocumentDb(),
  ferretdb: () => startFerretDb(),
  java: () => startJavaServer(),
};

type Startable = Exclude<keyof TestDbStarters, 'external'>;

/** What each TEST_DB value tries, in order. */
export const TEST_DB_ORDER: Readonly<Record<TestDbChoice, readonly Startable[]>> = {
  auto: ['documentdb', 'ferretdb', 'java'],
  documentdb: ['documentdb'],
  ferretdb: ['ferretdb'],
  java: ['java'],
};

const NAMES: Readonly<Record<Startable, string>> = {
  documentdb: 'DocumentDB',
  ferretdb: 'FerretDB',
  java: 'mongo-java-server',
};

/** Starts (or finds) the test database; see the file comment for the order. */
export async function startTestDb(
  env: NodeJS.ProcessEnv = process.env,
  starters: TestDbStarters = DEFAULT_STARTERS,
): Promise<TestDbServer> {
  const external = env.MONGODB_URI?.trim();
  if (external) return starters.external(external);

  const choice = testDbChoice(env);
  const order = TEST_DB_ORDER[choice];
  const failures: string[] = [];
  for (const [i, name] of order.entries()) {
    try {
      return await starters[name]();
    } catch (err) {
      const failure = `${NAMES[name]}: ${(err as Error).message}`;
      failures.push(failure);
      const next = order[i + 1];
      // Not silent: the run goes on with the fallback, but says why.
      if (next !== undefined) {
        console.warn(`test database: ${NAMES[name]} unavailable, trying ${NAMES[next]}.\n${failure}`);
      }
    }
  }
  throw noServerError(choice, failures);
}
