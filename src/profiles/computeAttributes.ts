import type { CompiledComputedAttribute, PqlEvent } from '../pql';

/** The value of each computed attribute over a profile's events at `now`, by name. */
export function computeAttributes(attributes: readonly CompiledComputedAttribute[], events: readonly PqlEvent[], now: Date): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const attribute of attributes) values.set(attribute.definition.name, attribute.compute(events, now));
  return values;
}

/** The start of the widest window the attributes read at `now`; `null` when one reads every event. */
export function attributesWindowStart(attributes: readonly CompiledComputedAttribute[], now: Date): Date | null {
  const windows = attributes.map((attribute) => attribute.lookbackMs);
  return windows.includes(null) ? null : new Date(now.getTime() - Math.max(0, ...(windows as number[])));
}
