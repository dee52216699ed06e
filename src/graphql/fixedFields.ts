/**
 * The fields the gateway adds to the generated `Profile` and `ExperienceEvent`
 * types (their XDM fields come from the compositions): public names of
 * `shared/docs/contract.md`, printed by `printGatewaySchema`.
 */
/** Fields every `Profile` has besides its XDM fields, in contract order. */
export const PROFILE_FIXED_FIELDS: readonly { readonly name: string; readonly sdl: string }[] = [
  {
    name: 'identities',
    sdl:
      '"The profile\'s stitched identity graph, primary (highest-priority namespace) first, then by namespace priority and id: the same set whichever of its identities looked the profile up, and the set identityGraph lists. It includes identities only events carry (the ECID of a web visit linked by a login) and leaves out those over-merge protection cut off (identityGraph.skippedLinks). Under a merge policy without stitching (NONE): the looked-up identity and those of the fragments merged."\n  identities: [Identity!]!',
  },
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
  {
    name: 'computedAttributes',
    sdl: '"Every computed attribute of the profile, by name, from the events of its whole identity graph."\n  computedAttributes: [ComputedAttributeValue!]!',
  },
  { name: 'computedAttribute', sdl: '"One computed attribute by name (see computedAttributes); null when no event matched."\n  computedAttribute(name: String!): JSON' },
];

/** Fields every `ExperienceEvent` has besides its XDM fields: its `identityMap`, as identities. */
export const EXPERIENCE_EVENT_FIXED_FIELDS: readonly { readonly name: string; readonly sdl: string }[] = [
  { name: 'identities', sdl: '"The identities of the event\'s identityMap."\n  identities: [Identity!]!' },
];
