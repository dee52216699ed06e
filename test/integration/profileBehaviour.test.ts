import { describeProfileBehaviour } from '../contract/profileBehaviour';
import { wireServerEnv } from '../helpers/wireServerEnv';

describeProfileBehaviour('MongoDB wire server', wireServerEnv('profiles'));
