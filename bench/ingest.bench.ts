import { MongoClient } from 'mongodb';
import { generateDemoRecords } from '../src/demo';
import { createServices, readConfig } from '../src/app';
import { loadXdmProject } from '../src/xdm';
import { int } from './latency';
import { withWireServer } from './wireServer';

const RECORDS = Number(process.env.BENCH_INGEST_RECORDS ?? 20_000);
const BATCH = 500;

/**
 * Ingestion throughput on the wire server: records/s through the whole
 * pipeline (validation, identities, the record and its identity_records
 * documents, streaming segmentation when on) against a raw driver
 * `insertMany` of the same records in batches of the same size, each into a
 * fresh database, measured back to back for each setting of
 * SEGMENT_STREAMING (off, then on). Goal: the pipeline at ≥ 0.6 of the raw rate.
 */
export async function benchIngest(): Promise<void> {
  const records = [...generateDemoRecords({ profiles: RECORDS })].filter((demo) => demo.datasetId === 'crm').slice(0, RECORDS).map((demo) => demo.record);
  await withWireServer(async (server) => {
    const client = await MongoClient.connect(server.uri);
    const databases: string[] = [];
    const fresh = (label: string) => {
      const name = `bench_ingest_${label}_${Date.now()}`;
      databases.push(name);
      return name;
    };
    const rows: string[] = [];
    try {
      for (const streaming of ['off', 'on'] as const) {
        const raw = client.db(fresh(`raw_${streaming}`)).collection('raw');
        let started = process.hrtime.bigint();
        for (let index = 0; index < records.length; index += BATCH) {
          await raw.insertMany(records.slice(index, index + BATCH).map((record) => ({ ...record })), { ordered: false });
        }
        const rawSeconds = Number(process.hrtime.bigint() - started) / 1e9;

        const config = readConfig({ MONGODB_URI: server.uri, MONGODB_DB: fresh(`pipeline_${streaming}`), INGEST_BATCH_SIZE: String(BATCH), SEGMENT_STREAMING: streaming });
        const services = await createServices(config, loadXdmProject());
        started = process.hrtime.bigint();
        const result = await services.ingestion.ingest('crm', records);
        // Streaming evaluation still queued is part of the cost.
        await services.streaming.whenIdle();
        const pipelineSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        await services.store.close();
        if (result.accepted !== records.length) throw new Error(`pipeline accepted ${result.accepted} of ${records.length}`);
        const rawRate = records.length / rawSeconds;
        const pipelineRate = records.length / pipelineSeconds;
        rows.push(`| ${streaming} | ${int(rawRate)} | ${int(pipelineRate)} | **${(pipelineRate / rawRate).toFixed(2)}** |`);
      }
      console.log(`\n### Ingestion (${int(records.length)} crm records, batches of ${BATCH}, each run into a fresh database)\n`);
      console.log('| SEGMENT_STREAMING | raw driver insertMany, records/s | ingestion pipeline, records/s | ratio pipeline / raw (goal ≥ 0.6) |');
      console.log('|---|---:|---:|---:|');
      for (const row of rows) console.log(row);
    } finally {
      for (const name of databases) await client.db(name).dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
}
