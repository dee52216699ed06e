import { MongoClient } from 'mongodb';
import { generateDemoRecords } from '../src/demo';
import { createServices, readConfig } from '../src/server';
import { loadXdmProject } from '../src/xdm';
import { withWireServer } from './wireServer';

const RECORDS = 20_000;
const BATCH = 500;

/**
 * Ingestion throughput on the wire server: records/s through the whole
 * pipeline (validation, identities, links, durable upserts) against a raw
 * driver `insertMany` of the same records in batches of the same size, in the
 * same run. Goal: the pipeline at ≥ 0.5 of the raw rate.
 */
export async function benchIngest(): Promise<void> {
  const records = [...generateDemoRecords({ profiles: RECORDS * 2 })].filter((demo) => demo.datasetId === 'crm').slice(0, RECORDS).map((demo) => demo.record);
  await withWireServer(async (server) => {
    const dbName = `bench_ingest_${Date.now()}`;
    const client = await MongoClient.connect(server.uri);
    try {
      const raw = client.db(dbName).collection('raw');
      let started = process.hrtime.bigint();
      for (let index = 0; index < records.length; index += BATCH) {
        await raw.insertMany(records.slice(index, index + BATCH).map((record) => ({ ...record })), { ordered: false });
      }
      const rawSeconds = Number(process.hrtime.bigint() - started) / 1e9;

      const services = await createServices(readConfig({ MONGODB_URI: server.uri, MONGODB_DB: dbName, INGEST_BATCH_SIZE: String(BATCH) }), loadXdmProject());
      started = process.hrtime.bigint();
      const result = await services.ingestion.ingest('crm', records);
      const pipelineSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      await services.store.close();
      if (result.accepted !== records.length) throw new Error(`pipeline accepted ${result.accepted} of ${records.length}`);

      const rawRate = records.length / rawSeconds;
      const pipelineRate = records.length / pipelineSeconds;
      console.log(`\n### Ingestion (${records.length} crm records, batches of ${BATCH})\n`);
      console.log('| path | records/s |');
      console.log('|---|---:|');
      console.log(`| raw driver insertMany | ${Math.round(rawRate).toLocaleString('en-US')} |`);
      console.log(`| ingestion pipeline (validate, identities, links, upserts) | ${Math.round(pipelineRate).toLocaleString('en-US')} |`);
      console.log(`| **ratio pipeline / raw** (goal ≥ 0.5) | **${(pipelineRate / rawRate).toFixed(2)}** |`);
    } finally {
      await client.db(dbName).dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
}
