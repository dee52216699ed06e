import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type RawSchemaNode, type SchemaDocument, SchemaRegistry } from './SchemaRegistry';
import { XdmCompileError } from './XdmCompileError';

/**
 * Reads every `*.schema.json` below the given folders into one registry.
 * Files are read in sorted order so that a duplicate `$id` is always reported
 * the same way.
 */
export function loadSchemaRegistry(folders: readonly string[]): SchemaRegistry {
  const registry = new SchemaRegistry();
  for (const folder of folders) {
    for (const file of listSchemaFiles(folder)) {
      registry.add(readSchemaDocument(file, relative(process.cwd(), file) || file));
    }
  }
  return registry;
}

/** Every `*.schema.json` file below `folder`, sorted. */
export function listSchemaFiles(folder: string): string[] {
  return listFiles(folder).filter((file) => file.endsWith('.schema.json'));
}

/** Every file below `folder`, depth first, sorted by path. */
export function listFiles(folder: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function readSchemaDocument(file: string, source: string): SchemaDocument {
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new XdmCompileError('XDM_SCHEMA_INVALID', `${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new XdmCompileError('XDM_SCHEMA_INVALID', `${source} is not a JSON object`);
  }
  const id = (schema as RawSchemaNode).$id;
  if (typeof id !== 'string' || id === '') {
    throw new XdmCompileError('XDM_SCHEMA_INVALID', `${source} has no "$id"`);
  }
  return { id, source, schema: schema as RawSchemaNode };
}
