/**
 * Who is asking, as the API key's role says (see `shared/docs/contract.md`,
 * "Access"): `analyst` may run anything and introspect; `frontend` may run
 * any query; `partner` may run only persisted operations and may not read
 * fields whose data-usage labels its role forbids.
 */
export type GatewayRole = 'analyst' | 'frontend' | 'partner';

/** Every role, in the order docs/access.md documents them. */
export const GATEWAY_ROLES: readonly GatewayRole[] = ['analyst', 'frontend', 'partner'];
