import type { DataUsageLabel } from '../xdm';
import type { GatewayRole } from './GatewayRole';

/**
 * For each role, the data-usage labels it may not read: a field that serves
 * XDM data with one of them cannot be selected by that role, and a value
 * derived from such data (a computed value, a cursor, a text) is refused
 * alike. Every role is present (an empty list reads everything).
 */
export type DataUsagePolicy = Readonly<Record<GatewayRole, readonly DataUsageLabel[]>>;

/**
 * Each role against what each label means (docs/data-usage-labels.md has the
 * table and the reasons):
 * - `partner` is a third party: no contract label that forbids export to it
 *   (`C1` aggregate only, `C2` no third party, `C12` no export at all), none
 *   that forbids a use a partner reads data for (`C4`, `C5` targeting,
 *   `C10` stitched activation, `C11` segment-match partners), and no
 *   identifying or sensitive data (`I1`, `I2`, `S1`, `S2`).
 * - `frontend` keys ship in the organization's web and app code: what it
 *   reads leaves the platform one person at a time (`C1`, `C12`) and serves
 *   on-site targeting (`C4`, `C6`, `C7`).
 * - `analyst` is the operator's own staff and reads everything; the purposes
 *   `C3`, `C8` and `C9` restrict are not visible to the gateway.
 */
export const DEFAULT_DATA_USAGE_POLICY: DataUsagePolicy = {
  analyst: [],
  frontend: ['C1', 'C4', 'C6', 'C7', 'C12'],
  partner: ['C1', 'C2', 'C4', 'C5', 'C10', 'C11', 'C12', 'I1', 'I2', 'S1', 'S2'],
};
