import { join, resolve } from 'node:path';
import type { CompiledComposition } from './model';
import { compileComposition } from './compileComposition';
import { loadCompositions } from './loadCompositions';
import { loadSchemaRegistry } from './loadSchemaRegistry';
import type { SchemaRegistry } from './SchemaRegistry';

/** The project's own XDM folder: `adobe/` (shipped copies), `tenant/`, `compositions/`. */
export const DEFAULT_XDM_FOLDER = resolve(__dirname, '../../xdm');

export interface XdmProject {
  readonly registry: SchemaRegistry;
  /** Compiled compositions, sorted by id. */
  readonly compositions: readonly CompiledComposition[];
}

/**
 * Reads and compiles the project's XDM definitions. Runs at start-up and in
 * `npm run generate`; never reads anything outside `folder`.
 */
export function loadXdmProject(folder: string = DEFAULT_XDM_FOLDER): XdmProject {
  const registry = loadSchemaRegistry([join(folder, 'adobe'), join(folder, 'tenant')]);
  const compositions = loadCompositions(join(folder, 'compositions')).map((definition) => compileComposition(registry, definition));
  return { registry, compositions };
}
