import {
  defaultFieldResolver,
  execute,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  parse,
} from 'graphql';
import { seedDemoData } from '../../../src/demo';
import { CONTRACT_TYPE_DEFS, createContext, createGatewaySchema, EXPERIENCE_EVENT_FIXED_FIELDS, PROFILE_FIXED_FIELDS } from '../../../src/graphql';
import { loadXdmProject } from '../../../src/xdm';
import { createTestGateway, type TestGateway } from '../../helpers/testGateway';

/**
 * Arguments for every field that requires some, against the demo data set.
 * A new field with a required argument fails the walk until it is listed here.
 */
const REQUIRED_ARGUMENTS: Readonly<Record<string, string>> = {
  'Query.profile': '(identity: { namespace: "Email", id: "person000001@example.com" })',
  'Query.profiles': '(identities: [{ namespace: "Email", id: "person000001@example.com" }, { namespace: "Phone", id: "+3519000002" }])',
  'Query.identityGraph': '(identity: { namespace: "CRMID", id: "C-000001" })',
  'Query.segment': '(id: "walk")',
  'Profile.attributeSource': '(path: "person.name.firstName")',
  'Profile.computedAttribute': '(name: "lifetimeValue")',
  'Mutation.ingest': '(datasetId: "crm", records: [{ _id: "walk-1", identityMap: { Email: [{ id: "walk@example.com" }] } }, { _id: "walk-2", loyalty: { points: "many" } }])',
};

/** Types the contract defines (not generated from XDM): their fields are never absent properties. */
const CONTRACT_TYPES = new Set(
  parse(CONTRACT_TYPE_DEFS).definitions.flatMap((definition) => (definition.kind === Kind.OBJECT_TYPE_DEFINITION ? [definition.name.value] : [])),
);

/**
 * The selection of every field of `type`, recursively; a type already being
 * selected further up is not entered again (the schema has cycles:
 * Segment → members → Profile → segmentMembership → Segment).
 */
function selectEverything(type: GraphQLNamedType, ancestors: readonly string[], selected: Set<string>): string {
  if (isAbstractType(type)) throw new Error(`${type.name}: the walk does not select abstract types yet`);
  if (!isObjectType(type)) return '';
  const lines: string[] = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const coordinate = `${type.name}.${field.name}`;
    const inner = getNamedType(field.type);
    if (isObjectType(inner) && ancestors.includes(inner.name)) continue;
    const required = field.args.some((argument) => argument.type.toString().endsWith('!') && argument.defaultValue === undefined);
    const argumentsText = required ? REQUIRED_ARGUMENTS[coordinate] : '';
    if (argumentsText === undefined) throw new Error(`${coordinate} requires arguments: add them to REQUIRED_ARGUMENTS`);
    selected.add(coordinate);
    lines.push(`${field.name}${argumentsText}${isObjectType(inner) ? ` { ${selectEverything(inner, [...ancestors, inner.name], selected)} }` : ''}`);
  }
  return lines.join(' ');
}

/** Every object type reachable from `root`, by name. */
function reachableTypes(root: GraphQLObjectType): Map<string, GraphQLObjectType> {
  const found = new Map<string, GraphQLObjectType>([[root.name, root]]);
  const queue = [root];
  for (let type = queue.shift(); type !== undefined; type = queue.shift()) {
    for (const field of Object.values(type.getFields())) {
      const inner = getNamedType(field.type);
      if (isObjectType(inner) && !found.has(inner.name)) {
        found.set(inner.name, inner);
        queue.push(inner);
      }
    }
  }
  return found;
}

describe('every field of the gateway schema', () => {
  const schema = createGatewaySchema(loadXdmProject().compositions);
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway();
    await seedDemoData(gateway.services.ingestion, { profiles: 3 });
    const created = await gateway.run('mutation { createSegment(input: { id: "walk", name: "Has a tier", expression: "loyalty.tier exists", evaluation: BATCH }) { id } }');
    expect(created.errors).toBeUndefined();
    expect((await gateway.run('mutation { evaluateSegments }')).errors).toBeUndefined();
  }, 60_000);
  afterAll(() => gateway.stop());

  it('has a resolver for each field the gateway adds to the XDM types (Profile and ExperienceEvent)', () => {
    const missing = [
      ...PROFILE_FIXED_FIELDS.map((field) => ['Profile', field.name] as const),
      ...EXPERIENCE_EVENT_FIXED_FIELDS.map((field) => ['ExperienceEvent', field.name] as const),
    ]
      .filter(([type, field]) => (schema.getType(type) as GraphQLObjectType).getFields()[field]?.resolve === undefined)
      .map(([type, field]) => `${type}.${field}`);
    expect(missing).toEqual([]);
  });

  it('answers a query selecting every field of every type, on demo data, with no error; a field without a resolver reads a property its parent has', async () => {
    const selected = new Set<string>();
    const query = `{ ${selectEverything(schema.getQueryType()!, ['Query'], selected)} }`;
    const ingestResult = schema.getMutationType()!.getFields().ingest as GraphQLField<unknown, unknown>;
    const mutation = `mutation { ingest${REQUIRED_ARGUMENTS['Mutation.ingest']} { ${selectEverything(getNamedType(ingestResult.type), ['Mutation', 'IngestResult'], selected)} } }`;

    // graphql's default resolver serves a field without its own resolver: documented for plain objects whose property
    // exists. On a contract type such a property is never absent; an XDM type's may be (the record lacks the field).
    const absent = new Set<string>();
    const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
      if (CONTRACT_TYPES.has(info.parentType.name) && (typeof source !== 'object' || source === null || !(info.fieldName in source))) {
        absent.add(`${info.parentType.name}.${info.fieldName}`);
      }
      return defaultFieldResolver(source, args, context, info);
    };
    const run = async (text: string) => {
      const result = await execute({ schema, document: parse(text), contextValue: createContext(gateway.services, { requestId: 'walk' }), fieldResolver });
      return { errors: result.errors?.map((error) => `${error.path?.join('.')}: ${error.message}`), data: result.data };
    };

    const read = await run(query);
    expect(read.errors).toBeUndefined();
    const written = await run(mutation);
    expect(written.errors).toBeUndefined();
    expect(absent).toEqual(new Set());

    // The walk reached every field of every type a query can reach, and the ingestion result's.
    const everyField = [...reachableTypes(schema.getQueryType()!).values(), ...reachableTypes(getNamedType(ingestResult.type) as GraphQLObjectType).values()]
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    expect(everyField.filter((coordinate) => !selected.has(coordinate))).toEqual([]);

    // And it read real data where it matters: the events' identities, the segment's members.
    const profile = read.data?.profile as { events: { edges: { node: { identities: { namespace: string }[] } }[] } };
    expect(profile.events.edges.length).toBeGreaterThan(0);
    expect(profile.events.edges.every((edge) => edge.node.identities.length > 0)).toBe(true);
    expect((read.data?.segment as { size: number }).size).toBeGreaterThan(0);
  }, 60_000);
});
