/**
 * The data-usage labels a field may carry: Adobe Experience Platform's core
 * labels (contract `C1`–`C12`, identity `I1`–`I2`, sensitive `S1`–`S2`).
 * A label says how data may be used; which caller may read a labelled field
 * is the gateway's policy (per role), not the label's.
 */
export type DataUsageLabel =
  | 'C1'
  | 'C2'
  | 'C3'
  | 'C4'
  | 'C5'
  | 'C6'
  | 'C7'
  | 'C8'
  | 'C9'
  | 'C10'
  | 'C11'
  | 'C12'
  | 'I1'
  | 'I2'
  | 'S1'
  | 'S2';

/**
 * Every label with what it means, in the order labels are printed (the order
 * of Experience Platform's label reference). Paraphrased from the platform's
 * documentation of its core labels.
 */
export const DATA_USAGE_LABELS: ReadonlyMap<DataUsageLabel, string> = new Map<DataUsageLabel, string>([
  ['C1', 'exported only in aggregate, without individual or device identifiers'],
  ['C2', 'not exported to a third party'],
  ['C3', 'not combined with directly identifiable data'],
  ['C4', 'not used to target any ads or content'],
  ['C5', 'not used for interest-based cross-site targeting'],
  ['C6', 'not used for on-site ad targeting'],
  ['C7', 'not used for on-site content targeting'],
  ['C8', "not used to measure the organization's sites or apps"],
  ['C9', 'not used in data-science workflows'],
  ['C10', 'not used for stitched identity activation'],
  ['C11', 'not shared with segment-match partners'],
  ['C12', 'not exported in any way'],
  ['I1', 'directly identifiable: identifies or contacts a specific person'],
  ['I2', 'indirectly identifiable: identifies a person combined with other data'],
  ['S1', 'precise location: latitude and longitude'],
  ['S2', 'broad location: a geo-fence area'],
]);

/** Whether `value` is one of the {@link DATA_USAGE_LABELS} codes (case-sensitive: `I1`, not `i1`). */
export function isDataUsageLabel(value: unknown): value is DataUsageLabel {
  return typeof value === 'string' && DATA_USAGE_LABELS.has(value as DataUsageLabel);
}

/** The labels without repeats, in the order of {@link DATA_USAGE_LABELS}. */
export function sortDataUsageLabels(labels: Iterable<DataUsageLabel>): DataUsageLabel[] {
  const present = new Set(labels);
  return [...DATA_USAGE_LABELS.keys()].filter((label) => present.has(label));
}
