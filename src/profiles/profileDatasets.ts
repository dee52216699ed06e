import type { Dataset, SchemaClass } from '../store';

/**
 * The datasets a profile is made of, of one class: profile-enabled datasets
 * of `PROFILE` give its fragments, of `EXPERIENCE_EVENT` its events. A
 * dataset not enabled for profile is never read for one.
 */
export function profileDatasets(datasets: readonly Dataset[], schemaClass: SchemaClass): Dataset[] {
  return datasets.filter((dataset) => dataset.schemaClass === schemaClass && dataset.profileEnabled);
}
