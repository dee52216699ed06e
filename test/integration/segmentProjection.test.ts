import { describeSegmentProjection } from '../contract/segmentProjection';
import { wireServerEnv } from '../helpers/wireServerEnv';

describeSegmentProjection('MongoDB wire server', wireServerEnv('projection'));
