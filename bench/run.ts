/**
 * `npm run bench [NAME]`: every benchmark (or the one NAME names), printed as
 * Markdown tables with the machine they ran on. Performance targets live
 * here, never in unit tests. One at a time: they share the machine.
 *
 * - `xdm`: compile and validate the XDM compositions (in process).
 * - `ingest`: the ingestion pipeline against raw `insertMany` on the wire
 *   server, with SEGMENT_STREAMING off and on (goal ≥ 0.6).
 * - `profile`: on the wire server at 10,000 people (CRM and scores, seeded
 *   by the CLI): one lookup against the minimal raw driver calls, p50 and p95
 *   (goal ≤ 1.3×), and store commands of profiles(100) against profiles(1)
 *   (goal: equal). A minute or two.
 * - `scale-wire`: `profile`, then seeds on to BENCH_SCALE_PROFILES (default
 *   1,000,000) people in the same database, within BENCH_SCALE_SEED_SECONDS
 *   (default 3,600): lookup latency against 10,000 (goal ≤ 1.3×, single-digit
 *   ms), then `profile-gateway segments evaluate` over all of it within
 *   BENCH_SCALE_EVALUATE_SECONDS (default 1,800). At most those budgets plus
 *   a few minutes. With BENCH_SCALE_SEEDED=DB:PEOPLE it seeds nothing more and
 *   measures lookups in that already seeded database against the 10,000, in
 *   alternating rounds (minutes).
 * - `throughput`: HTTP lookups against `{ __typename }`, embedded store.
 * - `scale`: lookup latency at 10,000 and 1,000,000 people, embedded store.
 * - `segments`: batch evaluation against reading every profile, embedded store
 *   then the wire server.
 * - `big-graph`: `profiles` of 100 identities of one 50-identity graph with
 *   5,000 events (1 and 5 aliases), embedded store over HTTP, and the slowest
 *   `/healthz` answer meanwhile. Under a minute.
 * - `load`: the mixed loopback load (autocannon) against a gateway process
 *   with the embedded store and BENCH_LOAD_PROFILES (default 100,000) people.
 *
 * The wire server is MONGODB_URI when set, else the test server
 * (test/helpers/db: DocumentDB; TEST_DB chooses). Without NAME every one runs
 * except `scale-wire` (its `profile` part runs): hours at its defaults.
 */
import { cpus, totalmem } from 'node:os';
import { benchBigGraph } from './bigGraph.bench';
import { benchIngest } from './ingest.bench';
import { benchLoad } from './load.bench';
import { benchProfileThroughput } from './profile.bench';
import { benchScaleEmbedded, benchScaleWireServer } from './scale.bench';
import { benchSegments } from './segments.bench';
import { benchXdm } from './xdm.bench';

const NAMES = ['xdm', 'ingest', 'profile', 'scale-wire', 'throughput', 'scale', 'segments', 'big-graph', 'load'];

console.log(`# profile-gateway benchmarks\n`);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}`);
async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined && !NAMES.includes(only)) throw new Error(`unknown benchmark '${only}'; benchmarks: ${NAMES.join(', ')}`);
  if (only === undefined || only === 'xdm') benchXdm();
  if (only === undefined || only === 'ingest') await benchIngest();
  if (only === undefined || only === 'profile') await benchScaleWireServer({ large: null });
  if (only === 'scale-wire') await benchScaleWireServer();
  if (only === undefined || only === 'throughput') await benchProfileThroughput();
  if (only === undefined || only === 'scale') await benchScaleEmbedded();
  if (only === undefined || only === 'segments') await benchSegments();
  if (only === undefined || only === 'big-graph') await benchBigGraph();
  if (only === undefined || only === 'load') await benchLoad();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
