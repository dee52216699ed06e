#!/usr/bin/env node
/**
 * Waits until the DocumentDB gateway at DOCUMENTDB_URI answers an
 * authenticated `ping`, then prints `{"version": "<buildInfo.version>"}` on
 * stdout. Used by cluster.sh; the mongodb driver comes from the repository's
 * node_modules (run `npm ci` first).
 *
 * Usage: DOCUMENTDB_URI=mongodb://USER:PASS@127.0.0.1:PORT/?... \
 *          node tools/documentdb/ping.cjs [--timeout-ms N] [--pid PID]
 *
 * The credentials are generated per cluster, so an answer proves that the
 * server on that port is ours: another server that took the port first
 * cannot authenticate them. With --pid, stops waiting as soon as that
 * process (the gateway) is gone.
 *
 * Exit codes: 0 answered; 2 usage or no driver; 3 the --pid process exited;
 * 4 no answer within the timeout (the last error on stderr).
 */
'use strict';
const path = require('node:path');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const uri = process.env.DOCUMENTDB_URI;
const timeoutMs = Number(arg('--timeout-ms', '60000'));
const pid = arg('--pid', undefined) === undefined ? undefined : Number(arg('--pid'));
if (!uri || !Number.isFinite(timeoutMs)) {
  console.error('ping.cjs: set DOCUMENTDB_URI; --timeout-ms must be a number');
  process.exit(2);
}

let MongoClient;
try {
  const root = path.resolve(__dirname, '..', '..');
  ({ MongoClient } = require(require.resolve('mongodb', { paths: [root] })));
} catch (err) {
  console.error(`ping.cjs: cannot load the mongodb driver (run npm ci in the repository): ${err.message}`);
  process.exit(2);
}

/** True while process p runs; a zombie (exited, not yet reaped by its parent) does not count. */
function alive(p) {
  try {
    process.kill(p, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    const stat = require('node:fs').readFileSync(`/proc/${p}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

async function once() {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000 });
  try {
    await client.connect();
    const admin = client.db('admin');
    await admin.command({ ping: 1 });
    const info = await admin.command({ buildInfo: 1 });
    return typeof info.version === 'string' ? info.version : 'unknown';
  } finally {
    await client.close().catch(() => undefined);
  }
}

(async () => {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (pid !== undefined && !alive(pid)) {
      console.error(`ping.cjs: process ${pid} exited before answering`);
      process.exit(3);
    }
    try {
      const version = await once();
      // The port answered with our credentials, but be sure our process is the one still there.
      if (pid !== undefined && !alive(pid)) continue;
      process.stdout.write(`${JSON.stringify({ version })}\n`);
      process.exit(0);
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  console.error(`ping.cjs: no answer within ${timeoutMs} ms (last error: ${last && last.message})`);
  process.exit(4);
})();
