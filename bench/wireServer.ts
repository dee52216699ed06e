import { startTestDb } from '../test/helpers/db/start';
import type { TestDbServer } from '../test/helpers/db/server';

/**
 * The MongoDB wire-protocol server of a benchmark: MONGODB_URI when set, else
 * the server the integration tests start (test/helpers/db: DocumentDB unless
 * TEST_DB names another), stopped at the end.
 */
export async function withWireServer<T>(run: (server: TestDbServer) => Promise<T>): Promise<T> {
  const server = await startTestDb();
  console.log(`\nwire server: ${server.description}`);
  try {
    return await run(server);
  } finally {
    if (server.stop !== undefined) await server.stop();
    if (server.child !== undefined && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child?.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
  }
}
