/** The description of a running test database, shared by setup and teardown. */
import type { ChildProcess } from 'node:child_process';

/** Which kind of server answers at `uri`. */
export type TestDbKind = 'ferretdb' | 'java' | 'external';

/** A server the tests can use. `child`/`tempDir` are set only for servers we started. */
export interface TestDbServer {
  kind: TestDbKind;
  /** Human-readable name and version, from the server's own buildInfo. */
  description: string;
  /** Connection string without a database name, e.g. mongodb://127.0.0.1:PORT/ */
  uri: string;
  child?: ChildProcess;
  /** Scratch directory (data, log); removed by teardown. */
  tempDir?: string;
}

/** Starts a server on the given port, or throws; used with {@link retryOnPortClash}. */
export type StartOnPort = (port: number) => Promise<TestDbServer>;

const PORT_CLASH = /address already in use/i;

/**
 * The free port we picked can be taken by someone else before the server
 * binds it. Retry such clashes with a new port a few times; rethrow other errors.
 */
export async function retryOnPortClash(
  pickPort: () => Promise<number>,
  start: StartOnPort,
  attempts = 3,
): Promise<TestDbServer> {
  for (let i = 1; ; i++) {
    try {
      return await start(await pickPort());
    } catch (err) {
      if (i >= attempts || !PORT_CLASH.test((err as Error).message)) throw err;
    }
  }
}
