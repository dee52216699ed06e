/** The description of a running test database, shared by setup and teardown. */
import type { ChildProcess } from 'node:child_process';

/** Which kind of server answers at `uri`. */
export type TestDbKind = 'documentdb' | 'ferretdb' | 'java' | 'external';

/**
 * A server the tests can use. `child`/`tempDir`/`stop` are set only for
 * servers we started; whoever ends the run calls `stop` when it is set
 * (DocumentDB runs detached, as no child of ours), else stops `child`.
 */
export interface TestDbServer {
  kind: TestDbKind;
  /** Human-readable name and version, from the server's own buildInfo. */
  description: string;
  /** Connection string without a database name, e.g. mongodb://127.0.0.1:PORT/ */
  uri: string;
  child?: ChildProcess;
  /** Scratch directory (data, log); removed by teardown. */
  tempDir?: string;
  /** Stops the server and removes its data (servers that are not our child process). */
  stop?: () => Promise<void>;
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
