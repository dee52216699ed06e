import type { CompiledComputedAttribute, RecordFields } from '../pql';
import { compareCodePoints } from '../text';
import type { CompiledSegment } from './SegmentCatalog';

/**
 * The top-level record fields that evaluating `segments` together reads
 * (pure): the union of their expressions' profile fields, and of their
 * `xEvent[...]` event fields and the event fields of the computed attributes
 * they use (those among `computedAttributes`). Each once, sorted by code point.
 *
 * Nothing is added for merging or the identity graph, because they read no
 * record field: fragment selection reads the stored `identityKeys`, the
 * merge ranks by the stored `timestamp` (already
 * `extSourceSystemAudit.lastUpdatedDate`, resolved at ingestion), dataset id
 * and `recordId`, and leaves `identityMap` out; graphs are walked over the
 * link collection. The store returns those stored fields with every read.
 */
export function recordFieldsToRead(segments: readonly CompiledSegment[], computedAttributes: readonly CompiledComputedAttribute[]): RecordFields {
  const byName = new Map(computedAttributes.map((attribute) => [attribute.definition.name, attribute]));
  const profile = new Set<string>();
  const event = new Set<string>();
  for (const { expression } of segments) {
    for (const field of expression.recordFields.profile) profile.add(field);
    for (const field of expression.recordFields.event) event.add(field);
    for (const name of expression.computedAttributes) for (const field of byName.get(name)?.eventFields ?? []) event.add(field);
  }
  return { profile: sorted(profile), event: sorted(event) };
}

function sorted(fields: ReadonlySet<string>): string[] {
  return [...fields].sort(compareCodePoints);
}
