import { MongoClient } from 'mongodb';
import type { GatewayEnvFactory } from '../contract/ingestionBehaviour';
import { uniqueDbName } from './db';

/**
 * For the suites that run on both stores: a gateway configuration on the
 * test wire server, in a database of its own for every gateway, dropped by
 * `cleanup`.
 */
export function wireServerEnv(label: string): GatewayEnvFactory {
  return async () => {
    const uri = process.env.MONGODB_URI as string;
    const dbName = uniqueDbName(label);
    return {
      env: { MONGODB_URI: uri, MONGODB_DB: dbName },
      cleanup: async () => {
        const client = await MongoClient.connect(uri);
        try {
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  };
}
