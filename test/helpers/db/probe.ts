/**
 * Talks to a freshly started server: wait until it answers `ping`, then ask
 * `buildInfo` who it is (the test log must name the server and version used)
 * and `serverStatus` which process it is (to be sure it is the one we started).
 */
import { MongoClient, type Document } from 'mongodb';

/** What the server says about itself. */
export interface ServerIdentity {
  /** buildInfo.version: the MongoDB version the server reports. */
  version: string;
  /** buildInfo.ferretdbVersion: only FerretDB sends it. */
  ferretdbVersion?: string;
  /** serverStatus.pid, when the server reports it and we may ask. */
  pid?: number;
}

function toIdentity(buildInfo: Document, status: Document | undefined): ServerIdentity {
  const id: ServerIdentity = {
    version: typeof buildInfo.version === 'string' ? buildInfo.version : 'unknown',
  };
  if (typeof buildInfo.ferretdbVersion === 'string') id.ferretdbVersion = buildInfo.ferretdbVersion;
  // The driver may decode the pid as a number or a Long-like; accept plain numbers only.
  if (typeof status?.pid === 'number') id.pid = status.pid;
  return id;
}

/** One connection attempt: ping, buildInfo, serverStatus. Throws the driver's error on failure. */
export async function probe(uri: string, timeoutMs: number): Promise<ServerIdentity> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await client.connect();
    const admin = client.db('admin');
    await admin.command({ ping: 1 });
    const buildInfo = await admin.command({ buildInfo: 1 });
    // Optional: a real MongoDB may refuse serverStatus to an unprivileged user.
    const status = await admin.command({ serverStatus: 1 }).catch(() => undefined);
    return toIdentity(buildInfo, status);
  } finally {
    await client.close();
  }
}

/** How {@link waitForServer} tells that the answering server is the child we started. */
export interface OwnServer {
  /** False once the child process has exited: stop waiting at once. */
  alive(): boolean;
  /** The child's pid, compared with serverStatus.pid. */
  pid: number | undefined;
}

/**
 * Polls {@link probe} until it succeeds or `timeoutMs` passes. If the answer
 * comes from another process (our child lost the port to it and is about to
 * exit), fails with "address already in use" so the caller retries elsewhere:
 * a test run must never write into somebody else's database.
 */
export async function waitForServer(uri: string, timeoutMs: number, own: OwnServer): Promise<ServerIdentity> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!own.alive()) throw new Error(`server process exited before answering at ${uri}`);
    let id: ServerIdentity | undefined;
    try {
      id = await probe(uri, 1000);
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    if (id.pid !== undefined && own.pid !== undefined && id.pid !== own.pid) {
      throw new Error(`address already in use: pid ${id.pid}, not ours (${own.pid}), answers at ${uri}`);
    }
    return id;
  }
  const why = last instanceof Error ? last.message : String(last);
  throw new Error(`no answer to ping at ${uri} within ${timeoutMs} ms (last error: ${why})`);
}
