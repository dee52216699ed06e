/**
 * Jest globalTeardown of the `integration` project: stops the server that
 * globalSetup started (nothing to stop for MONGODB_URI): DocumentDB through
 * its `stop` (tools/documentdb/cluster.sh stop), a child process by signal;
 * removes its temp dir, and restores the environment (jest --watch runs
 * setup again).
 */
import * as fs from 'node:fs';
import { stopProcess } from './process';
import { takeState } from './state';

export default async function globalTeardown(): Promise<void> {
  const state = takeState();
  if (!state) return;
  const { server, previousEnv } = state;
  if (server.stop) await server.stop();
  if (server.child) await stopProcess(server.child);
  if (server.tempDir) await fs.promises.rm(server.tempDir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(previousEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
