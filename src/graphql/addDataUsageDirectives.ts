import { type ConstDirectiveNode, type ConstListValueNode, type DocumentNode, type FieldDefinitionNode, Kind, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { DATA_USAGE_LABELS, type DataUsageLabel, type LabelledField, sortDataUsageLabels } from '../xdm';

/** The labelled fields of the compositions behind one root type (`Profile`, `ExperienceEvent`). */
export interface LabelledRoot {
  readonly typeName: string;
  readonly fields: readonly LabelledField[];
}

/**
 * The type and field that serve identity values: every `identityMap` is
 * served as `[Identity!]!`, and identity graphs show the same values, so
 * labels on `identityMap` land on `Identity.id`.
 */
const IDENTITY_VALUE = { typeName: 'Identity', fieldName: 'id' } as const;

/**
 * Marks the GraphQL fields that serve labelled XDM fields with
 * `@dataUsage(labels:, paths:)` and names the labels in their description
 * (which the IDE shows). Each XDM path is followed from its root type by XDM
 * key (`@xdm(key:)` where the name differs); the label lands on the field the
 * path ends on, or on the JSON field it runs into. A type shared by several
 * places (one XDM data type) carries the union of their labels, since a
 * query cannot tell the places apart by type. Pure: returns a new document.
 */
export function addDataUsageDirectives(document: DocumentNode, roots: readonly LabelledRoot[]): DocumentNode {
  const types = new Map<string, ObjectTypeDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) types.set(definition.name.value, definition);
  }
  const marks = new Map<string, { labels: Set<DataUsageLabel>; paths: Set<string> }>();
  for (const root of roots) {
    for (const field of root.fields) {
      const target = targetOf(types, root.typeName, field.path);
      const key = `${target.typeName}.${target.fieldName}`;
      const mark = marks.get(key) ?? { labels: new Set<DataUsageLabel>(), paths: new Set<string>() };
      marks.set(key, mark);
      for (const label of field.labels) mark.labels.add(label);
      mark.paths.add(field.path.join('.'));
    }
  }
  if (marks.size === 0) return document;
  return {
    ...document,
    definitions: document.definitions.map((definition) => {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return definition;
      const typeName = definition.name.value;
      if (!(definition.fields ?? []).some((field) => marks.has(`${typeName}.${field.name.value}`))) return definition;
      return {
        ...definition,
        fields: (definition.fields ?? []).map((field) => {
          const mark = marks.get(`${typeName}.${field.name.value}`);
          return mark === undefined ? field : markField(field, sortDataUsageLabels(mark.labels), [...mark.paths].sort());
        }),
      };
    }),
  };
}

/** Where the labels of one XDM path land. */
function targetOf(types: ReadonlyMap<string, ObjectTypeDefinitionNode>, rootTypeName: string, path: readonly string[]): { typeName: string; fieldName: string } {
  if (path[0] === 'identityMap') return IDENTITY_VALUE;
  let typeName = rootTypeName;
  for (const [index, key] of path.entries()) {
    const type = types.get(typeName);
    // A field renamed for a clash names its key in @xdm; the field of that name is then a fixed one.
    const fields = type?.fields ?? [];
    const field = fields.find((candidate) => explicitXdmKey(candidate) === key) ?? fields.find((candidate) => explicitXdmKey(candidate) === undefined && candidate.name.value === key);
    if (field === undefined) {
      // The XDM compiler prints every field of every composition, so this is a bug, not bad input.
      throw new Error(`XDM path ${path.join('.')} has no GraphQL field: ${typeName} has none for key ${JSON.stringify(key)}`);
    }
    const next = namedType(field.type);
    if (index === path.length - 1 || !types.has(next)) return { typeName, fieldName: field.name.value };
    typeName = next;
  }
  throw new Error(`XDM path of ${rootTypeName} is empty`);
}

function explicitXdmKey(field: FieldDefinitionNode): string | undefined {
  const argument = field.directives?.find((directive) => directive.name.value === 'xdm')?.arguments?.find((candidate) => candidate.name.value === 'key');
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function markField(field: FieldDefinitionNode, labels: readonly DataUsageLabel[], paths: readonly string[]): FieldDefinitionNode {
  const directive: ConstDirectiveNode = {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'dataUsage' },
    arguments: [
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'labels' }, value: stringList(labels) },
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'paths' }, value: stringList(paths) },
    ],
  };
  const note = `Data-usage labels: ${labels.map((label) => `${label} (${DATA_USAGE_LABELS.get(label)})`).join(', ')}.`;
  const description = field.description === undefined ? note : `${field.description.value}\n\n${note}`;
  return {
    ...field,
    description: { kind: Kind.STRING, value: description, block: true },
    directives: [...(field.directives ?? []), directive],
  };
}

function stringList(values: readonly string[]): ConstListValueNode {
  return { kind: Kind.LIST, values: values.map((value) => ({ kind: Kind.STRING, value })) };
}
