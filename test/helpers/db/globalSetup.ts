/**
 * Jest globalSetup of the `integration` project (see jest.config.js).
 * Starts or finds the test database (see start.ts), then exports to the
 * test workers, which inherit the environment of jest's main process:
 *   MONGODB_URI     connection string without a database name
 *   TEST_DB_SERVER  server name and version, from its buildInfo
 *   TEST_DB_KIND    'documentdb' | 'ferretdb' | 'java' | 'external'
 * and prints one line naming the server, so every test log says what ran.
 */
import { saveState } from './state';
import { redactUri, startTestDb } from './start';

const EXPORTED = ['MONGODB_URI', 'TEST_DB_SERVER', 'TEST_DB_KIND'] as const;

export default async function globalSetup(): Promise<void> {
  const previousEnv: Record<string, string | undefined> = {};
  for (const name of EXPORTED) previousEnv[name] = process.env[name];

  const server = await startTestDb();
  saveState({ server, previousEnv });
  process.env.MONGODB_URI = server.uri;
  process.env.TEST_DB_SERVER = server.description;
  process.env.TEST_DB_KIND = server.kind;
  console.log(`\ntest database: ${server.description} at ${redactUri(server.uri)}`);
}
