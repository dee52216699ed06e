/**
 * DocumentDB (PostgreSQL 15 + the documentdb extension + its Rust wire
 * gateway): the default test database, indexed like MongoDB.
 * tools/documentdb/build.sh builds it from ../shared/vendor (cached by source
 * hash outside the clone) and installs the extension into the system's
 * PostgreSQL 15; tools/documentdb/cluster.sh starts a throw-away cluster in a
 * temp dir on free loopback ports. Both are the same scripts `npm run testdb`
 * uses; this file only drives them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOCUMENTDB_BUILD_SCRIPT, DOCUMENTDB_CLUSTER_SCRIPT } from './config';
import { runScript, tail } from './process';
import type { TestDbServer } from './server';

/** A cold build (C extension + cargo build --release) took 4–11 min on 2 busy cores. */
const BUILD_TIMEOUT_MS = 45 * 60_000;
/** A start takes ~4 s; initdb and the extension can be slow on a loaded machine. */
const SCRIPT_TIMEOUT_MS = 5 * 60_000;

/** What cluster.sh writes to DIR/cluster.json. */
export interface DocumentDbClusterInfo {
  uri: string;
  user: string;
  postgresPort: number;
  gatewayPort: number;
  /** fsync, synchronous_commit and full_page_writes on (true) or off. */
  durable: boolean;
  /** "fsync on" | "fsync off" */
  settings: string;
  documentdbVersion: string;
  postgresVersion: string;
  /** buildInfo.version as the gateway answers it (e.g. 7.0.0). */
  reportedMongoVersion: string;
  gateway: string;
  postgresLog: string;
  gatewayLog: string;
}

/** A cluster of ours; see {@link startDocumentDbCluster}. */
export interface DocumentDbCluster {
  /** Its directory (data, logs, state); removed by {@link remove}. */
  readonly dir: string;
  /** `mongodb://USER:PASS@127.0.0.1:PORT/?authMechanism=SCRAM-SHA-256&directConnection=true` */
  readonly uri: string;
  readonly info: DocumentDbClusterInfo;
  /** e.g. `DocumentDB 0.106-0 (PostgreSQL 15.20, fsync off; reports MongoDB 7.0.0)` */
  readonly description: string;
  /** Stops gateway and PostgreSQL as an operator would (SIGTERM, pg_ctl -m fast); data and ports are kept. */
  halt(): Promise<void>;
  /** SIGKILL of the gateway and of every PostgreSQL process: a crash. Data and ports are kept. */
  kill(): Promise<void>;
  /** Starts both again on the same ports and data; resolves once an authenticated ping answers. */
  resume(): Promise<void>;
  /** Stops both and removes the directory. */
  remove(): Promise<void>;
  /** The tails of the gateway and PostgreSQL logs, for failure messages. */
  log(): string;
}

export interface DocumentDbOptions {
  /** fsync, synchronous_commit and full_page_writes on (default: off, or DOCUMENTDB_DURABLE=1). */
  durable?: boolean;
  /** PostgreSQL shared_buffers (cluster.sh default: 1GB). */
  sharedBuffers?: string;
  /** Temp dir name prefix, e.g. `testdb-documentdb-`. */
  prefix?: string;
  /** Echo cluster.sh's progress on our stderr (default true). */
  echo?: boolean;
}

function lastLines(text: string, n = 40): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/**
 * Returns the gateway binary's path, building DocumentDB first if needed.
 * Always goes through build.sh: it returns at once from its cache, and it is
 * the one place that knows the recipe (and installs the extension files).
 */
export async function ensureDocumentDbGateway(): Promise<string> {
  const res = await runScript(DOCUMENTDB_BUILD_SCRIPT, [], BUILD_TIMEOUT_MS);
  const gateway = res.stdout.trim().split('\n').pop() ?? '';
  if (res.code !== 0 || gateway === '' || !fs.existsSync(gateway)) {
    throw new Error(`tools/documentdb/build.sh failed (exit ${res.code}):\n${lastLines(res.stderr, 20)}`);
  }
  return gateway;
}

async function cluster(command: string, args: string[], echo: boolean): Promise<string> {
  const res = await runScript(DOCUMENTDB_CLUSTER_SCRIPT, [command, ...args], SCRIPT_TIMEOUT_MS, {}, echo);
  if (res.code !== 0) {
    // cluster.sh's errors already carry the tail of the log concerned.
    throw new Error(`tools/documentdb/cluster.sh ${command} failed (exit ${res.code}):\n${lastLines(res.stderr)}`);
  }
  return res.stdout;
}

/** The description tests and logs print, from cluster.sh's state. */
export function describeDocumentDb(info: DocumentDbClusterInfo): string {
  return `DocumentDB ${info.documentdbVersion} (PostgreSQL ${info.postgresVersion}, ${info.settings}; reports MongoDB ${info.reportedMongoVersion})`;
}

/**
 * Builds if needed, then starts a cluster in a new temp dir; it stops and
 * removes itself if this process dies before calling {@link DocumentDbCluster.remove}
 * (cluster.sh --owner-pid).
 */
export async function startDocumentDbCluster(options: DocumentDbOptions = {}): Promise<DocumentDbCluster> {
  const echo = options.echo ?? true;
  const gateway = await ensureDocumentDbGateway();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), options.prefix ?? 'testdb-documentdb-'));
  const args = [dir, '--gateway', gateway, '--owner-pid', String(process.pid)];
  if (options.durable === true) args.push('--durable');
  if (options.sharedBuffers !== undefined) args.push('--shared-buffers', options.sharedBuffers);
  let info: DocumentDbClusterInfo;
  try {
    // cluster.sh picks free ports itself and retries on a clash; its last stdout line is the URI.
    const out = await cluster('start', args, echo);
    if (!/^MONGODB_URI=/m.test(out)) throw new Error(`cluster.sh start printed no MONGODB_URI:\n${out}`);
    info = JSON.parse(await fs.promises.readFile(path.join(dir, 'cluster.json'), 'utf8')) as DocumentDbClusterInfo;
  } catch (err) {
    await runScript(DOCUMENTDB_CLUSTER_SCRIPT, ['stop', dir], SCRIPT_TIMEOUT_MS, {}, false);
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw new Error(`DocumentDB did not start: ${(err as Error).message}`, { cause: err });
  }
  return {
    dir,
    uri: info.uri,
    info,
    description: describeDocumentDb(info),
    halt: async () => void (await cluster('halt', [dir], false)),
    kill: async () => void (await cluster('kill', [dir], false)),
    resume: async () => void (await cluster('resume', [dir], false)),
    remove: async () => {
      await cluster('stop', [dir], false);
      await fs.promises.rm(dir, { recursive: true, force: true });
    },
    log: () =>
      `--- gateway log (tail) ---\n${tail(info.gatewayLog)}\n--- PostgreSQL log (tail) ---\n${tail(info.postgresLog)}`,
  };
}

/** The shared test database of a run: one cluster, fsync off unless DOCUMENTDB_DURABLE=1. */
export async function startDocumentDb(): Promise<TestDbServer> {
  const started = await startDocumentDbCluster();
  return {
    kind: 'documentdb',
    description: started.description,
    uri: started.uri,
    tempDir: started.dir,
    stop: () => started.remove(),
  };
}
