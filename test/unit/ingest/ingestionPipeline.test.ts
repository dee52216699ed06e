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

describe('IngestionPipeline rejections', () => {
  async function pipeline() {
    const store = new EmbeddedStore();
    await store.init();
    await store.createDataset({ id: 'crm', name: 'CRM', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt: new Date() });
    return new IngestionPipeline({ store, validators: createRecordValidators(loadXdmProject().compositions), rules: new IdentityRules(SHIPPED_NAMESPACES) });
  }
  const invalid = (count: number) => Array.from({ length: count }, (_, index) => ({ _id: `bad-${index}` }));

  it('lists the first 100 rejections and counts every one, so a body of bad records cannot fill the memory', async () => {
    const result = await (await pipeline()).ingest('crm', [{ _id: 'ok', identityMap: { Email: [{ id: 'ok@example.com' }] } }, ...invalid(2500)]);
    expect({ accepted: result.accepted, rejectedCount: result.rejectedCount, listed: result.rejected.length }).toEqual({ accepted: 1, rejectedCount: 2500, listed: 100 });
    expect(result.rejected.map((error) => error.index)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(result.rejected[0]).toEqual({ index: 1, recordId: 'bad-0', path: 'identityMap', code: 'NO_IDENTITY', message: expect.stringContaining('no usable identity') });
  });

  it('lists as many rejections as asked, down to none, and tells onRejected of each, awaiting it before reading on', async () => {
    const seen: number[] = [];
    let read = 0;
    async function* records() {
      for (const record of invalid(5)) {
        read += 1;
        yield record;
      }
    }
    const result = await (
      await pipeline()
    ).ingest('crm', records(), {
      maxListedRejections: 0,
      onRejected: async (error) => {
        await new Promise((resolve) => setImmediate(resolve));
        // The record after this one has not been read yet.
        seen.push(read - error.index);
      },
    });
    expect({ rejectedCount: result.rejectedCount, rejected: result.rejected }).toEqual({ rejectedCount: 5, rejected: [] });
    expect(seen).toEqual([1, 1, 1, 1, 1]);
    await expect((await pipeline()).ingest('crm', invalid(1), { maxListedRejections: -1 })).rejects.toThrow('maxListedRejections must be a whole number of at least 0, got -1');
  });
});
