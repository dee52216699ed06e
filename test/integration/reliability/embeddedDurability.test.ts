import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDurableEmbeddedStore } from '../../../src/store';
import { type GatewayProcess, startGatewayProcess } from '../../helpers/gatewayProcess';

const RECORDS = 2500;
const DEMO_PROFILES = '20';

/**
 * `npm start`'s embedded store keeps its data in DATA_DIR: what it
 * acknowledged is there after a SIGKILL and a restart, and the demo seed
 * neither duplicates nor overwrites it.
 */
describe('the embedded store of npm start survives SIGKILL', () => {
  let dir: string;
  let gateway: GatewayProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-data-'));
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = () => startGatewayProcess({ AUTH_MODE: 'open', NODE_ENV: 'production', DATA_DIR: dir, DEMO_PROFILES, LOG_LEVEL: 'info' }, { startTimeoutMs: 120_000 });
  const kill = async (running: GatewayProcess) => {
    process.kill(running.pid, 'SIGKILL');
    for (let waited = 0; running.alive() && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running.exitState()).toBe('signal SIGKILL');
  };
  /** What the data directory holds, read as the next start will read it (the gateway is not running). */
  const stored = async (ids: readonly string[]) => {
    const store = await openDurableEmbeddedStore(dir);
    try {
      return { crm: (await store.findRecordsById('crm', ids)).length, keys: (await store.listIdentityKeys({ after: null, limit: 100_000 })).length };
    } finally {
      await store.close();
    }
  };
  const lookup = async (running: GatewayProcess, id: string) => {
    const response = await fetch(running.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ profile(identity: { namespace: "CRMID", id: "${id}" }) { loyalty { tier points } } }` }),
    });
    return (await response.json()) as { data?: { profile: unknown } };
  };

  it(`keeps ${RECORDS} acknowledged records through a SIGKILL and a restart, and seeds the demo data once`, async () => {
    gateway = await start();
    expect(gateway.output()).toContain('seeding 20 demo profiles');
    const ids = Array.from({ length: RECORDS }, (_, index) => `kill-${index}`);
    const body = ids.map((id, index) => JSON.stringify({ _id: id, identityMap: { CRMID: [{ id: `K-${index}`, primary: true }] }, loyalty: { tier: 'gold', points: index } })).join('\n');
    const ingested = await fetch(new URL('/ingest/crm', gateway.base), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(await ingested.json()).toEqual({ accepted: RECORDS, rejectedCount: 0, rejected: [] });
    // Acknowledged: killed at once, with no chance to flush anything.
    await kill(gateway);
    const afterKill = await stored(ids);
    expect(afterKill.crm).toBe(RECORDS);

    gateway = await start();
    expect(gateway.output()).toContain('it holds data, so the demo data is not seeded');
    expect(await lookup(gateway, 'K-2499')).toEqual({ data: { profile: { loyalty: { tier: 'gold', points: 2499 } } } });
    await gateway.stop();
    gateway = undefined;
    // The restart added nothing: no second demo seed, no duplicate.
    expect(await stored(ids)).toEqual(afterKill);
  }, 300_000);
});
