/**
 * GraphQL wiring: the schema (contract types + types generated from XDM),
 * resolvers, errors and their formatting.
 */
export { CONTRACT_TYPE_DEFS } from './contractTypeDefs';
export { EXPERIENCE_EVENT_FIXED_FIELDS, PROFILE_FIXED_FIELDS } from './fixedFields';
export { createGatewaySchema } from './createGatewaySchema';
export { createResolvers } from './createResolvers';
export { formatGatewayError, type FormatGatewayErrorOptions, isInternalError } from './formatGatewayError';
export { GatewayError, type GatewayErrorCode } from './GatewayError';
export type { GatewayContext, GatewayServices } from './GatewayContext';
export type { XdmRecord } from './models';
export { printGatewaySchema } from './printGatewaySchema';
export { createContext, type RequestIdentity } from './createContext';
export { GATEWAY_ROLES, type GatewayRole } from './GatewayRole';
export { type LoaderBatch, type Loaders } from './loaders/createLoaders';
export { addDataUsageDirectives, type LabelledRoot } from './addDataUsageDirectives';
export { dataUsageFieldLabels, type FieldDataUsage } from './dataUsageFieldLabels';
export { type DataUsagePolicy, DEFAULT_DATA_USAGE_POLICY } from './DataUsagePolicy';
export { dataUsagePlugin } from './dataUsagePlugin';
export { ForbiddenFieldError } from './ForbiddenFieldError';
export { forbiddenFieldsRule, type ForbiddenFieldsOptions } from './forbiddenFieldsRule';
export { CursorSealer, MIN_CURSOR_SECRET_LENGTH } from './CursorSealer';
export { argumentValuesRule } from './argumentValuesRule';
export { labelsAlongPath } from './labelsAlongPath';
