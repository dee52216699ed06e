import { describeSegmentProjection } from '../../contract/segmentProjection';

describeSegmentProjection('embedded store', async () => ({ env: {}, cleanup: async () => {} }));
