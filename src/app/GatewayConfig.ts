import type { IdentityRulesOptions } from '../identity';
import type { IngestionOptions } from '../ingest';
import type { DataUsagePolicy } from '../graphql';
import type { AccessConfig } from './AccessConfig';
import type { GraphQLLimits } from './GraphQLLimits';
import type { PersistedQueryManifest } from './PersistedQueryManifest';

/** Where the data lives: MongoDB when `MONGODB_URI` is set, else the embedded store. */
export type StoreConfig =
  | {
      readonly kind: 'embedded';
      /**
       * `DATA_DIR`: the directory the embedded store keeps its data in (a
       * journal of its writes, each fsynced before it is acknowledged, replayed
       * at start), resolved from the working directory; `off` keeps it in
       * memory only (lost when the process stops). @default '.data' (git-ignored)
       */
      readonly dataDir: string | null;
    }
  | {
      readonly kind: 'mongodb';
      /** `MONGODB_URI`. */
      readonly uri: string;
      /** `MONGODB_DB`. @default 'profile_gateway' */
      readonly dbName: string;
      /**
       * `MONGODB_SERVER_SELECTION_TIMEOUT_MS`: how long a request waits for an
       * unreachable database before it fails with `STORE_UNAVAILABLE` (and
       * `/readyz` answers 503). Short, so an outage surfaces in seconds
       * instead of holding every request. @default 5000
       */
      readonly serverSelectionTimeoutMS: number;
      /**
       * `MONGODB_CONFIGURATION_CACHE_MS`: how long this process keeps the
       * lists of datasets and merge policies that every lookup reads; 0 reads
       * them on every request. Its own changes are seen at once, another
       * gateway's within this time. @default 1000
       */
      readonly configurationCacheMs: number;
    };

/** Limits of the ingestion doors, besides the pipeline's own guardrails. */
export interface IngestLimits extends Required<IngestionOptions> {
  /** `INGEST_MAX_RECORDS_PER_CALL`: records one GraphQL `ingest` call may carry. @default 1000 */
  readonly maxRecordsPerCall: number;
  /** `INGEST_MAX_BODY_BYTES`: largest `POST /ingest/:datasetId` body (413 above). @default 1073741824 (1 GiB) */
  readonly maxBodyBytes: number;
}

/**
 * The gateway's configuration, read from the environment in this one place
 * and checked once at start-up. Nothing else reads `process.env`.
 */
export interface GatewayConfig {
  /** `PORT`. @default 4000 */
  readonly port: number;
  /** `HOST`: the address to listen on. @default '127.0.0.1' */
  readonly host: string;
  /**
   * `NODE_ENV`. `production` masks internal errors and drops stack traces.
   * @default 'development'
   */
  readonly environment: 'development' | 'production' | 'test';
  readonly store: StoreConfig;
  readonly ingest: IngestLimits;
  /**
   * `IDENTITY_GRAPH_MAX_SIZE` (default 50), `IDENTITY_BLOCKED_PATTERNS` (a JSON array of regular expressions,
   * each matching a whole value; default none), `IDENTITY_PHONE_DEFAULT_REGION` (e.g. `PT`; checked by IdentityRules).
   */
  readonly identity: Required<IdentityRulesOptions>;
  /**
   * `DEMO_PROFILES`: demo people seeded at start-up into the embedded store
   * when it holds no record yet (so a restart never duplicates nor overwrites
   * data; never into MongoDB: use `profile-gateway seed` for that). `0` seeds nothing.
   * @default 10000
   */
  readonly demoProfiles: number;
  /**
   * `SEGMENT_STREAMING_MAX_WAIT_MS`: how long an ingestion acknowledgement
   * waits, per stored batch, for the streaming segment evaluation of the
   * profiles it touched; past it the acknowledgement goes out and the
   * evaluation finishes in the background. `0` never waits. @default 1000
   */
  readonly segments: {
    readonly streamingMaxWaitMs: number;
    /**
     * `SEGMENT_STREAMING` (`on` | `off`): whether ingestion evaluates streaming
     * segments at all. `off` suits a bulk back-fill on a slow store, followed by
     * `profile-gateway segments evaluate`. @default 'on'
     */
    readonly streaming: boolean;
  };
  /**
   * `AUTH_MODE` (`open` | `apiKey`; default `open` when `NODE_ENV` is
   * `development`, else `apiKey`) and the keys of `API_KEYS` (JSON) or
   * `API_KEYS_FILE` (a JSON file): `[{ "key", "role", "name" }]`.
   */
  readonly access: AccessConfig;
  /** `PERSISTED_QUERIES_FILE`: the trusted documents (both manifest forms), checked at start-up. @default none */
  readonly persistedQueries: PersistedQueryManifest;
  /** `GRAPHQL_MAX_*`, `REQUEST_TIMEOUT_MS`: what one GraphQL request may ask for. */
  readonly limits: GraphQLLimits;
  /**
   * `LOG_LEVEL`: the least severe JSON log lines written to stdout, one of
   * `fatal`, `error`, `warn`, `info` (one line per GraphQL request), `debug`,
   * `trace`, or `silent`. @default 'info'
   */
  readonly logLevel: LogLevel;
  /**
   * `DATA_USAGE_FORBIDDEN_LABELS`: for each role, the data-usage labels it may
   * not read, as JSON (`{"partner": ["I1"], "frontend": []}`). It replaces the
   * default whole: a role it leaves out reads every label.
   * @default `DEFAULT_DATA_USAGE_POLICY`: partner C1 C2 C4 C5 C10 C11 C12 I1 I2 S1 S2; frontend C1 C4 C6 C7 C12; analyst none
   */
  readonly dataUsage: DataUsagePolicy;
  /**
   * `CURSOR_SECRET`: the secret (at least 32 characters) every cursor is
   * sealed with (AES-256-GCM, key derived by HKDF), so cursors are opaque and
   * unforgeable. Give every replica the same one for cursors to page across
   * them and across restarts. Unset: a random key per process, and a warning
   * in production (a cursor then fails with `BAD_USER_INPUT` after a restart
   * or on another replica). @default null
   */
  readonly cursorSecret: string | null;
}

/** The levels `LOG_LEVEL` takes, most to least severe; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration value that is present but wrong; the message names the variable and what it takes. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
