import type { DataUsageLabel } from '../xdm';
import type { GatewayRole } from './GatewayRole';

/**
 * For each role, the data-usage labels it may not read: a field that serves
 * XDM data with one of them cannot be selected by that role. Every role is
 * present (an empty list reads everything).
 */
export type DataUsagePolicy = Readonly<Record<GatewayRole, readonly DataUsageLabel[]>>;

/** Partners may not read directly identifiable data (`I1`); analysts and frontends read every label. */
export const DEFAULT_DATA_USAGE_POLICY: DataUsagePolicy = { analyst: [], frontend: [], partner: ['I1'] };
