/**
 * One experience event as evaluation sees it. `timestamp` is authoritative:
 * the path `timestamp` reads it, not `record.timestamp`.
 */
export interface PqlEvent {
  readonly timestamp: Date;
  readonly record: { readonly [key: string]: unknown };
}

/** Everything a segment expression reads about one profile (plain data, no I/O). */
export interface PqlInput {
  /** The merged profile, short form (`person.name.firstName`, `loyalty.tier`, `_demo.churnPropensity`). */
  readonly profile: { readonly [key: string]: unknown };
  /** Events of the profile's whole graph, any order (at least those within eventLookbackMs). */
  readonly events: readonly PqlEvent[];
  /** Values of computed attributes by name (null when no event matched). */
  readonly computedAttributes: { readonly [name: string]: unknown };
  /** The instant time windows (`timestamp occurs <= 30 days before now`) are measured from. */
  readonly now: Date;
}
