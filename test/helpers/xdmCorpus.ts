import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  type CompiledComposition,
  compileComposition,
  EXPERIENCE_EVENT_CLASS_ID,
  listFiles,
  PROFILE_CLASS_ID,
  type SchemaDocument,
  type SchemaRegistry,
  shortFormKey,
  type XdmType,
  XdmCompileError,
} from '../../src/xdm';

/** The adobe/xdm corpus: `XDM_CORPUS`, else `../shared/xdm` beside the repository; `null` when absent. */
export function locateCorpus(): string | null {
  const folder = resolve(process.env.XDM_CORPUS ?? join(__dirname, '../../../shared/xdm'));
  return existsSync(join(folder, 'components')) ? folder : null;
}

const BEHAVIORS = /^https:\/\/ns\.adobe\.com\/xdm\/data\/(record|time-series|adhoc)$/;

/** Every class of the registry: a schema that extends a behavior. */
export function listClasses(registry: SchemaRegistry): SchemaDocument[] {
  return registry.documents().filter((document) => (document.schema['meta:extends'] ?? []).some((id) => BEHAVIORS.test(id)));
}

/** The field groups that name `classId` in `meta:intendedToExtend`, sorted by `$id`. */
export function listFieldGroupsOf(registry: SchemaRegistry, classId: string): SchemaDocument[] {
  return registry.documents().filter((document) => (document.schema['meta:intendedToExtend'] ?? []).includes(classId));
}

/** One upstream example instance and the schema it illustrates. */
export interface ExampleCase {
  /** Path inside the corpus, e.g. `components/classes/profile.example.1.json`. */
  readonly file: string;
  readonly schemaId: string;
  readonly classId: string;
  /** A class example is a whole record; a field-group example is a fragment of one. */
  readonly kind: 'class' | 'fieldGroup';
}

/**
 * The examples of every class, and of every field group meant for the profile
 * or experience-event class (a field group meant for both is checked on the profile).
 */
export function listExampleCases(corpus: string, registry: SchemaRegistry): ExampleCase[] {
  const bySchemaFile = new Map(registry.documents().map((document) => [resolve(document.source), document]));
  const classes = new Set(listClasses(registry).map((document) => document.id));
  const cases: ExampleCase[] = [];
  for (const file of listFiles(corpus).filter((path) => /\.example\.\d+\.json$/.test(path))) {
    const schema = bySchemaFile.get(resolve(file.replace(/\.example\.\d+\.json$/, '.schema.json')));
    if (schema === undefined) continue;
    const intended = schema.schema['meta:intendedToExtend'] ?? [];
    const path = relative(corpus, file);
    if (classes.has(schema.id)) cases.push({ file: path, schemaId: schema.id, classId: schema.id, kind: 'class' });
    else if (intended.includes(PROFILE_CLASS_ID)) cases.push({ file: path, schemaId: schema.id, classId: PROFILE_CLASS_ID, kind: 'fieldGroup' });
    else if (intended.includes(EXPERIENCE_EVENT_CLASS_ID)) {
      cases.push({ file: path, schemaId: schema.id, classId: EXPERIENCE_EVENT_CLASS_ID, kind: 'fieldGroup' });
    }
  }
  return cases;
}

/**
 * Finds the composition an example was written for. An example uses the
 * fields of its own schema and often of sibling field groups (a class example
 * is a whole record). Starting from the class and the example's own field
 * group, for each field the example uses that the composition lacks, the first
 * field group of the class that defines that path is added (those whose `$id`
 * shares the longest prefix with the example's schema first, then by `$id`), until
 * nothing more can be found. What the example still uses after that is defined
 * by no field group of its class: the example itself is wrong.
 *
 * For a field-group example the class's required fields are not required: the
 * example is a fragment, not a whole record.
 */
export class ExampleComposer {
  private readonly candidates = new Map<string, { id: string; root: XdmType }[]>();

  constructor(private readonly registry: SchemaRegistry) {}

  compose(example: ExampleCase, instance: unknown): CompiledComposition {
    const fieldGroups = example.kind === 'fieldGroup' ? [example.schemaId] : [];
    let composition = this.compile(example.classId, fieldGroups);
    for (;;) {
      const added = this.findFieldGroupFor(unknownPaths(instance, composition.root, []), example, fieldGroups);
      if (added === null) break;
      fieldGroups.push(added.id);
      composition = added.composition;
    }
    if (example.kind === 'class') return composition;
    return { ...composition, root: { ...composition.root, required: new Set() } };
  }

  private findFieldGroupFor(
    paths: readonly string[][],
    example: ExampleCase,
    fieldGroups: readonly string[],
  ): { id: string; composition: CompiledComposition } | null {
    const classId = example.classId;
    // Siblings of the example's own schema first (same family and version of field groups).
    const candidates = [...this.candidatesOf(classId)].sort(
      (a, b) => commonPrefix(b.id, example.schemaId) - commonPrefix(a.id, example.schemaId) || (a.id < b.id ? -1 : 1),
    );
    for (const path of paths) {
      for (const candidate of candidates) {
        if (fieldGroups.includes(candidate.id) || !hasPath(candidate.root, path)) continue;
        try {
          return { id: candidate.id, composition: this.compile(classId, [...fieldGroups, candidate.id]) };
        } catch (error) {
          if (!(error instanceof XdmCompileError)) throw error;
        }
      }
    }
    return null;
  }

  private candidatesOf(classId: string): { id: string; root: XdmType }[] {
    let candidates = this.candidates.get(classId);
    if (candidates === undefined) {
      candidates = listFieldGroupsOf(this.registry, classId).map((document) => ({
        id: document.id,
        root: this.compile(classId, [document.id]).root,
      }));
      this.candidates.set(classId, candidates);
    }
    return candidates;
  }

  private compile(classId: string, fieldGroups: readonly string[]): CompiledComposition {
    return compileComposition(this.registry, { id: 'example', title: 'example', class: classId, fieldGroups });
  }
}

/** Reads an example instance. */
export function readExample(corpus: string, example: ExampleCase): unknown {
  return JSON.parse(readFileSync(join(corpus, example.file), 'utf8'));
}

/** Short-form paths of the keys of a long-form instance that the tree does not define (arrays see through, maps are `*`). */
function unknownPaths(value: unknown, type: XdmType, path: readonly string[]): string[][] {
  if (Array.isArray(value)) return type.kind === 'array' ? value.flatMap((item) => unknownPaths(item, type.items, path)) : [];
  if (value === null || typeof value !== 'object') return [];
  if (type.kind === 'map') return Object.values(value).flatMap((item) => unknownPaths(item, type.values, [...path, '*']));
  if (type.kind !== 'object' || type.fields.size === 0) return [];
  const fields = [...type.fields.values()];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = fields.find((candidate) => candidate.sourceKey === key || candidate.key === key);
    return field === undefined ? [[...path, shortFormKey(key)]] : unknownPaths(item, field.type, [...path, field.key]);
  });
}

function hasPath(type: XdmType, path: readonly string[]): boolean {
  let current: XdmType = type;
  for (const segment of path) {
    while (current.kind === 'array') current = current.items;
    if (segment === '*' && current.kind === 'map') current = current.values;
    else if (current.kind === 'object' && current.fields.has(segment)) current = current.fields.get(segment)!.type;
    else return false;
  }
  return true;
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return length;
}
