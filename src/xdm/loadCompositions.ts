import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { CompositionDefinition } from './compileComposition';
import { listFiles } from './loadSchemaRegistry';
import { XdmCompileError } from './XdmCompileError';

/**
 * Reads every `*.json` composition definition in `folder`, sorted by id.
 * A file must be named after its `id` (`profile-crm.json`), so that a
 * composition is found where one would look for it.
 */
export function loadCompositions(folder: string): CompositionDefinition[] {
  return listFiles(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => parseComposition(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Parses and checks one composition definition; `source` names the file in messages. */
export function parseComposition(text: string, source: string): CompositionDefinition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(source, `is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(source, 'is not a JSON object');
  const { id, title, description, class: classId, fieldGroups } = value as Record<string, unknown>;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw invalid(source, `"id" must be lower-case letters, digits and dashes, got ${JSON.stringify(id)}`);
  }
  if (basename(source) !== `${id}.json`) throw invalid(source, `must be named ${id}.json after its "id"`);
  if (typeof title !== 'string' || title === '') throw invalid(source, '"title" must be a non-empty string');
  if (description !== undefined && typeof description !== 'string') throw invalid(source, '"description" must be a string');
  if (typeof classId !== 'string') throw invalid(source, '"class" must be the $id of an XDM class');
  if (!Array.isArray(fieldGroups) || !fieldGroups.every((fieldGroup) => typeof fieldGroup === 'string')) {
    throw invalid(source, '"fieldGroups" must be an array of field-group $ids');
  }
  return {
    id,
    title,
    ...(description === undefined ? {} : { description }),
    class: classId,
    fieldGroups,
  };
}

function invalid(source: string, problem: string): XdmCompileError {
  return new XdmCompileError('XDM_COMPOSITION_INVALID', `composition ${source} ${problem}`);
}
