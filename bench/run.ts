/**
 * `npm run bench [xdm|ingest|profile|throughput|scale|scale-wire|segments|load]`: every
 * benchmark (or one), printed as Markdown tables with the machine they ran
 * on. Performance targets live here, never in unit tests. The whole run
 * takes about 20 minutes (10 of them seeding the wire server for `scale-wire`).
 */
import { cpus, totalmem } from 'node:os';
import { benchIngest } from './ingest.bench';
import { benchLoad } from './load.bench';
import { benchProfileOnWireServer, benchProfileThroughput } from './profile.bench';
import { benchScaleEmbedded, benchScaleWireServer } from './scale.bench';
import { benchSegments } from './segments.bench';
import { benchXdm } from './xdm.bench';

console.log(`# profile-gateway benchmarks\n`);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}`);
async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === undefined || only === 'xdm') benchXdm();
  if (only === undefined || only === 'ingest') await benchIngest();
  if (only === undefined || only === 'profile') await benchProfileOnWireServer();
  if (only === undefined || only === 'throughput') await benchProfileThroughput();
  if (only === undefined || only === 'scale') await benchScaleEmbedded();
  if (only === undefined || only === 'scale-wire') await benchScaleWireServer();
  if (only === undefined || only === 'segments') await benchSegments();
  if (only === undefined || only === 'load') await benchLoad();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
