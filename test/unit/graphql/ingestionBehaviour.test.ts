import { describeIngestionBehaviour } from '../../contract/ingestionBehaviour';

// The embedded store: a fresh, empty one for every gateway.
describeIngestionBehaviour('embedded store', async () => ({ env: {}, cleanup: async () => undefined }));
