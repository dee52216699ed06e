/** The synthetic demo data set, and seeding it through the ingestion pipeline. */
export { type DemoOptions, type DemoRecord, demoIdentities, generateDemoRecords } from './generateDemoRecords';
export { type SeedResult, seedDemoData } from './seedDemoData';
