/**
 * A DocumentDB cluster of a test's own, apart from the shared test database,
 * that the test may stop, crash (SIGKILL) and start again on the same ports
 * and data: for store-outage and durability tests. Same build and scripts as
 * the shared one (test/helpers/db/documentdb.ts, tools/documentdb/cluster.sh).
 *
 * "The server" is both processes a client depends on: the wire gateway and
 * PostgreSQL (postmaster and every backend). Whether committed data survives
 * a crash depends on the fsync setting, so the caller chooses it and tests
 * name it: `durable: true` turns fsync, synchronous_commit and
 * full_page_writes on; off (the default), a crash of PostgreSQL loses the
 * commits of the last fraction of a second.
 */
import { type DocumentDbCluster, startDocumentDbCluster } from './db/documentdb';

/** A DocumentDB cluster of a test's own; see {@link startDocumentDbInstance}. */
export interface DocumentDbInstance {
  /** The same for every start of this instance (ports and credentials are kept). */
  readonly uri: string;
  /** e.g. `DocumentDB 0.106-0 (PostgreSQL 15.20, fsync on; reports MongoDB 7.0.0)` */
  readonly description: string;
  /** fsync, synchronous_commit and full_page_writes are on. */
  readonly durable: boolean;
  /** SIGKILL of the gateway and of every PostgreSQL process at once: a crash, no chance to flush anything. */
  kill(): Promise<void>;
  /** Stops gateway and PostgreSQL as an operator would (SIGTERM, `pg_ctl stop -m fast`). */
  stop(): Promise<void>;
  /** Stops what still runs, then starts both again on the same ports and data; resolves once they answer. */
  restart(): Promise<void>;
  /** Stops both if they run, and deletes the data. */
  remove(): Promise<void>;
  /** The tails of the gateway and PostgreSQL logs, for failure messages. */
  log(): string;
}

export interface DocumentDbInstanceOptions {
  /** fsync, synchronous_commit and full_page_writes on. */
  durable: boolean;
}

/**
 * Builds DocumentDB if needed and starts a cluster on free loopback ports in
 * a new temp dir; resolves once an authenticated ping answers.
 */
export async function startDocumentDbInstance(options: DocumentDbInstanceOptions): Promise<DocumentDbInstance> {
  const cluster: DocumentDbCluster = await startDocumentDbCluster({
    durable: options.durable,
    // A few thousand documents: the benchmark-sized default (1GB) is not needed.
    sharedBuffers: '256MB',
    prefix: 'reliability-documentdb-',
    echo: false,
  });
  if (cluster.info.durable !== options.durable) {
    // DOCUMENTDB_DURABLE=1 in the environment forces durability on.
    await cluster.remove();
    throw new Error(`asked for a cluster with durable=${options.durable}, got ${cluster.description}`);
  }
  return {
    uri: cluster.uri,
    description: cluster.description,
    durable: cluster.info.durable,
    kill: () => cluster.kill(),
    stop: () => cluster.halt(),
    restart: async () => {
      await cluster.halt();
      await cluster.resume();
    },
    remove: () => cluster.remove(),
    log: () => cluster.log(),
  };
}
