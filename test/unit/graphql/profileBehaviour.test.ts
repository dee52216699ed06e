import { describeProfileBehaviour } from '../../contract/profileBehaviour';

describeProfileBehaviour('embedded store', async () => ({ env: {}, cleanup: async () => undefined }));
