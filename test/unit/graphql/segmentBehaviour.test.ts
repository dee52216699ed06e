import { describeSegmentBehaviour } from '../../contract/segmentBehaviour';

describeSegmentBehaviour('embedded store', async () => ({ env: {}, cleanup: async () => {} }));
