import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, parsePersistedQueryManifest, type PersistedQueryManifest } from '../../app';

/** The agent console's folder (its source, and its build in `dist/`). */
export const CONSOLE_DIRECTORY = path.resolve(__dirname, '../../../console');

/** The console's operations, by hash: written by `npm run generate` (graphql-codegen's client preset), committed. */
export const CONSOLE_MANIFEST_FILE = path.join(CONSOLE_DIRECTORY, 'src/gql/persisted-documents.json');

/**
 * The persisted documents of the agent console, the only operations it
 * sends (by hash). Read and checked once, at start-up: a manifest whose
 * hashes do not match its documents is a `ConfigError` naming the entry.
 */
export function readConsoleManifest(file: string = CONSOLE_MANIFEST_FILE): PersistedQueryManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`the agent console's persisted documents ${file} cannot be read (${(error as Error).message}): run npm run generate`);
  }
  const parsed = parsePersistedQueryManifest(text);
  if (!parsed.ok) throw new ConfigError(`the agent console's persisted documents ${file}: ${parsed.problem}`);
  return { source: file, documents: parsed.documents };
}
