import { EmbeddedStore } from '../../../src/store';
import { describeProfileStoreContract } from '../../contract/profileStoreContract';
import { describeSegmentStoreContract } from '../../contract/segmentStoreContract';

describeProfileStoreContract('EmbeddedStore', async () => ({ store: new EmbeddedStore(), cleanup: async () => {} }));
describeSegmentStoreContract('EmbeddedStore', async () => ({ store: new EmbeddedStore(), cleanup: async () => {} }));

describe('EmbeddedStore', () => {
  it('says that its data is lost when the process stops', () => {
    expect(new EmbeddedStore().description).toBe('embedded (in memory: data is lost when the process stops; DATA_DIR=off)');
  });

  it('keeps the data of one instance to itself', async () => {
    const one = new EmbeddedStore();
    await one.putNamespace({ code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' });
    expect(await new EmbeddedStore().listNamespaces()).toEqual([]);
  });
});
