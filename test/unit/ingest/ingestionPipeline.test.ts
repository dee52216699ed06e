import { IdentityRules, SHIPPED_NAMESPACES } from '../../../src/identity';
import { IngestionPipeline } from '../../../src/ingest';
import { EmbeddedStore, type StoredRecord } from '../../../src/store';
import { createRecordValidators, loadXdmProject } from '../../../src/xdm';

/** The embedded store, recording the size of every batch the pipeline writes. */
class CountingStore extends EmbeddedStore {
  readonly batches: number[] = [];
  override async putRecords(datasetId: string, records: readonly StoredRecord[]) {
    this.batches.push(records.length);
    return super.putRecords(datasetId, records);
  }
}

describe('IngestionPipeline batches', () => {
  async function pipelineOn(store: CountingStore, options: { batchSize: number; batchBytes: number }) {
    await store.init();
    await store.createDataset({ id: 'crm', name: 'CRM', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt: new Date() });
    const validators = createRecordValidators(loadXdmProject().compositions);
    return new IngestionPipeline({ store, validators, rules: new IdentityRules(SHIPPED_NAMESPACES) }, options);
  }
  const record = (index: number, padding: number) => ({
    _id: `r${index}`,
    identityMap: { Email: [{ id: `p${index}@x.com` }] },
    person: { name: { fullName: 'x'.repeat(padding) } },
  });

  it('writes a batch when it reaches batchSize records', async () => {
    const store = new CountingStore();
    const pipeline = await pipelineOn(store, { batchSize: 4, batchBytes: 1_000_000 });
    const result = await pipeline.ingest('crm', Array.from({ length: 10 }, (_, index) => record(index, 10)));
    expect(result.accepted).toBe(10);
    expect(store.batches).toEqual([4, 4, 2]);
  });

  it('writes a batch early when its records reach batchBytes, so large records never pile up', async () => {
    const store = new CountingStore();
    const pipeline = await pipelineOn(store, { batchSize: 500, batchBytes: 10_000 });
    const result = await pipeline.ingest('crm', Array.from({ length: 7 }, (_, index) => record(index, 4_000)));
    expect(result.accepted).toBe(7);
    // About 4.1 kB a record: the third one passes 10 kB.
    expect(store.batches).toEqual([3, 3, 1]);
  });
});
