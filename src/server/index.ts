/** HTTP serving, configuration and start-up. */
export { ConfigError, type GatewayConfig, type IngestLimits, readConfig, type StoreConfig } from './config';
export { createGateway, type Gateway } from './createGateway';
export { startGateway } from './startGateway';
export { createServices, type ServicesOptions } from './createServices';
export { DEFAULT_DATASETS, DEFAULT_MERGE_POLICIES, ensureDefaults } from './defaults';
export { createIngestRouter, type IngestHttpErrorCode, type IngestRouterOptions } from './createIngestRouter';
export { type NdjsonLine, readNdjsonLines } from './readNdjsonLines';
export { parseNdjsonLine, readNdjsonRecords } from './readNdjsonRecords';
