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
  """Every segment, by id."""
  segments: [Segment!]!
  """A segment by id; null when there is none."""
  segment(id: ID!): Segment
  """Every computed attribute definition, by name."""
  computedAttributes: [ComputedAttribute!]!
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
  """Why, naming namespaces and rules only (never an identity value): 'CRMID is unique per graph and the graph already holds another CRMID identity'."""
  reason: String!
  """The identity of the graph that holds the unique namespace the link would have added a second one of."""
  heldBy: Identity!
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

"""How a namespace writes its identity values, at every ingestion door and every lookup alike."""
enum IdentityNormalization {
  """Trimmed, Unicode NFC, lower case; one '@' between a local part and a domain (internationalized addresses included)."""
  EMAIL
  """E.164 (+ and digits), parsed by libphonenumber-js; a number without a country code takes IDENTITY_PHONE_DEFAULT_REGION."""
  PHONE_E164
  """Trimmed, Unicode NFC, lower case."""
  LOWERCASE
  """As given."""
  NONE
}

type IdentityNamespace {
  code: String!
  type: String!
  uniquePerGraph: Boolean!
  priority: Int!
  """How the namespace's identity values are normalized before they are stored or looked up."""
  normalization: IdentityNormalization!
}

type Segment {
  id: ID!
  name: String!
  """The definition, in the PQL subset the README documents."""
  expression: String!
  """STREAMING segments are evaluated as records arrive and by batch runs; BATCH segments by batch runs only."""
  evaluation: SegmentEvaluation!
  """Profiles whose membership is REALIZED."""
  size: Int!
  """Profiles whose membership is REALIZED, a page at a time (first: 1 to 100, default 20), in a stable order."""
  members(first: Int, after: String): SegmentMemberConnection!
  createdAt: DateTime!
}

type SegmentMemberConnection {
  edges: [SegmentMemberEdge!]!
  pageInfo: PageInfo!
}

type SegmentMemberEdge {
  cursor: String!
  """The member's canonical identity (the smallest identity key of its graph)."""
  identity: Identity!
  lastQualificationTime: DateTime!
  """The member's profile under the default merge policy; null when its records were removed since it qualified."""
  node: Profile
}

type SegmentMembership {
  segment: Segment!
  status: MembershipStatus!
  """When the profile qualified (REALIZED) or exited (EXITED)."""
  lastQualificationTime: DateTime!
}

"""The aggregate a computed attribute applies to the matching events of a profile."""
enum ComputedAttributeFunction {
  SUM
  COUNT
  MIN
  MAX
  MOST_RECENT
}

"""An attribute computed at read time from the events of the profile's whole identity graph."""
type ComputedAttribute {
  """How profiles (computedAttribute(name:)) and PQL (computedAttributes.<name>) name it."""
  name: String!
  description: String
  function: ComputedAttributeFunction!
  """The event field aggregated (short-form path); null for COUNT."""
  field: String
  """A PQL condition on one event; null: every event."""
  filter: String
  """Only events at most this many days old count; null: every event."""
  lookbackDays: Int
  createdAt: DateTime!
}

"""A computed attribute's value for one profile."""
type ComputedAttributeValue {
  name: String!
  """A number for SUM, COUNT, MIN and MAX (MIN and MAX of a date-time field: a date-time); the field's value for MOST_RECENT; null when no event matched (COUNT: 0)."""
  value: JSON
}

type Mutation {
  createDataset(input: DatasetInput!): Dataset!
  createMergePolicy(input: MergePolicyInput!): MergePolicy!
  """Validates and stores records; the valid records of a call are stored even when others are rejected."""
  ingest(datasetId: ID!, records: [JSON!]!): IngestResult!
  """Defines a segment; the expression is checked against the profile schema now, not at evaluation."""
  createSegment(input: SegmentInput!): Segment!
  """Batch run: evaluates every segment over all profiles, each identity graph once; returns the number of profiles evaluated."""
  evaluateSegments: Int!
  """Privacy erase: removes every record carrying the identity, and the segment memberships that name it (what is left of its graph is evaluated afresh); returns the number of records removed."""
  deleteIdentity(identity: IdentityInput!): Int!
  """Defines a computed attribute, usable at once on profiles and in segment expressions."""
  createComputedAttribute(input: ComputedAttributeInput!): ComputedAttribute!
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
  """1 to 64 letters, digits, '_', '-' or '.'; a random UUID when absent."""
  id: ID
  name: String!
  expression: String!
  evaluation: SegmentEvaluation = STREAMING
}

input ComputedAttributeInput {
  name: String!
  description: String
  function: ComputedAttributeFunction!
  field: String
  filter: String
  lookbackDays: Int
}

type IngestResult {
  accepted: Int!
  """The first 100 rejected records, in input order (all of them when rejectedCount is 100 or less)."""
  rejected: [RecordError!]!
  """Every rejected record of the call, listed in rejected or not."""
  rejectedCount: Int!
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
  """INVALID_JSON, INVALID_RECORD, MISSING_RECORD_ID, RECORD_TOO_LARGE, TOO_MANY_IDENTITIES, UNKNOWN_NAMESPACE, INVALID_IDENTITY or NO_IDENTITY."""
  code: String!
}
`;
