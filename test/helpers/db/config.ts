/**
 * Paths and pinned versions shared by the test-database helpers.
 * The build recipes themselves live in tools/documentdb, tools/ferretdb and
 * tools/mongo-java-server.
 */
import * as path from 'node:path';

/** Repository root (this file is test/helpers/db/config.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Where built tools are cached. Gitignored; overridable with TEST_DB_CACHE_DIR
 * (the build scripts read the same variable, so both sides agree).
 */
export const CACHE_DIR = process.env.TEST_DB_CACHE_DIR ?? path.join(REPO_ROOT, '.cache');

/**
 * DocumentDB (PostgreSQL 15 + the documentdb extension + its wire gateway),
 * built from ../shared/vendor by build.sh (cached outside the clone, in
 * ~/.cache/profile-gateway/documentdb) and run by cluster.sh.
 */
export const DOCUMENTDB_BUILD_SCRIPT = path.join(REPO_ROOT, 'tools', 'documentdb', 'build.sh');
export const DOCUMENTDB_CLUSTER_SCRIPT = path.join(REPO_ROOT, 'tools', 'documentdb', 'cluster.sh');

/** FerretDB release we build and run; passed to tools/ferretdb/build.sh. */
export const FERRETDB_VERSION = 'v1.24.2';
export const FERRETDB_BUILD_SCRIPT = path.join(REPO_ROOT, 'tools', 'ferretdb', 'build.sh');
export const FERRETDB_BINARY = path.join(CACHE_DIR, 'ferretdb', FERRETDB_VERSION, 'ferretdb');

/** Single source of the mongo-java-server version: the property in its pom.xml. */
export const JAVA_SERVER_DIR = path.join(REPO_ROOT, 'tools', 'mongo-java-server');
export const JAVA_SERVER_BUILD_SCRIPT = path.join(JAVA_SERVER_DIR, 'build.sh');

/** Which server to start when MONGODB_URI is not set (env TEST_DB). */
export type TestDbChoice = 'auto' | 'documentdb' | 'ferretdb' | 'java';

const CHOICES: readonly TestDbChoice[] = ['documentdb', 'ferretdb', 'java'];

/** Reads TEST_DB; anything else than the known values is an error, not a guess. */
export function testDbChoice(env: NodeJS.ProcessEnv = process.env): TestDbChoice {
  const raw = (env.TEST_DB ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'auto') return 'auto';
  const known = CHOICES.find((choice) => choice === raw);
  if (known !== undefined) return known;
  throw new Error(
    `TEST_DB=${env.TEST_DB} is not understood: use "documentdb", "ferretdb", "java", "auto" or leave it unset.`,
  );
}
