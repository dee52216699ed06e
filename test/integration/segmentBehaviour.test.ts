import { describeSegmentBehaviour } from '../contract/segmentBehaviour';
import { wireServerEnv } from '../helpers/wireServerEnv';

describeSegmentBehaviour('MongoDB wire server', wireServerEnv('segments'));
