import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLField, type GraphQLObjectType, type GraphQLSchema, isObjectType } from 'graphql';

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8'));

function objectType(name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type in schema.graphql`);
  return type;
}

/** `name(arg: Type, …): Type` of a field, as a client sees it. */
function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ');
  return `${field.name}${args === '' ? '' : `(${args})`}: ${String(field.type)}`;
}

function signatures(name: string, owner: GraphQLSchema = schema): string[] {
  const type = owner.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return Object.values(type.getFields()).map(signature);
}

describe('schema.graphql keeps the public contract', () => {
  it('has every Query and Mutation field of contract.md with its exact signature', () => {
    expect(signatures('Query')).toEqual([
      'profile(identity: IdentityInput!, mergePolicyId: ID): Profile',
      'profiles(identities: [IdentityInput!]!, mergePolicyId: ID): [Profile]!',
      'identityGraph(identity: IdentityInput!): IdentityGraph',
      'datasets: [Dataset!]!',
      'mergePolicies: [MergePolicy!]!',
      'identityNamespaces: [IdentityNamespace!]!',
      'segments: [Segment!]!',
      'segment(id: ID!): Segment',
      'computedAttributes: [ComputedAttribute!]!',
    ]);
    expect(signatures('Mutation')).toEqual([
      'createDataset(input: DatasetInput!): Dataset!',
      'createMergePolicy(input: MergePolicyInput!): MergePolicy!',
      'ingest(datasetId: ID!, records: [JSON!]!): IngestResult!',
      'createSegment(input: SegmentInput!): Segment!',
      'evaluateSegments: Int!',
      'deleteIdentity(identity: IdentityInput!): Int!',
      'createComputedAttribute(input: ComputedAttributeInput!): ComputedAttribute!',
    ]);
  });

  it('has the fixed Profile fields first, then the XDM profile fields', () => {
    const fields = signatures('Profile');
    expect(fields.slice(0, 8)).toEqual([
      'identities: [Identity!]!',
      'mergePolicy: MergePolicy!',
      'fragments: [ProfileFragment!]!',
      'attributeSource(path: String!): ProfileFragment',
      'events(first: Int, after: String, since: DateTime, until: DateTime, eventTypes: [String!]): ExperienceEventConnection!',
      'segmentMembership: [SegmentMembership!]!',
      'computedAttributes: [ComputedAttributeValue!]!',
      'computedAttribute(name: String!): JSON',
    ]);
    expect(fields).toEqual(
      expect.arrayContaining(['person: Person', 'personalEmail: EmailAddress', 'mobilePhone: PhoneNumber', 'homeAddress: Address', 'loyalty: ProfileLoyalty', '_demo: ProfileDemo', 'extSourceSystemAudit: ExternalSourceSystemAudit']),
    );
    expect(signatures('ProfileDemo')).toEqual(['churnPropensity: Float', 'lifetimeValue: Float']);
    expect(signatures('PersonName')).toEqual(expect.arrayContaining(['firstName: String', 'lastName: String']));
    expect(signatures('Address')).toEqual(expect.arrayContaining(['city: String', 'country: String']));
    expect(signatures('EmailAddress')).toEqual(expect.arrayContaining(['address: String']));
    expect(signatures('PhoneNumber')).toEqual(expect.arrayContaining(['number: String']));
    expect(signatures('ProfileLoyalty')).toEqual(expect.arrayContaining(['tier: String', 'points: Float']));
  });

  it('has the XDM experience-event fields of the web and commerce field groups', () => {
    expect(signatures('ExperienceEvent')).toEqual(
      expect.arrayContaining(['identities: [Identity!]!', '_id: String!', 'timestamp: DateTime!', 'eventType: String', 'web: Webinfo', 'commerce: Commerce', 'productListItems: [ProductListItem!]']),
    );
    expect(signatures('Webinfo')).toEqual(expect.arrayContaining(['webPageDetails: WebinfoWebPageDetails']));
    const order = objectType('Commerce').getFields().order;
    expect(order && String(order.type)).toBe('Order');
    expect(signatures('Order')).toEqual(expect.arrayContaining(['priceTotal: Float']));
  });

  it('makes non-null what every stored record has: XDM required members of events, never a merged profile field', () => {
    // The experience-event class requires @id and xdm:timestamp; commerce measures require their value; a product line its SKU.
    expect(signatures('ExperienceEvent').filter((signature) => signature.endsWith('!'))).toEqual(['identities: [Identity!]!', '_id: String!', 'timestamp: DateTime!']);
    expect(signatures('ProductListItem')).toEqual(expect.arrayContaining(['SKU: String!', 'name: String']));
    expect(String(objectType('Commerce').getFields().purchases?.type)).toBe('Measure');
    expect(signatures('Measure')).toEqual(expect.arrayContaining(['value: Float!']));
    // A profile may be known from events alone, with no fragment: none of its XDM fields is non-null.
    const fixed = new Set(['identities', 'mergePolicy', 'fragments', 'attributeSource', 'events', 'segmentMembership', 'computedAttributes', 'computedAttribute']);
    const nonNullXdm = Object.values(objectType('Profile').getFields()).filter((field) => !fixed.has(field.name) && String(field.type).endsWith('!'));
    expect(nonNullXdm.map(signature)).toEqual([]);
    expect(signatures('Profile')).toEqual(expect.arrayContaining(['person: Person', 'loyalty: ProfileLoyalty']));
  });

  it('has the fixed types with the fields of contract.md', () => {
    expect(signatures('Identity')).toEqual(['namespace: String!', 'id: String!', 'primary: Boolean!']);
    expect(signatures('ProfileFragment')).toEqual(['datasetId: ID!', 'recordId: ID!', 'timestamp: DateTime!']);
    expect(signatures('Dataset')).toEqual(['id: ID!', 'name: String!', 'schemaId: String!', 'schemaClass: SchemaClass!', 'profileEnabled: Boolean!']);
    expect(signatures('MergePolicy')).toEqual([
      'id: ID!',
      'name: String!',
      'isDefault: Boolean!',
      'identityStitching: IdentityStitching!',
      'attributeMerge: AttributeMerge!',
      'datasetPrecedence: [ID!]',
    ]);
    expect(signatures('IdentityNamespace')).toEqual(['code: String!', 'type: String!', 'uniquePerGraph: Boolean!', 'priority: Int!', 'normalization: IdentityNormalization!']);
    expect(signatures('Segment')).toEqual([
      'id: ID!',
      'name: String!',
      'expression: String!',
      'evaluation: SegmentEvaluation!',
      'size: Int!',
      'members(first: Int, after: String): SegmentMemberConnection!',
      'createdAt: DateTime!',
    ]);
    expect(signatures('SegmentMembership')).toEqual(['segment: Segment!', 'status: MembershipStatus!', 'lastQualificationTime: DateTime!']);
    expect(signatures('IngestResult')).toEqual(['accepted: Int!', 'rejected: [RecordError!]!', 'rejectedCount: Int!']);
    expect(signatures('RecordError')).toEqual(['index: Int!', 'recordId: String', 'path: String', 'message: String!', 'code: String!']);
    expect(signatures('IdentityGraph')).toEqual(['identities: [Identity!]!', 'links: [IdentityLink!]!', 'skippedLinks: [SkippedIdentityLink!]!']);
    expect(signatures('IdentityLink')).toEqual(['from: Identity!', 'to: Identity!', 'datasetId: ID!', 'recordId: ID!']);
    expect(signatures('ExperienceEventConnection')).toEqual(['edges: [ExperienceEventEdge!]!', 'pageInfo: PageInfo!']);
    expect(signatures('PageInfo')).toEqual(['hasNextPage: Boolean!', 'endCursor: String']);
  });
});
