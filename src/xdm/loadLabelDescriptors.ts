import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type DataUsageLabel, DATA_USAGE_LABELS, isDataUsageLabel } from './DataUsageLabel';
import { listFiles } from './loadSchemaRegistry';
import { shortFormKey } from './shortFormKey';
import { XdmCompileError } from './XdmCompileError';

/**
 * One label descriptor, in the shape of adobe/xdm's `xdm:descriptorLabel`
 * (`schemas/descriptors/label/descriptorLabel.schema.json`): labels put on
 * properties of one schema, addressed by JSON Pointer in the short form.
 */
export interface LabelDescriptor {
  /** `xdm:sourceSchema`: a composition id (`profile-crm`), or the `$id` of a class or field group. */
  readonly sourceSchema: string;
  /**
   * `xdm:sourceProperty`, each pointer split into short-form keys
   * (`/person/name` → `['person', 'name']`). Empty: the whole schema.
   */
  readonly sourceProperties: readonly (readonly string[])[];
  /** `xdm:excludeProperty`: places under a source property that the labels skip. */
  readonly excludeProperties: readonly (readonly string[])[];
  /** `xdm:labels`, at least one. */
  readonly labels: readonly DataUsageLabel[];
  /** The file and the descriptor's index in it, for messages: `xdm/labels/person.json#2`. */
  readonly source: string;
}

const KEYS = new Set(['@id', '@type', 'xdm:sourceSchema', 'xdm:sourceVersion', 'xdm:sourceProperty', 'xdm:excludeProperty', 'xdm:labels']);

/**
 * Reads every `*.json` file under `folder` (each holds one descriptor or an
 * array of them), in file-name order. A missing folder has no descriptors.
 */
export function loadLabelDescriptors(folder: string): LabelDescriptor[] {
  if (!existsSync(folder)) return [];
  return listFiles(folder)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => parseLabelDescriptors(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file));
}

/**
 * Parses and checks the descriptors of one file; `source` names it in
 * messages. Throws `XdmCompileError` (`XDM_LABEL_INVALID`) naming the
 * descriptor and showing the bad value. Whether the properties exist is
 * checked later, against the compiled schemas (`compileDataUsageLabels`).
 */
export function parseLabelDescriptors(text: string, source: string): LabelDescriptor[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(source, `is not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => parseDescriptor(item, Array.isArray(value) ? `${source}#${index}` : source));
}

function parseDescriptor(value: unknown, source: string): LabelDescriptor {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(source, `must be a JSON object, got ${JSON.stringify(value)}`);
  const descriptor = value as Record<string, unknown>;
  const unknownKey = Object.keys(descriptor).find((key) => !KEYS.has(key));
  if (unknownKey !== undefined) throw invalid(source, `has ${JSON.stringify(unknownKey)}; a label descriptor takes ${[...KEYS].join(', ')}`);
  if (descriptor['@type'] !== 'xdm:descriptorLabel') {
    throw invalid(source, `"@type" must be "xdm:descriptorLabel", got ${JSON.stringify(descriptor['@type'])}`);
  }
  const sourceSchema = descriptor['xdm:sourceSchema'];
  if (typeof sourceSchema !== 'string' || sourceSchema === '') {
    throw invalid(source, `"xdm:sourceSchema" must be a composition id or a class or field-group $id, got ${JSON.stringify(sourceSchema)}`);
  }
  const version = descriptor['xdm:sourceVersion'];
  if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 1)) {
    throw invalid(source, `"xdm:sourceVersion" must be a whole number from 1, got ${JSON.stringify(version)}`);
  }
  const labels = descriptor['xdm:labels'];
  if (!Array.isArray(labels) || labels.length === 0) {
    throw invalid(source, `"xdm:labels" must be a non-empty array of labels, got ${JSON.stringify(labels)}`);
  }
  const unknownLabel = (labels as unknown[]).find((label) => !isDataUsageLabel(label));
  if (unknownLabel !== undefined) {
    throw invalid(source, `label ${JSON.stringify(unknownLabel)} is not a data-usage label; known labels: ${[...DATA_USAGE_LABELS.keys()].join(', ')}`);
  }
  return {
    sourceSchema,
    sourceProperties: pointers(descriptor['xdm:sourceProperty'], 'xdm:sourceProperty', source),
    excludeProperties: pointers(descriptor['xdm:excludeProperty'], 'xdm:excludeProperty', source),
    labels: labels as DataUsageLabel[],
    source,
  };
}

/** A pointer or an array of pointers, as the descriptor schema allows; absent is none. */
function pointers(value: unknown, key: string, source: string): string[][] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw invalid(source, `"${key}" must not be an empty array`);
  return list.map((pointer) => parsePointer(pointer, key, source));
}

/** A JSON Pointer (RFC 6901) to short-form keys; `xdm:`-prefixed segments are accepted and shortened. */
function parsePointer(pointer: unknown, key: string, source: string): string[] {
  if (typeof pointer !== 'string' || !/^(\/[^/]+)+$/.test(pointer)) {
    throw invalid(source, `"${key}" must be JSON Pointers such as "/person/name", got ${JSON.stringify(pointer)}`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => shortFormKey(segment.replace(/~1/g, '/').replace(/~0/g, '~')));
}

function invalid(source: string, problem: string): XdmCompileError {
  return new XdmCompileError('XDM_LABEL_INVALID', `label descriptor ${source} ${problem}`);
}
