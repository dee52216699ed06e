import { SHIPPED_NAMESPACES } from '../identity';
import type { MergePolicy } from '../merge';
import { SHIPPED_COMPUTED_ATTRIBUTES } from '../pql';
import { type Dataset, DuplicateError, type ProfileStore, type SegmentDefinition } from '../store';

/** The demo datasets every gateway starts with (on the shipped compositions). */
export const DEFAULT_DATASETS: readonly Omit<Dataset, 'createdAt'>[] = [
  { id: 'crm', name: 'CRM customers', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true },
  { id: 'scores', name: 'Model scores', schemaId: 'profile-scores', schemaClass: 'PROFILE', profileEnabled: true },
  { id: 'web', name: 'Web and commerce events', schemaId: 'event-web-commerce', schemaClass: 'EXPERIENCE_EVENT', profileEnabled: true },
  { id: 'marketing', name: 'Marketing events', schemaId: 'event-marketing', schemaClass: 'EXPERIENCE_EVENT', profileEnabled: true },
];

/** The merge policies every gateway starts with: the default, and CRM over scores. */
export const DEFAULT_MERGE_POLICIES: readonly MergePolicy[] = [
  {
    id: 'default',
    name: 'Newest value wins, whole identity graph',
    isDefault: true,
    identityStitching: 'PRIVATE_GRAPH',
    attributeMerge: { kind: 'timestampOrdered' },
  },
  {
    id: 'crm-first',
    name: 'CRM over model scores, whole identity graph',
    isDefault: false,
    identityStitching: 'PRIVATE_GRAPH',
    attributeMerge: { kind: 'datasetPrecedence', order: ['crm', 'scores'] },
  },
];

/**
 * The demo segments every gateway starts with: what an agent sees at a
 * glance (loyalty, recent purchases, value, churn risk). Each is checked
 * against the compiled schema by the tests, like any segment created through
 * the API.
 */
export const DEFAULT_SEGMENTS: readonly Omit<SegmentDefinition, 'createdAt'>[] = [
  { id: 'gold-members', name: 'Gold and platinum loyalty members', expression: 'loyalty.tier in ["gold", "platinum"]', evaluation: 'STREAMING' },
  {
    id: 'recent-buyers',
    name: 'Bought something in the last 30 days',
    expression: 'xEvent[eventType = "commerce.purchases" and timestamp occurs <= 30 days before now].exists()',
    evaluation: 'STREAMING',
  },
  { id: 'high-value', name: 'Lifetime value of 500 or more', expression: 'computedAttributes.lifetimeValue >= 500', evaluation: 'BATCH' },
  {
    id: 'churn-risk',
    name: 'Likely to churn, not a top-tier member',
    expression: '_demo.churnPropensity > 0.7 and not (loyalty.tier in ["gold", "platinum"])',
    evaluation: 'STREAMING',
  },
];

/**
 * Puts the shipped namespaces, and creates the demo datasets, merge
 * policies, computed attributes and segments that are missing. Idempotent; never changes what exists, so a
 * default chosen through the API stays the default after a restart.
 */
export async function ensureDefaults(store: ProfileStore, now: Date = new Date()): Promise<void> {
  for (const namespace of SHIPPED_NAMESPACES) await store.putNamespace(namespace);
  const datasets = new Set((await store.listDatasets()).map((dataset) => dataset.id));
  for (const dataset of DEFAULT_DATASETS) {
    if (!datasets.has(dataset.id)) await ignoreDuplicate(store.createDataset({ ...dataset, createdAt: now }));
  }
  const policies = new Set((await store.listMergePolicies()).map((policy) => policy.id));
  for (const policy of DEFAULT_MERGE_POLICIES) {
    if (!policies.has(policy.id)) await ignoreDuplicate(store.createMergePolicy(policy));
  }
  const attributes = new Set((await store.segments.listComputedAttributes()).map((attribute) => attribute.name));
  for (const attribute of SHIPPED_COMPUTED_ATTRIBUTES) {
    if (!attributes.has(attribute.name)) await ignoreDuplicate(store.segments.createComputedAttribute({ ...attribute, createdAt: now }));
  }
  const segments = new Set((await store.segments.listSegments()).map((segment) => segment.id));
  for (const segment of DEFAULT_SEGMENTS) {
    if (!segments.has(segment.id)) await ignoreDuplicate(store.segments.createSegment({ ...segment, createdAt: now }));
  }
}

/** Another gateway replica may have created it at the same moment: that is fine. */
async function ignoreDuplicate(write: Promise<void>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
  }
}
