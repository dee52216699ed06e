/**
 * The fixed part of the gateway's schema: the public names of
 * `shared/docs/contract.md`. Clients depend on them; extend, never rename.
 * The XDM fields of `Profile` and `ExperienceEvent`, and the types below
 * them, are generated from the compositions and added by
 * {@link printGatewaySchema}.
 */
export const CONTRACT_TYPE_DEFS = /* GraphQL */ `
"""Looks up one identity: a namespace code (Email, Phone, ECID, CRMID, LoyaltyId, …) and the id in it."""
input IdentityInput {
  namespace: String!
  id: String!
}

"""One identity of a profile."""
type Identity {
  namespace: String!
  id: String!
  primary: Boolean!
}

"""Which fragments a profile merges: only those carrying the looked-up identity, or every fragment of its identity graph."""
enum IdentityStitching {
  NONE
  PRIVATE_GRAPH
}

"""How conflicting attribute values are resolved: newest fragment first, or by a ranking of datasets."""
enum AttributeMerge {
  TIMESTAMP_ORDERED
  DATASET_PRECEDENCE
}

enum SchemaClass {
  PROFILE
  EXPERIENCE_EVENT
}

enum SegmentEvaluation {
  STREAMING
  BATCH
}

enum MembershipStatus {
  REALIZED
  EXITED
}

type Query {
  """The merged profile of an identity; null when no record carries it."""
  profile(identity: IdentityInput!, mergePolicyId: ID): Profile
  """Profiles of several identities, in the order of the input; null for unknown identities."""
  profiles(identities: [IdentityInput!]!, mergePolicyId: ID): [Profile]!
  """The identity graph an identity belongs to."""
  identityGraph(identity: IdentityInput!): IdentityGraph
  datasets: [Dataset!]!
  mergePolicies: [MergePolicy!]!
  identityNamespaces: [IdentityNamespace!]!
  segments: [Segment!]!
  segment(id: ID!): Segment
}

"""The source of one fragment: a record of a dataset."""
type ProfileFragment {
  datasetId: ID!
  recordId: ID!
  timestamp: DateTime!
}

type ExperienceEventConnection {
  edges: [ExperienceEventEdge!]!
  pageInfo: PageInfo!
}

type ExperienceEventEdge {
  cursor: String!
  node: ExperienceEvent!
}

type PageInfo {
  hasNextPage: Boolean!
  endCursor: String
}

type IdentityGraph {
  """The graph's identities: the looked-up one first, then in the order the walk reached them. The primary one is of the highest-priority namespace."""
  identities: [Identity!]!
  """Every link between two identities of the graph, one per record that made it."""
  links: [IdentityLink!]!
  """Links that were not followed because they would put two identities of a unique-per-graph namespace (CRMID, LoyaltyId) in one graph."""
  skippedLinks: [SkippedIdentityLink!]!
}

"""A link the over-merge protection did not follow, and why."""
type SkippedIdentityLink {
  from: Identity!
  to: Identity!
  datasetId: ID!
  recordId: ID!
  reason: String!
}

"""Two identities seen together in one record."""
type IdentityLink {
  from: Identity!
  to: Identity!
  datasetId: ID!
  recordId: ID!
}

type Dataset {
  id: ID!
  name: String!
  """The composition the dataset's records follow, e.g. profile-crm."""
  schemaId: String!
  schemaClass: SchemaClass!
  profileEnabled: Boolean!
}

type MergePolicy {
  id: ID!
  name: String!
  isDefault: Boolean!
  identityStitching: IdentityStitching!
  attributeMerge: AttributeMerge!
  """Datasets from highest to lowest rank, for DATASET_PRECEDENCE."""
  datasetPrecedence: [ID!]
}

type IdentityNamespace {
  code: String!
  type: String!
  uniquePerGraph: Boolean!
  priority: Int!
}

type Segment {
  id: ID!
  name: String!
  """The definition, in the PQL subset the README documents."""
  expression: String!
  evaluation: SegmentEvaluation!
  size: Int!
}

type SegmentMembership {
  segment: Segment!
  status: MembershipStatus!
  lastQualificationTime: DateTime!
}

type Mutation {
  createDataset(input: DatasetInput!): Dataset!
  createMergePolicy(input: MergePolicyInput!): MergePolicy!
  """Validates and stores records; the valid records of a call are stored even when others are rejected."""
  ingest(datasetId: ID!, records: [JSON!]!): IngestResult!
  createSegment(input: SegmentInput!): Segment!
  """Evaluates every segment over all profiles; returns the number of profiles evaluated."""
  evaluateSegments: Int!
  """Privacy erase: removes every record carrying the identity; returns the number of records removed."""
  deleteIdentity(identity: IdentityInput!): Int!
}

input DatasetInput {
  id: ID!
  name: String!
  schemaId: String!
  profileEnabled: Boolean = true
}

input MergePolicyInput {
  id: ID!
  name: String!
  identityStitching: IdentityStitching!
  attributeMerge: AttributeMerge!
  datasetPrecedence: [ID!]
  isDefault: Boolean = false
}

input SegmentInput {
  id: ID
  name: String!
  expression: String!
  evaluation: SegmentEvaluation = STREAMING
}

type IngestResult {
  accepted: Int!
  rejected: [RecordError!]!
}

"""Why one record of an ingest call was rejected."""
type RecordError {
  """Position of the record in the call, from 0."""
  index: Int!
  recordId: String
  """Where in the record, e.g. person.name.firstName."""
  path: String
  """Every problem of the record, each naming its path and rule, separated by '; '."""
  message: String!
  """INVALID_JSON, INVALID_RECORD, MISSING_RECORD_ID, RECORD_TOO_LARGE, TOO_MANY_IDENTITIES, UNKNOWN_NAMESPACE or NO_IDENTITY."""
  code: String!
}
`;

/** Fields every `Profile` has besides its XDM fields, in contract order. */
export const PROFILE_FIXED_FIELDS: readonly { readonly name: string; readonly sdl: string }[] = [
  { name: 'identities', sdl: '"All identities of the fragments that were merged."\n  identities: [Identity!]!' },
  { name: 'mergePolicy', sdl: '"The merge policy this profile was merged under."\n  mergePolicy: MergePolicy!' },
  { name: 'fragments', sdl: '"The records merged into this profile (provenance)."\n  fragments: [ProfileFragment!]!' },
  {
    name: 'attributeSource',
    sdl: '"The fragment a merged attribute came from, by path, e.g. person.name.firstName."\n  attributeSource(path: String!): ProfileFragment',
  },
  {
    name: 'events',
    sdl: '"Experience events of the whole profile, newest first."\n  events(first: Int, after: String, since: DateTime, until: DateTime, eventTypes: [String!]): ExperienceEventConnection!',
  },
  { name: 'segmentMembership', sdl: '"The segments this profile qualifies or qualified for."\n  segmentMembership: [SegmentMembership!]!' },
];

/** Fields every `ExperienceEvent` has besides its XDM fields: its `identityMap`, as identities. */
export const EXPERIENCE_EVENT_FIXED_FIELDS: readonly { readonly name: string; readonly sdl: string }[] = [
  { name: 'identities', sdl: '"The identities of the event\'s identityMap."\n  identities: [Identity!]!' },
];
