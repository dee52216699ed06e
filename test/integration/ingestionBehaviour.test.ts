import { describeIngestionBehaviour } from '../contract/ingestionBehaviour';
import { wireServerEnv } from '../helpers/wireServerEnv';

describeIngestionBehaviour('MongoDB wire server', wireServerEnv('ingestion'));
