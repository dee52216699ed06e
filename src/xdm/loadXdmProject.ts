import { join, resolve } from 'node:path';
import { applyLabelDescriptors } from './applyLabelDescriptors';
import type { CompiledComposition } from './model';
import { compileComposition } from './compileComposition';
import { loadCompositions } from './loadCompositions';
import { loadLabelDescriptors } from './loadLabelDescriptors';
import { loadSchemaRegistry } from './loadSchemaRegistry';
import type { SchemaRegistry } from './SchemaRegistry';

/** The project's own XDM folder: `adobe/` (shipped copies), `tenant/`, `compositions/`, `labels/`. */
export const DEFAULT_XDM_FOLDER = resolve(__dirname, '../../xdm');

export interface XdmProject {
  readonly registry: SchemaRegistry;
  /** Compiled compositions, sorted by id, with the data-usage labels of `labels/`. */
  readonly compositions: readonly CompiledComposition[];
}

/**
 * Reads and compiles the project's XDM definitions. Runs at start-up and in
 * `npm run generate`; never reads anything outside `folder`.
 */
export function loadXdmProject(folder: string = DEFAULT_XDM_FOLDER): XdmProject {
  const registry = loadSchemaRegistry([join(folder, 'adobe'), join(folder, 'tenant')]);
  const compiled = loadCompositions(join(folder, 'compositions')).map((definition) => compileComposition(registry, definition));
  const compositions = applyLabelDescriptors(registry, compiled, loadLabelDescriptors(join(folder, 'labels')));
  return { registry, compositions };
}
